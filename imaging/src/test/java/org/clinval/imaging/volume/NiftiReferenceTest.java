package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.imaging.nifti.NiftiWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiReferenceTest {

    @TempDir Path dir;
    SeriesVolume volume;

    // series: 5 slices of 6 x 7, rows 0.7 mm, columns 0.8 mm, slices 3 mm, first voxel (-100, -80,
    // 20)
    @BeforeEach
    void series() throws Exception {
        volume =
                SeriesVolume.read(
                        "case-0021",
                        Fixtures.write(dir.resolve("ct"), "nii", Fixtures.stack(5, 20, 3.0), 6, 7));
    }

    /** Inside the reference blob: slice s, row r, column c. */
    static boolean blob(int s, int r, int c) {
        return s >= 1 && s <= 3 && r >= 2 && r <= 4 && c >= 1 && c <= 5 && (s + r + c) % 3 != 0;
    }

    private NiftiWriter writer() {
        // i = column, j = row, k = slice; x fastest in the file
        return NiftiWriter.mask(
                new int[] {7, 6, 5},
                new double[] {0.8, 0.7, 3.0},
                Nifti1.Datatype.UINT8,
                (x, y, z) -> blob(z, y, x));
    }

    private void assertBlob(VolumeMask m) {
        for (int s = 0; s < 5; s++)
            for (int r = 0; r < 6; r++)
                for (int c = 0; c < 7; c++)
                    assertThat(m.at(s, r, c)).as("%d %d %d", s, r, c).isEqualTo(blob(s, r, c));
    }

    @Test
    void anSformOnTheSeriesGridPlacesTheMaskVoxelForVoxel() throws Exception {
        // LPS steps (0.8, 0, 0), (0, 0.7, 0), (0, 0, 3) are RAS (-0.8, 0, 0), (0, -0.7, 0), (0, 0,
        // 3)
        Path nii =
                writer().sform(
                                1,
                                new double[][] {
                                    {-0.8, 0, 0, 100}, {0, -0.7, 0, 80}, {0, 0, 3.0, 20}
                                })
                        .write(dir.resolve("ref.nii"));
        assertBlob(ReferenceMasks.fromNifti(nii, volume));
    }

    @Test
    void aQformIsUsedWhenThereIsNoSform() throws Exception {
        // RAS rotation diag(-1, -1, 1): quaternion a = 0, b = 0, c = 0, d = 1
        Path nii =
                writer().qform(1, new double[] {0, 0, 1, 100, 80, 20}, 1f)
                        .write(dir.resolve("q.nii.gz"));
        assertBlob(ReferenceMasks.fromNifti(nii, volume));
    }

    @Test
    void aFlippedAxisIsRefusedNeverFlipped() throws Exception {
        // j runs anterior (RAS +y), opposite to the series' rows, as a converter making "RAS" does
        Path nii =
                writer().sform(
                                1,
                                new double[][] {
                                    {-0.8, 0, 0, 100}, {0, 0.7, 0, 80 - 5 * 0.7}, {0, 0, 3.0, 20}
                                })
                        .write(dir.resolve("flipped.nii"));
        assertThatThrownBy(() -> ReferenceMasks.fromNifti(nii, volume))
                .isInstanceOf(VolumeException.class)
                .hasMessageStartingWith(
                        "case-0021: the reference NIfTI's axis j (sform) runs opposite")
                .hasMessageContaining("flipped")
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void anotherSpacingOrOriginOrNoTransformIsRefused() throws Exception {
        Path spacing =
                writer().sform(
                                1,
                                new double[][] {
                                    {-0.8, 0, 0, 100}, {0, -0.7, 0, 80}, {0, 0, 2.5, 20}
                                })
                        .write(dir.resolve("s.nii"));
        assertThatThrownBy(() -> ReferenceMasks.fromNifti(spacing, volume))
                .hasMessageContaining("axis k has a step of 2.500 mm, the series' slices 3.000 mm");
        Path origin =
                writer().sform(
                                1,
                                new double[][] {
                                    {-0.8, 0, 0, 100}, {0, -0.7, 0, 80}, {0, 0, 3.0, 23}
                                })
                        .write(dir.resolve("o.nii"));
        assertThatThrownBy(() -> ReferenceMasks.fromNifti(origin, volume))
                .hasMessageContaining("first voxel lies 3.000 mm");
        Path none = writer().write(dir.resolve("n.nii"));
        assertThatThrownBy(() -> ReferenceMasks.fromNifti(none, volume))
                .hasMessageContaining("neither sform nor qform");
    }
}
