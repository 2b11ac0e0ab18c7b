package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.clinval.imaging.dicom.Orientation;
import org.clinval.imaging.dicom.Vector3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidatesTest {

    @TempDir Path dir;

    static VolumeGeometry axial(int slices, int rows, int cols, double rs, double cs, double ss) {
        return new VolumeGeometry(
                rows,
                cols,
                slices,
                new Vector3(-50, -40, 100),
                new Orientation(new Vector3(1, 0, 0), new Vector3(0, 1, 0)),
                rs,
                cs,
                ss);
    }

    @Test
    void anisotropicSpacingIsCarriedIntoTheCentresInMm() {
        VolumeGeometry g = axial(10, 12, 14, 0.6, 0.9, 3.0);
        float[][] p = new float[10][12 * 14];
        // a 2 x 3 x 4 box at slices 4-5, rows 2-4, columns 6-9, peak 0.9
        for (int s = 4; s <= 5; s++)
            for (int r = 2; r <= 4; r++) for (int c = 6; c <= 9; c++) p[s][r * 14 + c] = 0.6f;
        p[5][3 * 14 + 7] = 0.9f;
        // a single voxel: below the minimum size
        p[0][0] = 0.99f;
        List<Candidate> found = Candidates.extract(new ProbabilityVolume(g, p), 0.5, 2);
        assertThat(found).hasSize(1);
        Candidate c = found.get(0);
        assertThat(c.voxels()).isEqualTo(24);
        assertThat(c.score()).isCloseTo(0.9, within(1e-6));
        // centre index (4.5, 3, 7.5): x along columns (0.9 mm), y along rows (0.6 mm), z slices (3
        // mm)
        assertThat(c.centre().x()).isCloseTo(-50 + 7.5 * 0.9, within(1e-9));
        assertThat(c.centre().y()).isCloseTo(-40 + 3 * 0.6, within(1e-9));
        assertThat(c.centre().z()).isCloseTo(100 + 4.5 * 3.0, within(1e-9));
        assertThat(c.equivalentDiameterMm())
                .isCloseTo(Math.cbrt(6 * 24 * 0.6 * 0.9 * 3.0 / Math.PI), within(1e-9));
        assertThat(Candidates.extract(new ProbabilityVolume(g, p), 0.5, 1)).hasSize(2);
    }

    @Test
    void obliqueGeometryMapsThroughTheCosines() {
        // rows along -z, columns along +x: a coronal-like grid
        VolumeGeometry g =
                new VolumeGeometry(
                        5,
                        6,
                        4,
                        new Vector3(10, 20, 30),
                        new Orientation(new Vector3(1, 0, 0), new Vector3(0, 0, -1)),
                        2.0,
                        0.5,
                        1.5);
        assertThat(g.normal().y()).isEqualTo(1.0);
        assertThat(Math.abs(g.normal().x()) + Math.abs(g.normal().z())).isZero();
        Vector3 p = g.toPatient(2, 3, 4);
        assertThat(p.x()).isCloseTo(10 + 4 * 0.5, within(1e-12));
        assertThat(p.y()).isCloseTo(20 + 2 * 1.5, within(1e-12));
        assertThat(p.z()).isCloseTo(30 - 3 * 2.0, within(1e-12));
        assertThat(g.toIndex(p)).containsExactly(new double[] {2, 3, 4}, within(1e-12));
    }

    @Test
    void orderIsScoreDescendingThenPosition() {
        VolumeGeometry g = axial(3, 8, 8, 1, 1, 1);
        float[][] p = new float[3][64];
        p[2][0] = 0.7f; // later in scan order, same score
        p[0][63] = 0.7f;
        p[1][4 * 8 + 4] = 0.8f;
        List<Candidate> found = Candidates.extract(new ProbabilityVolume(g, p), 0.5, 1);
        assertThat(found)
                .extracting(Candidate::score)
                .containsExactly(0.8f * 1.0, 0.7f * 1.0, 0.7f * 1.0);
        assertThat(found.get(1).index()[0]).isEqualTo(0);
        assertThat(found.get(2).index()[0]).isEqualTo(2);
    }

    /**
     * Components, sizes, centres of mass and maxima against scipy 1.x (the python3 on the PATH;
     * scipy 1.17.1 when written): {@code scipy.ndimage.label(mask, structure=np.ones((3, 3, 3)))},
     * then {@code sum}, {@code center_of_mass} and {@code maximum} per label, on a random volume
     * written by the test.
     */
    @Test
    void componentsAgreeWithScipyNdimageLabel() throws Exception {
        int slices = 9, rows = 11, cols = 13;
        Random rnd = new Random(20240607);
        float[][] p = new float[slices][rows * cols];
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < slices; s++) {
            for (int i = 0; i < rows * cols; i++) {
                p[s][i] = rnd.nextInt(1000) / 1000f;
                text.append(p[s][i]).append('\n');
            }
        }
        Path values = dir.resolve("p.txt");
        Files.writeString(values, text);
        String script =
                String.join(
                        "\n",
                        "import sys, json, numpy as np",
                        "from scipy import ndimage",
                        "p = np.loadtxt(sys.argv[1], dtype=np.float32).reshape("
                                + slices
                                + ", "
                                + rows
                                + ", "
                                + cols
                                + ")",
                        "m = p >= np.float32(0.93)",
                        "lab, n = ndimage.label(m, structure=np.ones((3, 3, 3)))",
                        "idx = list(range(1, n + 1))",
                        "size = ndimage.sum(m, lab, idx)",
                        "com = ndimage.center_of_mass(m, lab, idx)",
                        "mx = ndimage.maximum(p, lab, idx)",
                        "print(json.dumps([{'size': int(size[i]), 'com': [float(x) for x in com[i]],"
                                + " 'max': float(mx[i])} for i in range(n)]))");
        Process proc = new ProcessBuilder("python3", "-c", script, values.toString()).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(proc.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        // The reference must run: a missing python3-scipy (.ci/install-test-tools) fails the test.
        assertThat(proc.exitValue()).as(err).isZero();
        JsonNode ref = new ObjectMapper().readTree(out);

        VolumeGeometry g = axial(slices, rows, cols, 1, 1, 1);
        List<Candidate> found = Candidates.extract(new ProbabilityVolume(g, p), 0.93, 1);
        assertThat(found).hasSize(ref.size());
        assertThat(ref.size()).isGreaterThan(10);
        List<double[]> mine = new ArrayList<>();
        for (Candidate c : found) {
            double[] i = c.index();
            mine.add(new double[] {c.voxels(), i[0], i[1], i[2], c.score()});
        }
        List<double[]> theirs = new ArrayList<>();
        for (JsonNode n : ref) {
            theirs.add(
                    new double[] {
                        n.get("size").asDouble(),
                        n.get("com").get(0).asDouble(),
                        n.get("com").get(1).asDouble(),
                        n.get("com").get(2).asDouble(),
                        n.get("max").asDouble()
                    });
        }
        Comparator<double[]> byCentre =
                Comparator.<double[]>comparingDouble(a -> a[1])
                        .thenComparingDouble(a -> a[2])
                        .thenComparingDouble(a -> a[3]);
        mine.sort(byCentre);
        theirs.sort(byCentre);
        for (int k = 0; k < mine.size(); k++) {
            assertThat(mine.get(k)).containsExactly(theirs.get(k), within(1e-6));
        }
        assertThat(mine.stream().anyMatch(a -> a[0] > 2)).as("some components merge").isTrue();
    }
}
