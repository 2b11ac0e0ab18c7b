package org.clinval.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small value types: VOI window, modality LUT, age bands, geometry. */
class DicomValuesTest {

    @Test
    void voiWindowFollowsTheLinearFunctionOfPs33() {
        // PS3.3 C.11.2.1.2.1 with c = 40, w = 400: below c - 0.5 - 199.5 = -160 → 0,
        // above c - 0.5 + 199.5 = 239 → 1, (x - 39.5) / 399 + 0.5 between.
        VoiWindow w = new VoiWindow(40, 400, Optional.empty());
        assertThat(w.apply(-160)).isZero();
        assertThat(w.apply(-1000)).isZero();
        assertThat(w.apply(239.5)).isEqualTo(1);
        assertThat(w.apply(39.5)).isEqualTo(0.5);
        assertThat(w.apply(100)).isCloseTo((100 - 39.5) / 399 + 0.5, within(1e-15));
        // Width 1: a threshold at c - 0.5.
        VoiWindow t = new VoiWindow(10, 1, Optional.empty());
        assertThat(t.apply(9.5)).isZero();
        assertThat(t.apply(9.51)).isEqualTo(1);
    }

    @Test
    void voiWindowRefusesWidthBelowOne() {
        assertThatThrownBy(() -> new VoiWindow(0, 0.5, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5");
        assertThatThrownBy(() -> new VoiWindow(Double.NaN, 10, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modalityLutRescalesAndLooksUp() {
        ModalityLut hu = ModalityLut.rescale(1, -1024, Optional.of("HU"));
        assertThat(hu.apply(1024)).isZero();
        assertThat(hu.apply(0)).isEqualTo(-1024);
        // PS3.3 C.11.1.1.1: values below the first mapped take the first entry, above the last.
        ModalityLut table = ModalityLut.table(-2, new int[] {10, 20, 30}, Optional.empty());
        assertThat(table.apply(-5)).isEqualTo(10);
        assertThat(table.apply(-1)).isEqualTo(20);
        assertThat(table.apply(0)).isEqualTo(30);
        assertThat(table.apply(99)).isEqualTo(30);
        assertThat(ModalityLut.identity().apply(-7)).isEqualTo(-7);
        assertThat(table)
                .isEqualTo(ModalityLut.table(-2, new int[] {10, 20, 30}, Optional.empty()));
    }

    @Test
    void ageBandsFromAgeStringsAndDates() {
        assertThat(AgeBand.fromAgeString("039Y")).contains(AgeBand.UNDER_40);
        assertThat(AgeBand.fromAgeString("040Y")).contains(AgeBand.FROM_40_TO_59);
        assertThat(AgeBand.fromAgeString("059Y")).contains(AgeBand.FROM_40_TO_59);
        assertThat(AgeBand.fromAgeString("060Y")).contains(AgeBand.FROM_60_TO_74);
        assertThat(AgeBand.fromAgeString("074Y")).contains(AgeBand.FROM_60_TO_74);
        assertThat(AgeBand.fromAgeString("075Y")).contains(AgeBand.FROM_75);
        assertThat(AgeBand.fromAgeString("900M")).contains(AgeBand.FROM_75); // 75 years
        assertThat(AgeBand.fromAgeString("899M")).contains(AgeBand.FROM_60_TO_74);
        assertThat(AgeBand.fromAgeString("010D")).contains(AgeBand.UNDER_40);
        assertThat(AgeBand.fromAgeString("45Y")).isEmpty();
        assertThat(AgeBand.fromAgeString("")).isEmpty();
        assertThat(AgeBand.fromAgeString(null)).isEmpty();
        // The day before the 60th birthday is still 59.
        LocalDate birth = LocalDate.of(1960, 3, 15);
        assertThat(AgeBand.between(birth, LocalDate.of(2020, 3, 14)))
                .contains(AgeBand.FROM_40_TO_59);
        assertThat(AgeBand.between(birth, LocalDate.of(2020, 3, 15)))
                .contains(AgeBand.FROM_60_TO_74);
        assertThat(AgeBand.between(birth, LocalDate.of(1950, 1, 1))).isEmpty();
        assertThat(AgeBand.FROM_75.label()).isEqualTo("75+");
        assertThatThrownBy(() -> AgeBand.ofYears(-1)).hasMessageContaining("-1");
    }

    @Test
    void orientationNormalIsRowCrossColumn() {
        // Axial: row +x, column +y → normal +z (towards the head).
        Orientation axial = new Orientation(new Vector3(1, 0, 0), new Vector3(0, 1, 0));
        assertThat(axial.normal()).isEqualTo(new Vector3(0, 0, 1));
        // Coronal: row +x, column -z → normal +y.
        Orientation coronal = new Orientation(new Vector3(1, 0, 0), new Vector3(0, 0, -1));
        Vector3 n = coronal.normal();
        assertThat(new double[] {n.x(), n.y(), n.z()})
                .containsExactly(new double[] {0, 1, 0}, within(0.0));
        assertThatThrownBy(
                        () -> new Orientation(new Vector3(1, 0, 0), new Vector3(1, 0, 0)).normal())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transferSyntaxNamesAndUnknownUids() {
        TransferSyntax j2k = TransferSyntax.of("1.2.840.10008.1.2.4.90");
        assertThat(j2k.name()).isEqualTo("JPEG 2000 (Lossless Only)");
        assertThat(j2k.lossy()).isFalse();
        assertThat(j2k.toString()).isEqualTo("JPEG 2000 (Lossless Only) (1.2.840.10008.1.2.4.90)");
        TransferSyntax unknown = TransferSyntax.of("1.2.3.4");
        assertThat(unknown.name()).isEqualTo("unknown transfer syntax");
        assertThat(unknown.encapsulated()).isTrue();
    }

    @Test
    void pixelSpacingIsNeverZeroOrNegative() {
        assertThatThrownBy(() -> new PixelSpacing(0, 1, "PixelSpacing"))
                .hasMessageContaining("row spacing");
        assertThatThrownBy(() -> new PixelSpacing(1, -2, "PixelSpacing"))
                .hasMessageContaining("-2");
    }
}
