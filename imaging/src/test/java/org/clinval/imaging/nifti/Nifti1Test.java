package org.clinval.imaging.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import org.clinval.validation.segmentation.Mask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Nifti1Test {

    @TempDir Path dir;

    private static final int[] DIM = {5, 4, 3};
    private static final double[] SPACING = {0.7, 0.7, 2.5};

    private static boolean inside(int x, int y, int z) {
        return (x + 2 * y + 3 * z) % 4 == 1;
    }

    private static Mask expected() {
        return Mask.where(DIM, i -> inside(i[0], i[1], i[2]));
    }

    @ParameterizedTest
    @EnumSource(Nifti1.Datatype.class)
    void readsEveryDatatypeInBothByteOrdersPlainAndGzipped(Nifti1.Datatype type) {
        for (boolean big : new boolean[] {false, true}) {
            for (boolean gz : new boolean[] {false, true}) {
                NiftiWriter w = NiftiWriter.mask(DIM, SPACING, type, Nifti1Test::inside);
                if (big) w.bigEndian();
                if (gz) w.gzip();
                Nifti1 n = Nifti1.read(w.write(dir.resolve(type + "-" + big + "-" + gz + ".nii")));
                assertThat(n.datatype()).isEqualTo(type);
                assertThat(n.byteOrder())
                        .isEqualTo(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                assertThat(n.shape()).containsExactly(DIM);
                assertThat(n.spacingMm()).containsExactly((float) 0.7, (float) 0.7, 2.5);
                assertThat(n.mask()).isEqualTo(expected());
            }
        }
    }

    @Test
    void negativeAndLargeValuesAreForegroundZeroIsNot() {
        double[] v = {0, -1, 65535, 0, 0.25, -0.0};
        Nifti1 n =
                Nifti1.read(
                        NiftiWriter.of(
                                        new int[] {3, 2},
                                        new double[] {1, 1},
                                        Nifti1.Datatype.FLOAT64,
                                        v)
                                .write(dir.resolve("v.nii")));
        Mask m = n.mask();
        // file order is x fastest: value k is voxel (k % 3, k / 3)
        assertThat(m.at(0, 0)).isFalse();
        assertThat(m.at(1, 0)).isTrue();
        assertThat(m.at(2, 0)).isTrue();
        assertThat(m.at(0, 1)).isFalse();
        assertThat(m.at(1, 1)).isTrue();
        assertThat(m.at(2, 1)).isFalse();
    }

    @Test
    void honoursVoxOffsetScalingUnitsAndTrailingSingletonAxes() {
        Nifti1 offset =
                Nifti1.read(
                        NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.INT16, Nifti1Test::inside)
                                .voxOffset(480)
                                .write(dir.resolve("offset.nii")));
        assertThat(offset.mask()).isEqualTo(expected());

        // value·2 − 2: stored 1 is background, stored 0 is foreground
        Nifti1 scaled =
                Nifti1.read(
                        NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside)
                                .scale(2, -2)
                                .write(dir.resolve("scaled.nii")));
        assertThat(scaled.mask().count()).isEqualTo(5 * 4 * 3 - expected().count());

        Nifti1 metres =
                Nifti1.read(
                        NiftiWriter.mask(
                                        DIM,
                                        new double[] {0.001, 0.002, 0.0025},
                                        Nifti1.Datatype.UINT8,
                                        Nifti1Test::inside)
                                .units(1)
                                .write(dir.resolve("metres.nii")));
        assertThat(metres.spatialUnits()).isEqualTo("m");
        assertThat(metres.spacingMm()[1])
                .isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-6));

        Nifti1 slice =
                Nifti1.read(
                        NiftiWriter.mask(
                                        new int[] {5, 4, 1},
                                        SPACING,
                                        Nifti1.Datatype.UINT8,
                                        (x, y, z) -> x == y)
                                .write(dir.resolve("slice.nii")));
        assertThat(slice.shape()).containsExactly(5, 4);
        assertThat(slice.mask().count()).isEqualTo(4);

        Nifti1 fourD =
                Nifti1.read(
                        NiftiWriter.mask(
                                        new int[] {5, 4, 3, 1},
                                        SPACING,
                                        Nifti1.Datatype.UINT8,
                                        Nifti1Test::inside)
                                .write(dir.resolve("4d.nii")));
        assertThat(fourD.mask()).isEqualTo(expected());
    }

    // Files written by nibabel 5.0.0 (app/src/test/python/nifti_fixtures.py), copied from
    // app/src/test/resources/nifti, where the segmentation command's tests use them too:
    // big-endian float32 and gzipped int16.
    @Test
    void readsNibabelsBigEndianFloat() throws Exception {
        Path p = Path.of(Nifti1Test.class.getResource("/nifti/ball_truth_be.nii").toURI());
        Path q = Path.of(Nifti1Test.class.getResource("/nifti/ball_truth.nii.gz").toURI());
        Nifti1 be = Nifti1.read(p);
        Nifti1 le = Nifti1.read(q);
        assertThat(be.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(be.datatype()).isEqualTo(Nifti1.Datatype.FLOAT32);
        assertThat(le.datatype()).isEqualTo(Nifti1.Datatype.INT16);
        assertThat(be.shape()).containsExactly(40, 36, 14);
        assertThat(be.mask()).isEqualTo(le.mask());
        assertThat(be.mask().count()).isPositive();
    }

    @Test
    void errorsNameTheFileAndTheHeaderField() {
        NiftiWriter ok = NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside);
        expectError(ok.magic("abc\0"), "m.nii", "m.nii: magic is 'abc\\x00', not 'n+1'");
        expectError(
                NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside)
                        .magic("ni1\0"),
                "pair.nii",
                "magic is 'ni1'");
        expectError(
                NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside)
                        .sizeofHdr(540),
                "n2.nii",
                "sizeof_hdr is 540, not 348");
        expectError(
                NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside)
                        .datatypeCode(128),
                "rgb.nii",
                "rgb.nii: datatype 128 is not supported");
        expectError(
                NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside)
                        .bitpix(16),
                "bitpix.nii",
                "bitpix is 16 but datatype uint8 has 8 bits");
        expectError(
                NiftiWriter.mask(
                        new int[] {5, 4, 3, 2}, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside),
                "4d.nii",
                "is not a 2D or 3D image");
        expectError(
                NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.UINT8, Nifti1Test::inside)
                        .voxOffset(100),
                "offset.nii",
                "vox_offset is 100.0");
        expectError(
                NiftiWriter.mask(DIM, SPACING, Nifti1.Datatype.INT32, Nifti1Test::inside)
                        .truncate(3),
                "short.nii",
                "truncated: 237 bytes of voxel data after vox_offset 352");
        Nifti1 zero =
                Nifti1.read(
                        NiftiWriter.mask(
                                        DIM,
                                        new double[] {0.7, 0, 2.5},
                                        Nifti1.Datatype.UINT8,
                                        Nifti1Test::inside)
                                .write(dir.resolve("zero.nii")));
        assertThatThrownBy(zero::spacingMm)
                .isInstanceOf(InvalidNiftiException.class)
                .hasMessageContaining("zero.nii: pixdim[2] is 0.0, not a positive spacing");
        Nifti1 nan =
                Nifti1.read(
                        NiftiWriter.of(
                                        new int[] {2, 2},
                                        new double[] {1, 1},
                                        Nifti1.Datatype.FLOAT32,
                                        new double[] {0, 1, Double.NaN, 0})
                                .write(dir.resolve("nan.nii")));
        assertThatThrownBy(nan::mask).hasMessageContaining("nan.nii: voxel (0, 1, 0) is NaN");
        assertThatThrownBy(() -> Nifti1.read(dir.resolve("missing.nii")))
                .isInstanceOf(InvalidNiftiException.class)
                .hasMessageEndingWith("missing.nii: no such file");
    }

    private void expectError(NiftiWriter w, String name, String message) {
        Path p = w.write(dir.resolve(name));
        assertThatThrownBy(() -> Nifti1.read(p))
                .isInstanceOf(InvalidNiftiException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining(message);
    }
}
