package org.clinval.imaging.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Rasters of several channels and the steps that act per channel or on the header. */
class ChannelStepsTest {

    private static Raster rgb() {
        float[] v = new float[3 * 5 * 7];
        for (int i = 0; i < v.length; i++) v[i] = (i * 37) % 256;
        return new Raster(v, 5, 7, 3);
    }

    @Test
    void aColourRasterResizesEachChannelAsAGreyRasterOfThatChannel() {
        Raster r = rgb();
        Raster big = r.resize(9, 4);
        assertThat(big.channels()).isEqualTo(3);
        for (int k = 0; k < 3; k++) {
            Raster grey = new Raster(r.channel(k), 5, 7).resize(9, 4);
            assertThat(big.channel(k)).isEqualTo(grey.values());
        }
        assertThat(new Raster(new float[6], 2, 3)).isEqualTo(new Raster(new float[6], 2, 3, 1));
        assertThatThrownBy(() -> new Raster(new float[6], 2, 3, 3))
                .hasMessageContaining("needs 18 values, got 6");
    }

    @Test
    void standardizeTakesOneMeanAndStdPerChannelOrOneForAll() {
        Raster r = rgb();
        Standardize s = new Standardize(new double[] {10, 20, 30}, new double[] {2, 4, 5});
        float[] out = s.apply(r).values();
        int plane = 35;
        for (int i = 0; i < out.length; i++) {
            int k = i / plane;
            double expected =
                    (r.values()[i] - new double[] {10, 20, 30}[k]) / new double[] {2, 4, 5}[k];
            assertThat((double) out[i])
                    .isEqualTo((float) expected, org.assertj.core.data.Offset.offset(0.0));
        }
        assertThat(s.parameters())
                .isEqualTo(
                        Map.of("mean", List.of(10.0, 20.0, 30.0), "std", List.of(2.0, 4.0, 5.0)));
        assertThat(new Standardize(0.5, 0.25).parameters())
                .isEqualTo(Map.of("mean", 0.5, "std", 0.25));
        assertThatThrownBy(() -> new Standardize(new double[] {1, 2}, new double[] {1, 1}).apply(r))
                .hasMessageContaining("has 2 means and stds but the image has 3 channel(s)");
    }

    @Test
    void everyStepIsNamedInTheProvenance() {
        Preprocessing p =
                Preprocessing.of(
                        new PresentationIntent(List.of("FOR PRESENTATION"), true),
                        new VoiLutStep(),
                        new ZScore(OptionalDouble.of(50)),
                        new Percentile(1, 99),
                        new Scale(2),
                        new Standardize(0, 1),
                        new Resize(8, 8));
        assertThat(p.names())
                .containsExactly(
                        "presentation_intent",
                        "voi_lut",
                        "zscore",
                        "percentile",
                        "scale",
                        "standardize",
                        "resize");
        assertThat(p.describe().get(2))
                .isEqualTo(Map.of("zscore", Map.of("foreground_above", 50.0)));
    }

    @Test
    void voiLutPrefersTheTableAndRefusesAnImageWithoutEither() {
        Raster r = new Raster(new float[] {-5, 0, 1, 2, 9}, 1, 5);
        ImageContext.Table lut = new ImageContext.Table(0, 8, new int[] {0, 51, 255});
        ImageContext c =
                new ImageContext(
                        Optional.of("CR"),
                        "MONOCHROME2",
                        Optional.empty(),
                        List.of(new ImageContext.Window(100, 10)),
                        Optional.of(lut),
                        List.of());
        // Entries 0, 51, 255 of 255: below the first mapped value the first, above the last the
        // last.
        assertThat(new VoiLutStep().apply(r, c).values()).containsExactly(0f, 0f, 0.2f, 1f, 1f);
        assertThatThrownBy(() -> new VoiLutStep().apply(r, ImageContext.NONE))
                .hasMessageContaining("no VOI window");
        assertThatThrownBy(() -> Preprocessing.of(new VoiLutStep()).apply(r))
                .hasMessageStartingWith("voi_lut: ");
    }

    @Test
    void perImageNormalisationRefusesAConstantImage() {
        Raster flat = new Raster(new float[] {3, 3, 3, 3}, 2, 2);
        assertThatThrownBy(() -> new ZScore().apply(flat)).hasMessageContaining("is constant");
        assertThatThrownBy(() -> new Percentile(1, 99).apply(flat))
                .hasMessageContaining("percentiles are equal");
        assertThatThrownBy(() -> new ZScore(OptionalDouble.of(5)).apply(flat))
                .hasMessageContaining("0 pixel(s) above 5.0");
        // Invariance: a per-image z-score ignores a linear change of scale of the image.
        Raster a = new Raster(new float[] {1, 2, 4, 8}, 2, 2);
        float[] b = a.values().clone();
        for (int i = 0; i < b.length; i++) b[i] = 3 * b[i] + 7;
        float[] za = new ZScore().apply(a).values();
        float[] zb = new ZScore().apply(a.with(b)).values();
        for (int i = 0; i < 4; i++)
            assertThat(zb[i]).isCloseTo(za[i], org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(Arrays.toString(new Percentile(0, 100).apply(a).values()))
                .isEqualTo(Arrays.toString(new float[] {0, 1f / 7, 3f / 7, 1}));
    }
}
