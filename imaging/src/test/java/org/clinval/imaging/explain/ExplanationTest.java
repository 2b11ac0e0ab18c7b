package org.clinval.imaging.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.clinval.imaging.explain.internal.Ridge;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.preprocess.Raster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box methods on a model whose answer is known by construction: the probability is the share
 * of a fixed 8 × 8 region (rows 8–15, columns 16–23) still at nodule density, so the evidence lies
 * exactly there.
 */
class ExplanationTest {

    /** p = fraction of region pixels above −400 HU. */
    static final class RegionModel implements ImagePredictor {
        int calls;

        @Override
        public Prediction predict(ImageSlice image) {
            calls++;
            int dense = 0;
            for (int r = 8; r < 16; r++) {
                for (int c = 16; c < 24; c++) if (image.hu()[r * 32 + c] > -400) dense++;
            }
            return new Prediction(
                    "region 1",
                    "0".repeat(64),
                    Task.CLASSIFICATION,
                    dense / 64.0,
                    0.5,
                    Optional.empty());
        }

        @Override
        public List<Prediction> predictAll(List<ImageSlice> images) {
            List<Prediction> out = new ArrayList<>();
            for (ImageSlice s : images) out.add(predict(s));
            return out;
        }

        @Override
        public List<Prediction> predictPrepared(
                List<org.clinval.imaging.preprocess.Raster> prepared) {
            throw new IllegalStateException("the explanation methods predict raw slices");
        }

        @Override
        public void close() {}
    }

    static ImageSlice image() {
        float[] hu = new float[32 * 32];
        java.util.Arrays.fill(hu, -850);
        for (int r = 8; r < 16; r++) for (int c = 16; c < 24; c++) hu[r * 32 + c] = 40;
        return new ImageSlice(hu, 32, 32, 1.0, 1.0);
    }

    static boolean inRegion(int r, int c) {
        return r >= 8 && r < 16 && c >= 16 && c < 24;
    }

    @Test
    void occlusionPeaksInTheRegionAndIsZeroFarFromIt() throws Exception {
        RegionModel m = new RegionModel();
        ExplanationMap e =
                Occlusion.builder()
                        .setPatch(4)
                        .setStride(4)
                        .setFillHu(-850)
                        .build()
                        .explain(m, image());
        assertThat(inRegion(e.peakRow(), e.peakColumn())).isTrue();
        assertThat(e.probability()).isEqualTo(1.0);
        // Non-overlapping 4x4 patches: a patch inside the region removes 16 of 64 pixels.
        assertThat((double) e.map().at(9, 17)).isCloseTo(16 / 64.0, within(1e-9));
        assertThat(e.map().at(30, 2)).isZero();
        assertThat(m.calls).isEqualTo(64 + 1);
        assertThat(e.parameters()).containsEntry("evaluations", "65");
    }

    @Test
    void limeFindsTheRegionAndIsReproducibleBySeed() throws Exception {
        Lime lime = Lime.builder().setCells(4).setSamples(200).setSeed(17).setFillHu(-850).build();
        ExplanationMap a = lime.explain(new RegionModel(), image());
        ExplanationMap b = lime.explain(new RegionModel(), image());
        ExplanationMap other =
                Lime.builder()
                        .setCells(4)
                        .setSamples(200)
                        .setSeed(18)
                        .setFillHu(-850)
                        .build()
                        .explain(new RegionModel(), image());
        assertThat(inRegion(a.peakRow(), a.peakColumn())).isTrue();
        // The model is exactly linear in the region's cell indicator (p = z_cell), so the
        // surrogate's weight for that cell is ~1 and every other weight ~0.
        assertThat((double) a.map().at(8, 16)).isCloseTo(1.0, within(0.02));
        assertThat((double) a.map().at(24, 0)).isCloseTo(0.0, within(0.02));
        assertThat(b.map()).isEqualTo(a.map());
        assertThat(other.map()).isNotEqualTo(a.map());
        assertThat(a.parameters()).containsEntry("seed", "17");
    }

    @Test
    void ridgeRecoversAnExactLinearRelation() {
        // y = 0.3 + 2 z0 − z1 + 0.5 z2 on all 8 binary patterns, equal weights, tiny penalty.
        double[][] z = new double[8][3];
        double[] y = new double[8];
        double[] w = new double[8];
        for (int s = 0; s < 8; s++) {
            for (int j = 0; j < 3; j++) z[s][j] = (s >> j) & 1;
            y[s] = 0.3 + 2 * z[s][0] - z[s][1] + 0.5 * z[s][2];
            w[s] = 1 + s;
        }
        assertThat(Ridge.fit(z, y, w, 1e-9))
                .containsExactly(new double[] {2, -1, 0.5}, within(1e-6));
    }

    @Test
    void ridgeShrinksTowardZeroAsTheClosedFormSays() {
        // One indicator, balanced design z = (0, 1), y = (0, 1), unit weights: the intercept is
        // free, so β = S_zy / (S_zz + λ) with S_zz = S_zy = 1/2, i.e. β = 0.5 / (0.5 + λ).
        double[] beta =
                Ridge.fit(new double[][] {{0}, {1}}, new double[] {0, 1}, new double[] {1, 1}, 0.5);
        assertThat(beta[0]).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theOverlayIsOpaqueRgbWithTheGreyImageWhereTheMapIsZero(@TempDir Path tmp)
            throws Exception {
        ImageSlice s = image();
        float[] map = new float[32 * 32];
        map[9 * 32 + 17] = 2f;
        Path png = tmp.resolve("sub/overlay.png");
        Overlay.writePng(png, s.raster(), new Raster(map, 32, 32), -1000, 400, 0.6);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getColorModel().hasAlpha()).isFalse();
        assertThat(img.getWidth()).isEqualTo(32);
        int grey = (int) Math.round(255 * 150 / 1400.0);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo((grey << 16) | (grey << 8) | grey);
        // At the map's maximum: 0.6 of pure red over the grey of 40 HU.
        int under = (int) Math.round(255 * 1040 / 1400.0);
        int rgb = img.getRGB(17, 9);
        assertThat((rgb >> 16) & 0xFF).isEqualTo((int) Math.round(under * 0.4 + 255 * 0.6));
        assertThat(rgb & 0xFF).isEqualTo((int) Math.round(under * 0.4));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> Occlusion.builder().setPatch(4).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("occlusion is missing: stride, fill HU");
        assertThatThrownBy(() -> Lime.builder().setCells(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(": 1");
        assertThatThrownBy(
                        () ->
                                Occlusion.builder()
                                        .setPatch(64)
                                        .setStride(4)
                                        .setFillHu(0)
                                        .build()
                                        .explain(new RegionModel(), image()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("patch 64 is larger than the image 32 x 32");
    }
}
