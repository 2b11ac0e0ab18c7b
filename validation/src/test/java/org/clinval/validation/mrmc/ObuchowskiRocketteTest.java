package org.clinval.validation.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class ObuchowskiRocketteTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);

    /**
     * OR-DBM MRMC 2.51 on the Van Dyke data with jackknife covariances (as shipped in RJafroc
     * 2.1.3, inst/Iowa/VanDyke.txt; transcribed to vandyke_ordbm.csv): AUCs, mean squares,
     * covariances, Var(R), the corresponding DBM variance components, and the three analyses
     * (random readers and cases with Hillis's ddf = 15.26; fixed readers; fixed cases), to half a
     * unit of the last printed digit.
     */
    @Test
    void jackknifeAnalysesMatchOrDbmMrmcOnVanDyke() throws Exception {
        ReaderStudy vd = MrmcData.vanDyke();
        Map<String, OrAnalysis> by =
                Map.of(
                        "rrrc", analyse(vd, OrFactors.RANDOM_READERS_RANDOM_CASES),
                        "frrc", analyse(vd, OrFactors.FIXED_READERS_RANDOM_CASES),
                        "rrfc", analyse(vd, OrFactors.RANDOM_READERS_FIXED_CASES));
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("mrmc/vandyke_ordbm.csv").rows()) {
            String analysis = row.get("analysis");
            OrAnalysis a = by.get(analysis.equals("all") ? "rrrc" : analysis);
            double expected = Double.parseDouble(row.get("value"));
            double tol = 0.5 * Math.pow(10, -Integer.parseInt(row.get("decimals"))) + 1e-12;
            assertThat(actual(a, row)).as(row.toString()).isCloseTo(expected, within(tol));
            checked++;
        }
        assertThat(checked).isEqualTo(66);
    }

    /**
     * DeLong covariances: an independent numpy 1.24.2 / scipy 1.10.1 implementation
     * (src/test/python/mrmc_or_delong_reference.py → or_delong.csv) on the Van Dyke data and on
     * iMRMC's test input, every analysis's statistic, df, p, SE and CI, to 1e-9 relative.
     */
    @Test
    void delongAnalysesMatchTheNumpyReference() throws Exception {
        Map<String, OrAnalysis[]> by =
                Map.of(
                        "vandyke.imrmc", all(MrmcData.vanDyke()),
                        "imrmc_doIMRMC_R2_input.imrmc", all(MrmcData.imrmcR2()));
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("mrmc/or_delong.csv").rows()) {
            OrAnalysis[] a = by.get(row.get("file"));
            double expected = Double.parseDouble(row.get("value"));
            double actual = delong(a, row.get("quantity"));
            assertThat(actual)
                    .as(row.toString())
                    .isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-15));
            checked++;
        }
        assertThat(checked).isEqualTo(40);
    }

    private static OrAnalysis[] all(ReaderStudy s) {
        return new OrAnalysis[] {
            ObuchowskiRockette.analyse(
                    s, OrFactors.RANDOM_READERS_RANDOM_CASES, OrCovariance.DELONG, LEVEL),
            ObuchowskiRockette.analyse(
                    s, OrFactors.FIXED_READERS_RANDOM_CASES, OrCovariance.DELONG, LEVEL)
        };
    }

    private static double delong(OrAnalysis[] a, String q) {
        OrAnalysis rr = a[0];
        OrAnalysis fr = a[1];
        if (q.startsWith("rrrc_single_") || q.startsWith("frrc_single_")) {
            OrAnalysis x = q.startsWith("rrrc") ? rr : fr;
            OrEstimate e = x.single().get(Integer.parseInt(q.substring(q.length() - 1)) - 1);
            return q.contains("_se_")
                    ? e.standardError().getAsDouble()
                    : e.test().df().getAsDouble();
        }
        return switch (q) {
            case "var_error" -> rr.varError();
            case "cov1" -> rr.cov1();
            case "cov2" -> rr.cov2();
            case "cov3" -> rr.cov3();
            case "ms_t" -> rr.msT();
            case "ms_tr" -> rr.msTR();
            case "rrrc_f" -> rr.global().statistic().getAsDouble();
            case "rrrc_ddf" -> rr.global().df2().getAsDouble();
            case "rrrc_p" -> rr.global().p().getAsDouble();
            case "rrrc_ci_lower" -> rr.differences().get(0).test().ci().orElseThrow().lower();
            case "rrrc_ci_upper" -> rr.differences().get(0).test().ci().orElseThrow().upper();
            case "frrc_chi_square" -> fr.global().statistic().getAsDouble();
            case "frrc_p" -> fr.global().p().getAsDouble();
            case "frrc_se" -> fr.differences().get(0).standardError().getAsDouble();
            default -> throw new AssertionError("unknown quantity " + q);
        };
    }

    /** The DeLong and the jackknife covariances differ, and both give one AUC table. */
    @Test
    void delongCovariancesDifferFromJackknife() throws Exception {
        ReaderStudy vd = MrmcData.vanDyke();
        OrAnalysis j =
                ObuchowskiRockette.analyse(
                        vd, OrFactors.RANDOM_READERS_RANDOM_CASES, OrCovariance.JACKKNIFE, LEVEL);
        OrAnalysis d =
                ObuchowskiRockette.analyse(
                        vd, OrFactors.RANDOM_READERS_RANDOM_CASES, OrCovariance.DELONG, LEVEL);
        assertThat(d.aucs()).isEqualTo(j.aucs());
        assertThat(d.msTR()).isEqualTo(j.msTR());
        assertThat(d.varError()).isNotCloseTo(j.varError(), within(1e-9));
        // DeLong's variance of one AUC is the jackknife's times a factor close to 1.
        assertThat(d.varError() / j.varError()).isBetween(0.95, 1.05);
    }

    @Test
    void rejectsAStudyThatIsNotFullyCrossed() throws Exception {
        ReaderStudy s = MrmcData.vanDyke();
        ReaderStudy.Builder b = ReaderStudy.builder(s.direction());
        for (int m = 0; m < 2; m++) {
            for (int r = 0; r < s.readers().size(); r++) {
                for (int c = 0; c < s.cases().size(); c++) {
                    if (m == 0 && r == 2 && c == 7) continue;
                    b.addScore(
                            s.readers().get(r),
                            s.cases().get(c),
                            s.modalities().get(m),
                            s.score(m, r, c));
                }
            }
        }
        for (int c = 0; c < s.cases().size(); c++) b.setTruth(s.cases().get(c), s.positive(c));
        ReaderStudy missing = b.build();
        assertThatThrownBy(
                        () ->
                                ObuchowskiRockette.analyse(
                                        missing,
                                        OrFactors.RANDOM_READERS_RANDOM_CASES,
                                        OrCovariance.DELONG,
                                        LEVEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fully crossed")
                .hasMessageContaining("INCOMPLETE");
    }

    static OrAnalysis analyse(ReaderStudy s, OrFactors f) {
        return ObuchowskiRockette.analyse(s, f, OrCovariance.JACKKNIFE, LEVEL);
    }

    private static double actual(OrAnalysis a, Map<String, String> row) {
        String q = row.get("quantity");
        int m = row.get("modality").isEmpty() ? 0 : Integer.parseInt(row.get("modality")) - 1;
        OrEstimate diff = a.differences().get(0);
        OrEstimate single = a.single().get(m);
        return switch (q) {
            case "auc" -> a.aucs().get(m).get(Integer.parseInt(row.get("reader")) - 1);
            case "ms_t" -> a.msT();
            case "ms_r" -> a.msR();
            case "ms_tr" -> a.msTR();
            case "var_r" -> a.varR();
            case "var_tr" -> a.varTR();
            case "dbm_var_r" -> a.dbm().orElseThrow().varR();
            case "dbm_var_c" -> a.dbm().orElseThrow().varC();
            case "dbm_var_tr" -> a.dbm().orElseThrow().varTR();
            case "dbm_var_tc" -> a.dbm().orElseThrow().varTC();
            case "dbm_var_rc" -> a.dbm().orElseThrow().varRC();
            case "dbm_var_trc_error" -> a.dbm().orElseThrow().varTRCError();
            case "cov1" -> a.cov1();
            case "cov2" -> a.cov2();
            case "cov3" -> a.cov3();
            case "var_error" -> a.varError();
            case "f", "chi_square" -> a.global().statistic().getAsDouble();
            case "ddf" -> a.global().df2().getAsDouble();
            case "p" -> a.global().p().getAsDouble();
            case "difference" -> diff.estimate();
            case "se_difference" -> diff.standardError().getAsDouble();
            case "t_difference" -> diff.test().statistic().getAsDouble();
            case "ci_lower_difference" -> diff.test().ci().orElseThrow().lower();
            case "ci_upper_difference" -> diff.test().ci().orElseThrow().upper();
            case "se_single" -> single.standardError().getAsDouble();
            case "df_single" -> single.test().df().getAsDouble();
            case "ci_lower_single" -> single.test().ci().orElseThrow().lower();
            case "ci_upper_single" -> single.test().ci().orElseThrow().upper();
            default -> throw new AssertionError("unknown quantity " + q);
        };
    }
}
