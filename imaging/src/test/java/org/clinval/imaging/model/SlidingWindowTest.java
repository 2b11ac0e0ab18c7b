package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.clinval.imaging.model.SlidingWindow.Blending;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    // Reference: monai.data.utils.dense_patch_slices(image_size, patch_size, scan_interval) with
    // scan_interval from monai.inferers.utils._get_scan_interval, one axis at a time.
    @Test
    void windowsStepByTheIntervalAndTheLastEndsAtTheVolumesEnd() {
        SlidingWindow half = SlidingWindow.DEFAULT;
        assertThat(half.starts(56, 32)).containsExactly(0, 16, 24);
        assertThat(half.starts(13, 8)).containsExactly(0, 4, 5);
        assertThat(half.starts(32, 32)).containsExactly(0);
        assertThat(half.starts(64, 32)).containsExactly(0, 16, 32);
        SlidingWindow quarter = new SlidingWindow(0.25, Blending.CONSTANT);
        assertThat(quarter.starts(56, 32)).containsExactly(0, 24);
        assertThat(quarter.starts(13, 8)).containsExactly(0, 5);
        SlidingWindow none = new SlidingWindow(0, Blending.CONSTANT);
        assertThat(none.starts(100, 32)).containsExactly(0, 32, 64, 68);
        // an interval below one voxel becomes one
        assertThat(new SlidingWindow(0.9, Blending.CONSTANT).starts(10, 8))
                .containsExactly(0, 1, 2);
    }

    @Test
    void everyVoxelIsCoveredAndNoWindowLeavesTheAxis() {
        for (double overlap : new double[] {0, 0.25, 0.5, 0.75, 0.9}) {
            SlidingWindow sw = new SlidingWindow(overlap, Blending.GAUSSIAN);
            for (int size = 8; size <= 80; size++) {
                int[] s = sw.starts(size, 8);
                boolean[] covered = new boolean[size];
                for (int k : s) {
                    assertThat(k).isBetween(0, size - 8);
                    for (int i = k; i < k + 8; i++) covered[i] = true;
                }
                assertThat(covered).doesNotContain(false);
                assertThat(s[s.length - 1]).isEqualTo(size - 8);
            }
        }
    }

    @Test
    void theAxisMustHoldThePatch() {
        assertThatThrownBy(() -> SlidingWindow.DEFAULT.starts(7, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smaller than the patch");
        assertThatThrownBy(() -> new SlidingWindow(1, Blending.GAUSSIAN))
                .hasMessageContaining("overlap is not in [0, 1): 1.0");
    }

    // Reference: monai.data.utils.compute_importance_map((3, 4, 5), mode="gaussian",
    // sigma_scale=0.125): per axis exp(-x²/(2σ²)), x = -(p-1)/2 … (p-1)/2, σ = 0.125 p, the
    // product raised to max(min, 1e-3).
    @Test
    void theGaussianMapIsSeparableSymmetricAndFloored() {
        float[] w = new SlidingWindow(0.5, Blending.GAUSSIAN).importanceMap(3, 4, 5);
        assertThat(w).hasSize(60);
        // centre voxel (1, 1.5, 2) is not on the grid of 4 rows; (1, 1, 2) is half a row off
        double sy = 0.5;
        double want = Math.exp(-0.5 * 0.5 / (2 * sy * sy));
        assertThat(w[(1 * 4 + 1) * 5 + 2]).isCloseTo((float) want, within(1e-6f));
        assertThat(w[(1 * 4 + 1) * 5 + 2]).isEqualTo(w[(1 * 4 + 2) * 5 + 2]);
        // corners fall far below 1e-3 and are floored there
        assertThat(w[0]).isEqualTo(1e-3f);
        float[] c = new SlidingWindow(0.5, Blending.CONSTANT).importanceMap(3, 4, 5);
        assertThat(c).containsOnly(1f);
    }
}
