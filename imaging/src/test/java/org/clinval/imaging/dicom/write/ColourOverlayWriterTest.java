package org.clinval.imaging.dicom.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.clinval.imaging.model.DicomSlices;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Secondary Capture overlay on a colour photograph: pydicom's RGB Secondary Captures (RLE and an
 * odd-sized uncompressed one) decoded by the reader, the map blended on the source's own colours.
 */
class ColourOverlayWriterTest {

    @TempDir Path dir;

    /** A disc of radius rows/4 around the centre: 1 at the centre falling to 0 at the edge. */
    static float[] heat(int rows, int cols) {
        float[] h = new float[rows * cols];
        double rad = rows / 4.0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double d = Math.hypot(r - rows / 2.0, c - cols / 2.0);
                h[r * cols + c] = d >= rad ? 0f : (float) (1 - d / rad);
            }
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SC_rgb_rle.dcm", "SC_rgb_small_odd.dcm"})
    void passesDciodvfyAndShowsTheSourceInColourUnderTheMap(String name) throws Exception {
        Path src = DebianDicomFiles.file(name);
        ImageSlice s = DicomSlices.read(src, false);
        assertThat(s.channels()).isEqualTo(3);
        int rows = s.rows(), cols = s.columns(), n = rows * cols;
        float[] heat = heat(rows, cols);
        OverlayStyle style = new OverlayStyle(128, 256, 0.6, Colormap.JET);
        Path sc = dir.resolve("overlay.dcm");
        WrittenInstance w =
                OverlayWriter.writeColour(
                        src, s.hu(), rows, cols, heat, style, SegmentationTest.id("colour"), sc);
        assertThat(w.sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.7");
        Dciodvfy.Report r = Dciodvfy.assertValid(sc, "SCImage");
        System.out.println("dciodvfy warnings, colour SC " + name + ": " + r.warnings());
        // Read back: where the map is 0 the source's colours unchanged; elsewhere per channel
        // (1 − 0.6 h) s + 0.6 h JET(h), the source in [0, 1] (PS3.3 RGB, 8 bits).
        ImageSlice back = DicomSlices.read(sc, false);
        assertThat(back.channels()).isEqualTo(3);
        assertThat(back.rows()).isEqualTo(rows);
        assertThat(back.columns()).isEqualTo(cols);
        int blended = 0;
        for (int i = 0; i < n; i++) {
            double h = heat[i];
            double[] jet = Colormap.JET.rgb(h);
            for (int k = 0; k < 3; k++) {
                double src01 = Math.max(0, Math.min(1, s.hu()[k * n + i] / 255.0));
                double expected = Math.round(255 * ((1 - 0.6 * h) * src01 + 0.6 * h * jet[k]));
                assertThat((double) back.hu()[k * n + i])
                        .as("pixel %d channel %d", i, k)
                        .isEqualTo(expected);
            }
            if (h > 0) blended++;
        }
        assertThat(blended).isPositive();
    }

    @Test
    void refusesPixelsOrAMapOfAnotherSize() throws Exception {
        Path src = DebianDicomFiles.file("SC_rgb_small_odd.dcm");
        ImageSlice s = DicomSlices.read(src, false);
        OverlayStyle style = new OverlayStyle(128, 256, 0.6, Colormap.JET);
        assertThatThrownBy(
                        () ->
                                OverlayWriter.writeColour(
                                        src,
                                        s.hu(),
                                        s.rows(),
                                        s.columns(),
                                        new float[3],
                                        style,
                                        SegmentationTest.id("x"),
                                        dir.resolve("x")))
                .hasMessageContaining("heat map has 3 values");
        assertThatThrownBy(
                        () ->
                                OverlayWriter.writeColour(
                                        src,
                                        new float[3],
                                        1,
                                        1,
                                        new float[1],
                                        style,
                                        SegmentationTest.id("x"),
                                        dir.resolve("x")))
                .hasMessageContaining("the colour pixels are 1 x 1 but");
    }
}
