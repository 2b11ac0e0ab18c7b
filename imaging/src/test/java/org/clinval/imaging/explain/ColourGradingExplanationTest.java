package org.clinval.imaging.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.preprocess.ImageContext;
import org.clinval.imaging.preprocess.Raster;
import org.junit.jupiter.api.Test;

/**
 * Occlusion and LIME on a colour photograph and a 5-grade model whose answer is known by
 * construction: the logit of grade 3 is 6 × the share of a fixed 8 × 8 region (rows 8–15, columns
 * 16–23) that is still a lesion (red above 150, blue above 35); the other logits are 0. The
 * background is R 90, G 120, B 30, so each channel's 5th percentile is its background value and no
 * single value fills all three channels with the background.
 */
class ColourGradingExplanationTest {

    static final int N = 32;

    /** The grading model; it records every value it sees in covered pixels, per channel. */
    static final class LesionGrader implements ImagePredictor {
        final List<float[]> seen = new ArrayList<>();

        @Override
        public Prediction predict(ImageSlice image) {
            assertThat(image.channels()).isEqualTo(3);
            int plane = N * N, red = 0;
            for (int r = 8; r < 16; r++) {
                for (int c = 16; c < 24; c++) {
                    int i = r * N + c;
                    if (image.hu()[i] > 150 && image.hu()[2 * plane + i] > 35) red++;
                }
            }
            seen.add(new float[] {image.hu()[0], image.hu()[plane], image.hu()[2 * plane]});
            double[] logits = {0, 0, 0, 6 * red / 64.0, 0};
            double sum = 0;
            for (double l : logits) sum += Math.exp(l);
            double[] p = new double[5];
            int best = 0;
            for (int k = 0; k < 5; k++) {
                p[k] = Math.exp(logits[k]) / sum;
                if (p[k] > p[best]) best = k;
            }
            return new Prediction(
                    "grader 1",
                    "0".repeat(64),
                    Task.GRADING,
                    1 - p[0],
                    0.5,
                    Optional.empty(),
                    p,
                    best);
        }

        @Override
        public List<Prediction> predictAll(List<ImageSlice> images) {
            List<Prediction> out = new ArrayList<>();
            for (ImageSlice s : images) out.add(predict(s));
            return out;
        }

        @Override
        public List<Prediction> predictPrepared(List<Raster> prepared) {
            throw new IllegalStateException("the explanation methods predict raw slices");
        }

        @Override
        public void close() {}
    }

    static final float[] BACKGROUND = {90, 120, 30};
    static final float[] LESION = {200, 140, 40};

    /** Background everywhere, the lesion on the region, and a bright top-left corner (0, 0). */
    static ImageSlice photograph() {
        int plane = N * N;
        float[] v = new float[3 * plane];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < plane; i++) {
                int r = i / N, c = i % N;
                boolean lesion = r >= 8 && r < 16 && c >= 16 && c < 24;
                v[k * plane + i] = lesion ? LESION[k] : BACKGROUND[k];
            }
            v[k * plane] = 255;
        }
        return new ImageSlice(v, N, N, Double.NaN, Double.NaN, 3, ImageContext.RGB);
    }

    static boolean inRegion(int r, int c) {
        return r >= 8 && r < 16 && c >= 16 && c < 24;
    }

    @Test
    void eachChannelsFillIsItsFifthPercentileAndAGreyImageKeepsItsOne() {
        // 100 pixels per channel holding k, k + 1, …, k + 99 in scrambled order: nearest rank
        // ceil(0.05 · 100) = 5 gives k + 4 (numpy: np.percentile(x, 5, method="inverted_cdf")).
        float[] v = new float[300];
        for (int ch = 0; ch < 3; ch++) {
            for (int i = 0; i < 100; i++) v[ch * 100 + i] = 50 * ch + (37 * i) % 100;
        }
        ImageSlice colour = new ImageSlice(v, 10, 10, Double.NaN, Double.NaN, 3, ImageContext.RGB);
        assertThat(Fill.percentile(colour, 0.05)).containsExactly(4, 54, 104);
        float[] grey = new float[100];
        for (int i = 0; i < 100; i++) grey[i] = -1000 + (37 * i) % 100;
        assertThat(Fill.percentile(new ImageSlice(grey, 10, 10, 1, 1), 0.05)).containsExactly(-996);
        assertThat(Fill.percentile(photograph(), 0.05))
                .containsExactly(BACKGROUND[0], BACKGROUND[1], BACKGROUND[2]);
    }

    @Test
    void occlusionExplainsThePredictedGradesProbabilityWithAFillPerChannel() throws Exception {
        LesionGrader m = new LesionGrader();
        ImageSlice s = photograph();
        Prediction base = m.predict(s);
        assertThat(base.grade()).isEqualTo(3);
        m.seen.clear();
        double[] fill = Fill.percentile(s, 0.05);
        ExplanationMap e =
                Occlusion.builder()
                        .setPatch(8)
                        .setStride(4)
                        .setChannelFills(fill)
                        .build()
                        .explain(m, s);
        assertThat(e.map().rows()).isEqualTo(N);
        assertThat(e.map().columns()).isEqualTo(N);
        assertThat(e.map().channels()).isEqualTo(1);
        assertThat(e.target()).isEqualTo("probability of grade 3 (predicted)");
        assertThat(e.parameters()).containsEntry("fill_rgb", "90.0 120.0 30.0");
        assertThat(e.parameters()).doesNotContainKey("fill_hu");
        assertThat(e.probability()).isCloseTo(base.classProbabilities()[3], within(1e-12));
        assertThat(inRegion(e.peakRow(), e.peakColumn())).isTrue();
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                if (r >= 24 || c < 8) {
                    assertThat(e.map().at(r, c)).as("(%d, %d)", r, c).isZero();
                }
            }
        }
        // Occluding the whole region at once takes the grade-3 logit from 6 to 0: the drop is
        // e^6 / (e^6 + 4) − 1/5, which the covering patch at (8, 16) contributes to (11, 19).
        double full = Math.exp(6) / (Math.exp(6) + 4) - 0.2;
        assertThat(e.map().at(11, 19)).isPositive().isLessThanOrEqualTo((float) full + 1e-6f);
        // The corner pixel is covered by the patch at (0, 0): it saw each channel's own fill.
        assertThat(m.seen).anySatisfy(px -> assertThat(px).containsExactly(90f, 120f, 30f));
        assertThat(m.seen).anySatisfy(px -> assertThat(px).containsExactly(255f, 255f, 255f));
    }

    @Test
    void limeExplainsThePredictedGradesProbabilityWithAFillPerChannel() throws Exception {
        LesionGrader m = new LesionGrader();
        ImageSlice s = photograph();
        Prediction base = m.predict(s);
        ExplanationMap e =
                Lime.builder()
                        .setCells(4)
                        .setSamples(200)
                        .setSeed(17)
                        .setChannelFills(Fill.percentile(s, 0.05))
                        .build()
                        .explain(m, s);
        assertThat(e.target()).isEqualTo("probability of grade 3 (predicted)");
        assertThat(e.parameters()).containsEntry("fill_rgb", "90.0 120.0 30.0");
        assertThat(e.probability()).isCloseTo(base.classProbabilities()[3], within(1e-12));
        assertThat(e.map().rows()).isEqualTo(N);
        // The lesion's cell (rows 8–15, columns 16–23 of a 4 × 4 grid: cell (1, 2)) carries the
        // weight; every other cell's weight is near zero.
        float lesion = e.map().at(8, 16);
        assertThat(lesion).isGreaterThan(0.3f);
        for (int r = 0; r < N; r += 8) {
            for (int c = 0; c < N; c += 8) {
                if (!inRegion(r, c)) assertThat(Math.abs(e.map().at(r, c))).isLessThan(0.05f);
            }
        }
    }

    @Test
    void fillsMustMatchTheImagesChannelsAndGreyImagesKeepTheirHuFill() throws Exception {
        LesionGrader m = new LesionGrader();
        Occlusion grey = Occlusion.builder().setPatch(8).setStride(8).setChannelFills(-850).build();
        assertThatThrownBy(() -> grey.explain(m, photograph()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fill values are given for 1 channel(s), the image has 3");
        assertThatThrownBy(() -> Lime.builder().setChannelFills(1, 2))
                .hasMessageContaining("fill values are not one (grey) or three (R, G, B): 2");
        // A grey image records its one fill as fill_hu, whichever setter gave it.
        ExplanationTest.RegionModel rm = new ExplanationTest.RegionModel();
        ExplanationMap a =
                Occlusion.builder()
                        .setPatch(8)
                        .setStride(4)
                        .setChannelFills(-850)
                        .build()
                        .explain(rm, ExplanationTest.image());
        ExplanationMap b =
                Occlusion.builder()
                        .setPatch(8)
                        .setStride(4)
                        .setFillHu(-850)
                        .build()
                        .explain(rm, ExplanationTest.image());
        assertThat(a.map()).isEqualTo(b.map());
        assertThat(a.parameters()).isEqualTo(b.parameters());
        assertThat(b.parameters())
                .containsEntry("fill_hu", "-850.0")
                .containsEntry("target", "positive probability");
    }

    @Test
    void theOverlayShowsAColourImageInItsOwnColoursUnderTheMap() {
        ImageSlice s = photograph();
        float[] map = new float[N * N];
        map[11 * N + 19] = 2; // the maximum: full weight alpha
        map[12 * N + 19] = 1; // half of it
        map[13 * N + 19] = -1; // negative: not drawn
        java.awt.image.BufferedImage img =
                Overlay.render(s.raster(), new Raster(map, N, N), -1000, 400, 0.6);
        assertThat(img.getWidth()).isEqualTo(N);
        assertThat(img.getHeight()).isEqualTo(N);
        // Where the map is not positive: the photograph's own R, G, B (the window is not used).
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo((90 << 16) | (120 << 8) | 30);
        assertThat(img.getRGB(19, 13) & 0xFFFFFF).isEqualTo((200 << 16) | (140 << 8) | 40);
        // Elsewhere per channel round((1 − a) s + a heat), a = 0.6 × value / max.
        int[] lesion = {200, 140, 40};
        for (int[] rv : new int[][] {{11, 2}, {12, 1}}) {
            double v = rv[1] / 2.0, a = 0.6 * v;
            int heat = org.clinval.imaging.explain.internal.HeatColours.rgb(v);
            int[] h = {(heat >> 16) & 0xFF, (heat >> 8) & 0xFF, heat & 0xFF};
            int px = img.getRGB(19, rv[0]);
            for (int k = 0; k < 3; k++) {
                int got = (px >> (16 - 8 * k)) & 0xFF;
                assertThat(got).isEqualTo((int) Math.round(lesion[k] * (1 - a) + h[k] * a));
            }
        }
    }
}
