package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationTest {

    static final ModelIdentity MODEL = new ModelIdentity("nodule-net", "1.2.0", "ab".repeat(32));
    static final Code NODULE = new Code("27925004", "SCT", "Nodule");

    @TempDir Path dir;

    static DerivedInstance id(String name) {
        return new DerivedInstance(
                Uids.derive("test", name, "seg-series"),
                100,
                1,
                LocalDateTime.of(2024, 5, 6, 7, 8, 9),
                MODEL);
    }

    /** A sphere-ish blob centred at (r0, c0) on slices 1..2 and a single pixel on slice 3. */
    static SegmentMask blob(SourceSeries s) {
        int rows = s.rows();
        int cols = s.columns();
        boolean[][] m = new boolean[s.frames().size()][rows * cols];
        for (int k = 1; k < Math.min(3, m.length); k++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    m[k][r * cols + c] = (r - 2) * (r - 2) + (c - 3) * (c - 3) <= 2 + k;
                }
            }
        }
        if (m.length > 3) {
            m[3][rows * cols - 1] = true; // the last pixel: checks the end of the bit stream
        }
        if (m.length == 1) {
            m[0][0] = true;
            m[0][cols + 1] = true;
        }
        return new SegmentMask(Segment.finding("Finding 1", NODULE), m);
    }

    /** A second segment on frame 0 only, an odd diagonal. */
    static SegmentMask diagonal(SourceSeries s) {
        boolean[][] m = new boolean[s.frames().size()][s.rows() * s.columns()];
        for (int i = 0; i < Math.min(s.rows(), s.columns()); i++) {
            m[0][i * s.columns() + i] = true;
        }
        return new SegmentMask(Segment.finding("Finding 2", NODULE), m);
    }

    private SourceSeries series(int slices) throws Exception {
        List<Path> files = new ArrayList<>();
        Path d = Files.createDirectories(dir.resolve("src" + slices));
        for (WrittenInstance w : TestSeries.write(d, "seg-case-" + slices, slices, 7, 9)) {
            files.add(w.file());
        }
        java.util.Collections.reverse(files); // the reader sorts along the normal itself
        return SourceSeries.read(files);
    }

    @Test
    void volumeRoundTripsToTheSameMasksAndPassesDciodvfy() throws Exception {
        SourceSeries s = series(5);
        assertThat(s.frames())
                .extracting(SourceFrame::instanceNumber)
                .containsExactly(1, 2, 3, 4, 5);
        List<SegmentMask> masks = List.of(blob(s), diagonal(s));
        Path seg = dir.resolve("seg.dcm");
        WrittenInstance w = SegmentationWriter.write(s, masks, id("vol"), seg);
        assertThat(w.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.66.4");
        assertThat(SegmentationReader.read(seg, s)).isEqualTo(masks);
        Dciodvfy.Report r = Dciodvfy.assertValid(seg, "Segmentation");
        System.out.println("dciodvfy warnings, SEG: " + r.warnings());
        checkWithPydicom(seg, s, masks);
    }

    @Test
    void singleImageRoundTripsAndAnEmptySegmentKeepsAFrame() throws Exception {
        SourceSeries s = series(1);
        boolean[][] none = new boolean[1][s.rows() * s.columns()];
        List<SegmentMask> masks =
                List.of(blob(s), new SegmentMask(Segment.finding("Nothing found", NODULE), none));
        Path seg = dir.resolve("seg2d.dcm");
        SegmentationWriter.write(s, masks, id("2d"), seg);
        assertThat(SegmentationReader.read(seg, s)).isEqualTo(masks);
        Dciodvfy.assertValid(seg, "Segmentation");
        checkWithPydicom(seg, s, masks);
    }

    @Test
    void sameInputsGiveByteIdenticalSegmentations() throws Exception {
        SourceSeries s = series(3);
        Path a = dir.resolve("a.dcm");
        Path b = dir.resolve("b.dcm");
        SegmentationWriter.write(s, List.of(blob(s)), id("same"), a);
        SegmentationWriter.write(s, List.of(blob(s)), id("same"), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void refusesMasksThatDoNotFitTheSource() throws Exception {
        SourceSeries s = series(2);
        SegmentMask wrong =
                new SegmentMask(
                        Segment.finding("Bad", NODULE), new boolean[3][s.rows() * s.columns()]);
        assertThatThrownBy(
                        () ->
                                SegmentationWriter.write(
                                        s, List.of(wrong), id("x"), dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segment 'Bad' has 3 frames, the source 2");
        assertThatThrownBy(() -> SegmentationWriter.write(s, List.of(), id("x"), dir.resolve("x")))
                .hasMessageContaining("at least one segment");
    }

    @Test
    void readingAgainstAnotherSeriesNamesTheFile() throws Exception {
        SourceSeries s = series(2);
        Path seg = dir.resolve("seg.dcm");
        SegmentationWriter.write(s, List.of(blob(s)), id("other"), seg);
        SourceSeries other = series(3);
        assertThatThrownBy(() -> SegmentationReader.read(seg, other))
                .isInstanceOf(ImagingException.class)
                .hasMessageStartingWith(seg.toString())
                .hasMessageContaining("not among the source images");
    }

    /**
     * pydicom unpacks the bits itself (ds.pixel_array): every frame's set pixels, segment,
     * referenced source and position must be those of the masks. Reference call: {@code
     * /usr/bin/python3 src/test/python/seg_frames.py SEG} (pydicom 2.3.1, Debian bookworm).
     */
    private static void checkWithPydicom(Path seg, SourceSeries s, List<SegmentMask> masks)
            throws Exception {
        JsonNode j = new ObjectMapper().readTree(Python.run("seg_frames.py", seg.toString()));
        assertThat(j.get("rows").asInt()).isEqualTo(s.rows());
        assertThat(j.get("columns").asInt()).isEqualTo(s.columns());
        boolean[][][] seen = new boolean[masks.size()][s.frames().size()][s.rows() * s.columns()];
        for (JsonNode f : j.get("frames")) {
            int segment = f.get("segment").asInt() - 1;
            int source = s.indexOf(f.get("source").asText());
            assertThat(source).isNotNegative();
            double[] pos = s.frames().get(source).geometry().position();
            for (int i = 0; i < 3; i++) {
                assertThat(f.get("position").get(i).asDouble())
                        .isCloseTo(pos[i], org.assertj.core.data.Offset.offset(1e-9));
            }
            for (JsonNode p : f.get("set")) {
                seen[segment][source][p.asInt()] = true;
            }
        }
        for (int k = 0; k < masks.size(); k++) {
            assertThat(seen[k])
                    .as("segment %d as pydicom decodes it", k + 1)
                    .isDeepEqualTo(masks.get(k).frames());
        }
    }
}
