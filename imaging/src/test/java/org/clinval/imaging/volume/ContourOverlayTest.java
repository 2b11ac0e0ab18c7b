package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay shows the slice of most disagreement, with both contours in their colours. */
class ContourOverlayTest {

    @TempDir Path dir;

    @Test
    void showsTheSliceWhereTheMasksDisagreeMostWithBothContours() throws Exception {
        List<Path> files = Fixtures.write(dir, "C0001", Fixtures.stack(5, 0, 2.0), 40, 40);
        SeriesVolume v = SeriesVolume.read("C0001", files);
        VolumeGeometry g = v.geometry();
        boolean[][] ref = new boolean[5][40 * 40];
        boolean[][] pred = new boolean[5][40 * 40];
        // Slice 1: agree on a 6×6 square. Slice 3: the prediction is shifted by 3 pixels.
        for (int r = 10; r < 16; r++) {
            for (int c = 10; c < 16; c++) {
                ref[1][r * 40 + c] = true;
                pred[1][r * 40 + c] = true;
                ref[3][r * 40 + c] = true;
                pred[3][r * 40 + c + 3] = true;
            }
        }
        VolumeMask reference = new VolumeMask(g, ref);
        VolumeMask predicted = new VolumeMask(g, pred);

        assertThat(ContourOverlay.slice(reference, predicted)).isEqualTo(3);
        BufferedImage png =
                ImageIO.read(new ByteArrayInputStream(ContourOverlay.png(v, reference, predicted)));
        assertThat(png.getWidth()).isEqualTo(2 * ContourOverlay.PANEL);
        assertThat(png.getHeight()).isEqualTo(ContourOverlay.PANEL);
        boolean green = false;
        boolean red = false;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = ContourOverlay.PANEL; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y) & 0xFFFFFF;
                green |= rgb == 0x00C853;
                red |= rgb == 0xE53935;
            }
        }
        assertThat(green).as("reference contour in the enlarged panel").isTrue();
        assertThat(red).as("prediction contour in the enlarged panel").isTrue();
    }

    @Test
    void emptyMasksGiveTheMiddleOfTheSlice() throws Exception {
        List<Path> files = Fixtures.write(dir, "C0002", Fixtures.stack(3, 0, 2.0), 20, 20);
        SeriesVolume v = SeriesVolume.read("C0002", files);
        VolumeMask empty = VolumeMask.empty(v.geometry());
        assertThat(ContourOverlay.png(v, empty, empty)).isNotEmpty();
    }
}
