package org.clinval.imaging.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.model.internal.PreprocessingYaml;
import org.clinval.imaging.testing.TorchFixtures;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    // Reference: torch.nn.functional.interpolate(hu, size=(h, w), mode="bilinear",
    // align_corners=False) in src/test/python/make_test_models.py, written to resize.csv.
    @Test
    void bilinearResizeMatchesPyTorch() throws Exception {
        List<String[]> rows = TorchFixtures.rows(TorchFixtures.dir().resolve("resize.csv"));
        Raster in = new Raster(TorchFixtures.image(0), 32, 32);
        int checked = 0;
        for (int[] size : new int[][] {{20, 20}, {48, 40}}) {
            Raster out = in.resize(size[0], size[1]);
            for (String[] r : rows) {
                if (Integer.parseInt(r[0]) != size[0] || Integer.parseInt(r[1]) != size[1])
                    continue;
                int i = Integer.parseInt(r[2]);
                assertThat((double) out.values()[i])
                        .as("%s x %s index %s", size[0], size[1], i)
                        .isCloseTo(Double.parseDouble(r[3]), within(1e-3));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(20 * 20 + 48 * 40);
    }

    @Test
    void resizeToTheSameSizeIsTheIdentityAndAConstantStaysConstant() {
        Raster in = new Raster(TorchFixtures.image(1), 32, 32);
        assertThat(in.resize(32, 32)).isEqualTo(in);
        float[] c = new float[12];
        java.util.Arrays.fill(c, -850f);
        assertThat(new Raster(c, 3, 4).resize(7, 5).values()).containsOnly(-850f);
    }

    @Test
    void windowClipsRescaleAndStandardizeAreLinear() {
        Raster in = new Raster(new float[] {-2000, -1000, 0, 400, 1000, -300}, 2, 3);
        Raster w = new HuWindow(-1000, 400).apply(in);
        assertThat(w.values()).containsExactly(-1000, -1000, 0, 400, 400, -300);
        Raster r = new Rescale(-1000, 400).apply(w);
        assertThat(r.values()[0]).isEqualTo(0f);
        assertThat(r.values()[3]).isEqualTo(1f);
        assertThat((double) r.values()[2]).isCloseTo(1000.0 / 1400, within(1e-7));
        Raster s = new Standardize(-500, 250).apply(in);
        assertThat(s.values()).containsExactly(-6, -2, 2, 3.6f, 6, 0.8f);
        assertThat(in.values()[0]).as("input unchanged").isEqualTo(-2000f);
    }

    @Test
    void aPipelineAppliesItsStepsInOrderAndRoundTripsThroughItsDescription() {
        Preprocessing p =
                Preprocessing.of(
                        new HuWindow(-1000, 400), new Resize(4, 4), new Rescale(-1000, 400));
        Raster out = p.apply(new Raster(new float[] {-3000, 3000, -3000, 3000}, 2, 2));
        assertThat(out.rows()).isEqualTo(4);
        for (float v : out.values()) assertThat(v).isBetween(0f, 1f);
        List<String> problems = new ArrayList<>();
        assertThat(PreprocessingYaml.parse(p.describe(), problems)).isEqualTo(p);
        assertThat(problems).isEmpty();
        assertThat(p.resize()).contains(new Resize(4, 4));
    }

    @Test
    void badStepsAreReportedOneProblemEach() {
        List<String> problems = new ArrayList<>();
        PreprocessingYaml.parse(
                List.of(
                        java.util.Map.of("window", java.util.Map.of("lower", 0)),
                        java.util.Map.of("rescale", java.util.Map.of("lower", 5, "upper", 5)),
                        "resize"),
                problems);
        assertThat(problems)
                .containsExactly(
                        "preprocessing[0].window.upper: is required",
                        "preprocessing[1].rescale: rescale range is not finite with lower < upper:"
                                + " 5.0, 5.0",
                        "preprocessing[2]: 'resize' is not a mapping of keys to values");
    }

    @Test
    void rastersRefuseWrongSizes() {
        assertThatThrownBy(() -> new Raster(new float[5], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 6 values, got 5");
        assertThatThrownBy(() -> new HuWindow(10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.0, 10.0");
    }
}
