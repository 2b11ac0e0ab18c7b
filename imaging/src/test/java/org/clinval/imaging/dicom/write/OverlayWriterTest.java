package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayWriterTest {

    static final int ROWS = 12;
    static final int COLS = 10;

    @TempDir Path dir;

    private SourceFrame source() throws Exception {
        List<Path> files = new ArrayList<>();
        for (WrittenInstance w : TestSeries.write(dir, "overlay-case", 1, ROWS, COLS)) {
            files.add(w.file());
        }
        return SourceSeries.read(files).frames().get(0);
    }

    /** A Gaussian blob at (4, 6), exactly 0 far away and exactly 1 at its centre. */
    static float[] heat() {
        float[] h = new float[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double d2 = (r - 4) * (r - 4) + (c - 6) * (c - 6);
                h[r * COLS + c] = d2 > 12 ? 0f : (float) Math.exp(-d2 / 6);
            }
        }
        return h;
    }

    @Test
    void overlayPassesDciodvfyAndMatchesAnIndependentBlend() throws Exception {
        SourceFrame s = source();
        float[] heat = heat();
        for (Colormap map : Colormap.values()) {
            OverlayStyle style = new OverlayStyle(-950, 200, 0.6, map);
            Path sc = dir.resolve("overlay-" + map + ".dcm");
            OverlayWriter.write(s, heat, style, SegmentationTest.id("ov-" + map), sc);
            Dciodvfy.Report r = Dciodvfy.assertValid(sc, "SCImage");
            System.out.println("dciodvfy warnings, SC " + map + ": " + r.warnings());
            assertThat(PhiScanner.scan(sc).phi()).isEmpty();
            Path csv = dir.resolve("heat.csv");
            List<String> lines = new ArrayList<>();
            for (float v : heat) {
                lines.add(Float.toString(v));
            }
            Files.write(csv, lines);
            // Reference call: /usr/bin/python3 src/test/python/overlay_expected.py SC SOURCE
            // heat.csv -950 200 0.6 MAP (pydicom 2.3.1, numpy 1.24.2)
            JsonNode j =
                    new ObjectMapper()
                            .readTree(
                                    Python.run(
                                            "overlay_expected.py",
                                            sc.toString(),
                                            s.file().toString(),
                                            csv.toString(),
                                            "-950",
                                            "200",
                                            "0.6",
                                            map.name()));
            assertThat(j.get("photometric").asText()).isEqualTo("RGB");
            assertThat(j.get("shape").toString()).isEqualTo("[" + ROWS + "," + COLS + ",3]");
            assertThat(j.get("source_uid").asText()).isEqualTo(s.sopInstanceUid());
            // float heat values through text may move a .5 by one grey level, nothing more
            assertThat(j.get("max_abs_diff").asDouble()).isLessThanOrEqualTo(1.0);
            assertThat(j.get("differing").asInt()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void whereTheMapIsZeroTheSourceShowsInItsWindow() {
        OverlayStyle style = new OverlayStyle(40, 400, 1.0, Colormap.HOT);
        assertThat(style.blend(40 - 0.5, 0)).containsExactly(128, 128, 128);
        assertThat(style.blend(-1000, 0)).containsExactly(0, 0, 0);
        assertThat(style.blend(1000, 0)).containsExactly(255, 255, 255);
        // full opacity at h = 1: pure colour map (HOT(1) is white, JET(1) is dark red)
        assertThat(style.blend(-1000, 1)).containsExactly(255, 255, 255);
        assertThat(new OverlayStyle(40, 400, 1.0, Colormap.JET).blend(-1000, 1))
                .containsExactly(128, 0, 0);
    }

    @Test
    void refusesAMapOfAnotherSizeOrOutOfRange() throws Exception {
        SourceFrame s = source();
        OverlayStyle style = new OverlayStyle(40, 400, 0.5, Colormap.JET);
        assertThatThrownBy(
                        () ->
                                OverlayWriter.write(
                                        s,
                                        new float[3],
                                        style,
                                        SegmentationTest.id("x"),
                                        dir.resolve("x")))
                .hasMessageContaining("heat map has 3 values");
        float[] h = heat();
        h[COLS + 2] = 1.5f;
        assertThatThrownBy(
                        () ->
                                OverlayWriter.write(
                                        s, h, style, SegmentationTest.id("x"), dir.resolve("x")))
                .hasMessageContaining("row 1, column 2 is not in [0, 1]: 1.5");
        assertThatThrownBy(() -> new OverlayStyle(40, 0.5, 0.5, Colormap.JET))
                .hasMessageContaining("window width is not at least 1: 0.5");
    }
}
