package org.clinval.validation.mrmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class GallasAnalysisTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);

    /**
     * iMRMC 4.0.3 (Java engine) on its R package's test input, as published in the package's
     * fixture {@code test_doIMRMC_R2.rda} (src/test/r/imrmc_reference.R reads it into
     * imrmc_doIMRMC_R2.csv): AUCs, U-statistic variances, the three tests with their df, p-values
     * and 95% CIs, the MLE (biased) variances, the per-reader AUCs. iMRMC writes 9 significant
     * digits; every value is asserted to 1e-8 relative (1e-12 absolute near 0).
     */
    @Test
    void ustatTableMatchesImrmc() throws Exception {
        List<UstatEstimate> out = GallasAnalysis.analyse(MrmcData.imrmcR2(), LEVEL);
        assertThat(out).hasSize(3);
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("mrmc/imrmc_doIMRMC_R2.csv").rows()) {
            String table = row.get("table");
            if (!table.equals("Ustat") && !table.equals("MLEstat")) continue;
            UstatEstimate e = find(out, row.get("modality_a"), row.get("modality_b"));
            boolean diff = e.minus().isPresent();
            double expected = Double.parseDouble(row.get("value"));
            Double actual = actual(e, row.get("quantity"), table.equals("MLEstat"), diff, out);
            if (actual == null) continue;
            assertThat(actual).as(row.toString()).isCloseTo(expected, tolerance(expected, 1e-8));
            checked++;
        }
        assertThat(checked).isEqualTo(53);
    }

    /**
     * The BDG moments M1…M8 with their coefficients and the BCK components with theirs, of
     * var(AUC_A), var(AUC_B) and cov(AUC_A, AUC_B), as iMRMC 4.0.3 prints them (6 significant
     * digits): to half a unit of the 6th digit (5e-6 relative).
     */
    @Test
    void bdgAndBckDecompositionsMatchImrmc() throws Exception {
        List<UstatEstimate> out = GallasAnalysis.analyse(MrmcData.imrmcR2(), LEVEL);
        UstatEstimate d = out.get(2);
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("mrmc/imrmc_doIMRMC_R2.csv").rows()) {
            String table = row.get("table");
            if (!table.startsWith("BDG") && !table.startsWith("BCK")) continue;
            UstatComponents c =
                    switch (row.get("modality_a")) {
                        case "testA" -> d.components();
                        case "testB" -> d.second().orElseThrow();
                        default -> d.covariance().orElseThrow();
                    };
            String q = row.get("quantity");
            double actual;
            if (table.startsWith("BDG")) {
                int k = Integer.parseInt(q.substring(1)) - 1;
                actual = table.endsWith("comp") ? c.moments().get(k) : c.coefficients().get(k);
            } else {
                int k = UstatComponents.BCK_NAMES.indexOf(q);
                actual = table.endsWith("comp") ? c.bck().get(k) : c.bckCoefficients().get(k);
            }
            // iMRMC prints the covariance row's coefficients as they enter var(A − B): doubled.
            boolean cross = row.get("modality_a").equals("testA.testB");
            if (cross && table.endsWith("coeff")) actual *= 2;
            double expected = Double.parseDouble(row.get("value"));
            assertThat(actual).as(row.toString()).isCloseTo(expected, tolerance(expected, 5e-6));
            checked++;
        }
        assertThat(checked).isEqualTo(90);
    }

    /** Swapping the modalities negates the difference and keeps its variance, df and p-values. */
    @Test
    void swappingModalitiesNegatesTheDifference() throws Exception {
        ReaderStudy s = MrmcData.imrmcR2();
        UstatEstimate ab = GallasAnalysis.analyse(s, LEVEL).get(2);
        ReaderStudy.Builder b = ReaderStudy.builder(s.direction());
        for (int m = s.modalities().size() - 1; m >= 0; m--) {
            for (int r = 0; r < s.readers().size(); r++) {
                for (int c = 0; c < s.cases().size(); c++) {
                    b.addScore(
                            s.readers().get(r),
                            s.cases().get(c),
                            s.modalities().get(m),
                            s.score(m, r, c));
                }
            }
        }
        for (int c = 0; c < s.cases().size(); c++) b.setTruth(s.cases().get(c), s.positive(c));
        UstatEstimate ba = GallasAnalysis.analyse(b.build(), LEVEL).get(2);
        assertThat(ba.modality()).isEqualTo("testB");
        assertThat(ba.estimate()).isCloseTo(-ab.estimate(), tolerance(ab.estimate(), 1e-14));
        assertThat(ba.variance()).isCloseTo(ab.variance(), tolerance(ab.variance(), 1e-12));
        assertThat(ba.dfHillis().getAsDouble())
                .isCloseTo(ab.dfHillis().getAsDouble(), tolerance(7, 1e-12));
        assertThat(ba.bdg().p().getAsDouble())
                .isCloseTo(ab.bdg().p().getAsDouble(), tolerance(0.5, 1e-12));
    }

    /** A study that is not fully crossed has no Hillis df, and says why. */
    @Test
    void incompleteStudyHasNoHillisTest() throws Exception {
        ReaderStudy s = MrmcData.imrmcR2();
        ReaderStudy.Builder b = ReaderStudy.builder(s.direction());
        for (int m = 0; m < s.modalities().size(); m++) {
            for (int r = 0; r < s.readers().size(); r++) {
                for (int c = 0; c < s.cases().size(); c++) {
                    if (r == 0 && c < 3 && m == 1) continue;
                    b.addScore(
                            s.readers().get(r),
                            s.cases().get(c),
                            s.modalities().get(m),
                            s.score(m, r, c));
                }
            }
        }
        for (int c = 0; c < s.cases().size(); c++) b.setTruth(s.cases().get(c), s.positive(c));
        ReaderStudy incomplete = b.build();
        assertThat(incomplete.design()).isEqualTo(StudyDesign.INCOMPLETE);
        assertThat(incomplete.missingReads())
                .containsExactly(new MissingReads("reader1", "testB", 77, 3));
        UstatEstimate d = GallasAnalysis.analyse(incomplete, LEVEL).get(2);
        assertThat(d.dfHillis()).isEmpty();
        assertThat(d.hillis().undefinedReason()).get().asString().contains("fully crossed");
        assertThat(d.bdg().p()).isPresent();
    }

    /**
     * Perfect separation: every AUC is 1, the variance is 0, and every test says why it is
     * undefined.
     */
    @Test
    void perfectSeparationHasZeroVarianceAndUndefinedTests() {
        ReaderStudy.Builder b = ReaderStudy.builder(org.clinval.validation.Direction.HIGHER);
        for (int c = 0; c < 6; c++) b.setTruth("c" + c, c >= 3);
        for (String m : new String[] {"A", "B"}) {
            for (String r : new String[] {"r1", "r2"}) {
                for (int c = 0; c < 6; c++) b.addScore(r, "c" + c, m, c);
            }
        }
        List<UstatEstimate> out = GallasAnalysis.analyse(b.build(), LEVEL);
        UstatEstimate a = out.get(0);
        assertThat(a.estimate()).isEqualTo(1.0);
        assertThat(a.variance()).isCloseTo(0, tolerance(0, 0));
        // 0/0 falls to the Gaylor floor min(df_N, df_D, df_R), as iMRMC.
        assertThat(a.dfBdg()).hasValue(1.0);
        assertThat(a.normal().undefinedReason()).contains("variance is 0");
        assertThat(a.bdg().undefinedReason()).contains("variance is 0");
        assertThat(a.hillis().undefinedReason()).get().asString().contains("MS_R = 0");
        assertThat(out.get(2).estimate()).isEqualTo(0.0);
    }

    private static UstatEstimate find(List<UstatEstimate> out, String a, String b) {
        for (UstatEstimate e : out) {
            String minus = e.minus().orElse("NO_MOD");
            if (e.modality().equals(a) && minus.equals(b)) return e;
        }
        throw new AssertionError("no estimate " + a + " - " + b);
    }

    private static Double actual(
            UstatEstimate e, String q, boolean mle, boolean diff, List<UstatEstimate> all) {
        UstatEstimate first = diff ? find(all, e.modality(), "NO_MOD") : e;
        UstatEstimate second = diff ? find(all, e.minus().orElseThrow(), "NO_MOD") : null;
        return switch (q) {
            case "AUCA" -> first.estimate();
            case "varAUCA" -> mle ? first.biasedVariance() : first.variance();
            case "AUCB" -> second.estimate();
            case "varAUCB" -> mle ? second.biasedVariance() : second.variance();
            case "AUCAminusAUCB" -> e.estimate();
            case "varAUCAminusAUCB" -> mle ? e.biasedVariance() : e.variance();
            default -> mle ? null : test(e, q);
        };
    }

    private static Double test(UstatEstimate e, String q) {
        if (q.equals("dfBDG")) return e.dfBdg().getAsDouble();
        if (q.equals("dfHillis")) return e.dfHillis().getAsDouble();
        MrmcTest t =
                q.endsWith("normal") || q.endsWith("Normal")
                        ? e.normal()
                        : q.endsWith("BDG") ? e.bdg() : e.hillis();
        if (q.startsWith("pValue")) return t.p().getAsDouble();
        if (q.startsWith("botCI")) return t.ci().orElseThrow().lower();
        return t.ci().orElseThrow().upper();
    }

    private static org.assertj.core.data.Offset<Double> tolerance(double expected, double rel) {
        return org.assertj.core.data.Offset.offset(Math.max(1e-12, Math.abs(expected) * rel));
    }
}
