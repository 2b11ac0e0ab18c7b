package org.clinval.validation.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskTest {

    // Reference: scipy.ndimage.binary_erosion with generate_binary_structure(3, 1) erodes a 3×3×3
    // cube to its centre, so its surface has 27 − 1 = 26 voxels.
    @Test
    void surfaceOfACubeIsAllButItsCentre() {
        Mask cube = Mask.where(new int[] {5, 5, 5}, i -> inside(i, 1, 3));
        Mask surface = cube.surface();
        assertThat(surface.count()).isEqualTo(26);
        assertThat(surface.at(2, 2, 2)).isFalse();
        assertThat(surface.at(1, 1, 1)).isTrue();
    }

    // Outside the image counts as outside (border_value=0): a full grid's surface is its border.
    @Test
    void surfaceOfAFullGridIsItsBorder() {
        Mask full3 = Mask.where(new int[] {4, 5, 6}, i -> true);
        assertThat(full3.surface().count()).isEqualTo(4 * 5 * 6 - 2 * 3 * 4);
        Mask full2 = Mask.where(new int[] {5, 4}, i -> true);
        assertThat(full2.surface().count()).isEqualTo(5 * 4 - 3 * 2);
    }

    // A 2D mask has no third axis: its interior is not surface; a 3D grid one voxel thick is all
    // surface because both neighbours along that axis lie outside the image.
    @Test
    void aPlaneIsNotASlab() {
        Mask plane = Mask.where(new int[] {5, 5}, i -> inside(i, 1, 3));
        assertThat(plane.surface().count()).isEqualTo(8);
        Mask slab =
                Mask.where(
                        new int[] {1, 5, 5}, i -> i[1] >= 1 && i[1] <= 3 && i[2] >= 1 && i[2] <= 3);
        assertThat(slab.surface().count()).isEqualTo(9);
    }

    @Test
    void singleVoxelIsItsOwnSurface() {
        Mask one = Mask.where(new int[] {3, 3, 3}, i -> inside(i, 1, 1));
        assertThat(one.surface()).isEqualTo(one);
        assertThat(Mask.empty(3, 3).surface().isEmpty()).isTrue();
    }

    @Test
    void isImmutableAndIndexedRowMajor() {
        boolean[] voxels = new boolean[6];
        voxels[5] = true; // (1, 2) of shape (2, 3)
        Mask m = Mask.of(new int[] {2, 3}, voxels);
        voxels[0] = true;
        assertThat(m.at(1, 2)).isTrue();
        assertThat(m.at(0, 0)).isFalse();
        assertThat(m.count()).isEqualTo(1);
        int[] shape = m.shape();
        shape[0] = 99;
        assertThat(m.shape()).containsExactly(2, 3);
    }

    @Test
    void rejectsBadShapesNamingThem() {
        assertThatThrownBy(() -> Mask.of(new int[] {2, 3}, new boolean[5]))
                .hasMessage("mask of shape [2, 3] needs 6 voxels, got 5");
        assertThatThrownBy(() -> Mask.empty(4)).hasMessageContaining("2 or 3 axes, not 1");
        assertThatThrownBy(() -> Mask.empty(2, 0, 3))
                .hasMessage("mask shape[1] is not positive: 0");
        assertThatThrownBy(() -> Mask.empty(2, 3).at(2, 0)).hasMessageContaining("outside [2, 3]");
    }

    @Test
    void spacingIsExplicitAndChecked() {
        assertThatThrownBy(() -> Spacing.of(0.7, 0, 2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spacing[1] is not a positive finite number: 0.0");
        assertThatThrownBy(() -> Spacing.of(0.7, Double.NaN))
                .hasMessage("spacing[1] is not a positive finite number: NaN");
        assertThatThrownBy(() -> Spacing.of(Double.POSITIVE_INFINITY, 1))
                .hasMessageContaining("spacing[0]");
        assertThatThrownBy(() -> Spacing.of(1.0)).hasMessageContaining("2 or 3 values");
        assertThat(Spacing.of(0.7, 0.7, 2.5)).hasToString("(0.7, 0.7, 2.5) mm");
        assertThat(Spacing.of(0.5, 2).scaled(2)).isEqualTo(Spacing.of(1, 4));
    }

    private static boolean inside(int[] index, int lo, int hi) {
        for (int v : index) {
            if (v < lo || v > hi) return false;
        }
        return true;
    }
}
