package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.dicom.Vector3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesVolumeTest {

    @TempDir Path dir;

    @Test
    void slicesGivenOutOfOrderAreSortedAlongTheNormal() throws Exception {
        // instance k+1 at z = 10 + 2.5 * order[k]: written shuffled
        int[] order = {3, 0, 4, 1, 2};
        double[][] pos = new double[5][];
        for (int k = 0; k < 5; k++) pos[k] = new double[] {-100, -80, 10 + 2.5 * order[k]};
        List<Path> files = Fixtures.write(dir, "sorted", pos, 6, 7);
        SeriesVolume v = SeriesVolume.read("case-0001", files);

        assertThat(v.slices()).isEqualTo(5);
        assertThat(v.rows()).isEqualTo(6);
        assertThat(v.columns()).isEqualTo(7);
        VolumeGeometry g = v.geometry();
        assertThat(g.rowSpacing()).isEqualTo(0.7);
        assertThat(g.columnSpacing()).isEqualTo(0.8);
        assertThat(g.sliceSpacing()).isCloseTo(2.5, within(1e-9));
        assertThat(g.origin()).isEqualTo(new Vector3(-100, -80, 10));
        for (int s = 0; s < 5; s++) {
            int instance = indexOf(order, s) + 1; // the instance written at z = 10 + 2.5 s
            assertThat(v.at(s, 2, 3)).isEqualTo(Fixtures.hu(instance, 2, 3));
            assertThat(v.sopInstanceUids().get(s))
                    .isEqualTo(Fixtures.series("sorted").sopInstanceUid(instance));
        }
        assertThat(v.sliceOf(v.sopInstanceUids().get(3))).isEqualTo(3);
        assertThat(g.toPatient(4, 5, 6)).isEqualTo(new Vector3(-100 + 6 * 0.8, -80 + 5 * 0.7, 20));
        assertThat(g.toIndex(new Vector3(-100 + 6 * 0.8, -80 + 5 * 0.7, 20)))
                .containsExactly(new double[] {4, 5, 6}, within(1e-9));
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        throw new AssertionError(v);
    }

    @Test
    void aMissingSliceIsRefusedNamingTheSeriesNotTheFile() throws Exception {
        double[][] pos = {
            {-100, -80, 0}, {-100, -80, 2.5}, {-100, -80, 5}, {-100, -80, 10}, {-100, -80, 12.5}
        };
        List<Path> files = Fixtures.write(dir, "gap", pos, 4, 4);
        assertThatThrownBy(() -> SeriesVolume.read("case-0002", files))
                .isInstanceOf(VolumeException.class)
                .hasMessageStartingWith("case-0002: ")
                .hasMessageContaining("missing slice")
                .hasMessageNotContaining(dir.toString())
                .hasMessageNotContaining(".dcm");
    }

    @Test
    void gantryTiltIsRefused() throws Exception {
        double[][] pos = new double[5][];
        for (int k = 0; k < 5; k++) {
            pos[k] = new double[] {-100, -80 + 0.4 * k, 2.5 * k}; // about 9° tilt
        }
        List<Path> files = Fixtures.write(dir, "tilt", pos, 4, 4);
        assertThatThrownBy(() -> SeriesVolume.read("case-0003", files))
                .isInstanceOf(VolumeException.class)
                .hasMessageStartingWith("case-0003: gantry tilt")
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void irregularSpacingIsRefused() throws Exception {
        double[][] pos = {
            {-100, -80, 0},
            {-100, -80, 2.5},
            {-100, -80, 5},
            {-100, -80, 7.3},
            {-100, -80, 10},
            {-100, -80, 12.5}
        };
        List<Path> files = Fixtures.write(dir, "irregular", pos, 4, 4);
        assertThatThrownBy(() -> SeriesVolume.read("case-0004", files))
                .isInstanceOf(VolumeException.class)
                .hasMessageContaining("case-0004")
                .hasMessageContaining("irregular slice spacing")
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void duplicatePositionsAreRefused() throws Exception {
        double[][] pos = {{-100, -80, 0}, {-100, -80, 2.5}, {-100, -80, 2.5}, {-100, -80, 5}};
        List<Path> files = Fixtures.write(dir, "dup", pos, 4, 4);
        assertThatThrownBy(() -> SeriesVolume.read("case-0005", files))
                .isInstanceOf(VolumeException.class)
                .hasMessageContaining("duplicate slice position");
    }

    @Test
    void mixedSizeIsRefusedAndSingleSliceHasNoSliceSpacing() throws Exception {
        List<Path> files =
                new ArrayList<>(
                        Fixtures.write(dir.resolve("a"), "mixed", Fixtures.stack(3, 0, 2.5), 4, 4));
        files.addAll(
                Fixtures.write(dir.resolve("b"), "mixed", new double[][] {{-100, -80, 7.5}}, 5, 4));
        assertThatThrownBy(() -> SeriesVolume.read("case-0006", files))
                .isInstanceOf(VolumeException.class)
                .hasMessageContaining("mixed image size")
                .hasMessageNotContaining(dir.toString());
        List<Path> one = Fixtures.write(dir.resolve("c"), "one", Fixtures.stack(1, 0, 2.5), 4, 4);
        assertThatThrownBy(() -> SeriesVolume.read("case-0007", one))
                .isInstanceOf(VolumeException.class)
                .hasMessageContaining("single slice");
    }

    @Test
    void anUnreadableFileIsNamedByItsPositionOnly() throws Exception {
        List<Path> files =
                new ArrayList<>(Fixtures.write(dir, "bad", Fixtures.stack(3, 0, 2.5), 4, 4));
        Path junk = dir.resolve("patient-name-junk.dcm");
        java.nio.file.Files.writeString(junk, "not dicom");
        files.add(junk);
        assertThatThrownBy(() -> SeriesVolume.read("case-0008", files))
                .isInstanceOf(VolumeException.class)
                .hasMessageStartingWith("case-0008: file 4 of 4 cannot be read")
                .hasMessageNotContaining("patient-name-junk");
    }
}
