package org.clinval.validation.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class MrmcSizingTest {

    /**
     * The independent numpy/scipy reimplementation of iMRMC's sizing
     * (src/test/python/mrmc_sizing_reference.py, mrmc_sizing.csv): 48 studies sized from two pilots
     * (iMRMC's R package test input and Van Dyke 1993), three effect/alpha settings, df from 2 to
     * over 100; variances, both df and the three powers to 1e-9.
     */
    @Test
    void matchesIndependentReimplementation() throws Exception {
        MrmcSizing r2 = MrmcSizing.pilot(MrmcData.imrmcR2(), 0, 1);
        MrmcSizing vd = MrmcSizing.pilot(MrmcData.vanDyke(), 0, 1);
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("mrmc/mrmc_sizing.csv").rows()) {
            MrmcSizing p = row.get("study").equals("vandyke") ? vd : r2;
            SizedStudy s =
                    p.size(
                            Integer.parseInt(row.get("readers")),
                            Integer.parseInt(row.get("negatives")),
                            Integer.parseInt(row.get("positives")),
                            Double.parseDouble(row.get("effect")),
                            Double.parseDouble(row.get("alpha")));
            String at = row.toString();
            assertThat(s.variance()).as(at).isCloseTo(d(row, "variance"), within(1e-9));
            assertThat(s.dfBdg().getAsDouble()).as(at).isCloseTo(d(row, "df_bdg"), within(1e-9));
            assertThat(s.powerNormal().getAsDouble())
                    .as(at)
                    .isCloseTo(d(row, "power_normal"), within(1e-9));
            assertThat(s.powerBdg().getAsDouble())
                    .as(at)
                    .isCloseTo(d(row, "power_bdg"), within(1e-9));
            assertThat(s.varianceHillis().getAsDouble())
                    .as(at)
                    .isCloseTo(d(row, "variance_hillis"), within(1e-9));
            assertThat(s.dfHillis().getAsDouble())
                    .as(at)
                    .isCloseTo(d(row, "df_hillis"), within(1e-9));
            assertThat(s.powerHillis().getAsDouble())
                    .as(at)
                    .isCloseTo(d(row, "power_hillis"), within(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(48);
    }

    /**
     * Sized at the pilot's own size, the variance, BDG df and Hillis df are the pilot analysis's,
     * which match iMRMC 4.0.3's printed ones (7.35006973, 7.43533593 for testA − testB).
     */
    @Test
    void atThePilotSizeReproducesThePilotAnalysis() throws Exception {
        ReaderStudy study = MrmcData.imrmcR2();
        UstatEstimate d = GallasAnalysis.analyse(study, ConfidenceLevel.of(0.95)).get(2);
        SizedStudy s = MrmcSizing.pilot(study, 0, 1).size(5, 40, 40, 0.05, 0.05);
        assertThat(s.variance()).isCloseTo(d.variance(), within(1e-15));
        assertThat(s.varianceHillis().getAsDouble()).isCloseTo(d.variance(), within(1e-15));
        assertThat(s.dfBdg().getAsDouble()).isCloseTo(d.dfBdg().getAsDouble(), within(1e-9));
        assertThat(s.dfBdg().getAsDouble()).isCloseTo(7.35006973, within(1e-8));
        assertThat(s.dfHillis().getAsDouble()).isCloseTo(d.dfHillis().getAsDouble(), within(1e-9));
        assertThat(s.dfHillis().getAsDouble()).isCloseTo(7.43533593, within(1e-8));
    }

    /** The fully crossed coefficients are those the analysis derives from the pilot's design. */
    @Test
    void coefficientsAreTheAnalysisOnes() throws Exception {
        UstatEstimate d =
                GallasAnalysis.analyse(MrmcData.vanDyke(), ConfidenceLevel.of(0.95)).get(2);
        double[] c = MrmcSizing.fullyCrossedCoefficients(5, 69, 45);
        for (int k = 0; k < 8; k++) {
            assertThat(c[k]).isCloseTo(d.components().coefficients().get(k), within(1e-15));
            assertThat(c[k])
                    .isCloseTo(d.covariance().orElseThrow().coefficients().get(k), within(1e-15));
        }
    }

    /** More readers and cases never lower the power; the case split follows the pilot's. */
    @Test
    void gridIsMonotoneAndSplitsLikeThePilot() throws Exception {
        MrmcSizing vd = MrmcSizing.pilot(MrmcData.vanDyke(), 0, 1);
        List<SizedStudy> g = vd.grid(new int[] {5, 10, 20}, new int[] {114, 228, 456}, 0.05, 0.05);
        assertThat(g).hasSize(9);
        assertThat(g.get(0).negatives()).isEqualTo(69);
        assertThat(g.get(0).positives()).isEqualTo(45);
        assertThat(g.get(1).negatives()).isEqualTo(138);
        for (int r = 0; r < 3; r++) {
            for (int n = 1; n < 3; n++) {
                assertThat(g.get(3 * r + n).powerNormal().getAsDouble())
                        .isGreaterThan(g.get(3 * r + n - 1).powerNormal().getAsDouble());
            }
        }
    }

    /** With no effect the normal power is alpha (two-sided, less the ignored far tail: α/2). */
    @Test
    void zeroEffectGivesHalfAlphaNormalPower() throws Exception {
        SizedStudy s = MrmcSizing.pilot(MrmcData.vanDyke(), 0, 1).size(10, 100, 100, 0, 0.05);
        assertThat(s.powerNormal().getAsDouble()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void rejectsTooSmallStudiesAndBadAlpha() throws Exception {
        MrmcSizing vd = MrmcSizing.pilot(MrmcData.vanDyke(), 0, 1);
        assertThatThrownBy(() -> vd.size(1, 10, 10, 0.05, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vd.size(5, 10, 10, 0.05, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double d(Map<String, String> row, String col) {
        return Double.parseDouble(row.get(col));
    }
}
