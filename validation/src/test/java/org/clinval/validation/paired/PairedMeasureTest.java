package org.clinval.validation.paired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.roc.AucComparison;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/** Candidate versus baseline on the same cases, overall and in subgroups, against R. */
class PairedMeasureTest {

    private static final double TOL = 1e-9;
    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);

    /**
     * Reference: pccp_comparison.csv over pccp_cases.csv (R 4.2.2, pROC 1.18.0,
     * validation/src/test/r/pccp_reference.R). AUC: {@code roc.test(roc(label, candidate_score,
     * levels = c(0, 1), direction = "<"), roc(label, baseline_score, ...), paired = TRUE, method =
     * "delong", conf.level = 0.95)}; sensitivity and specificity: {@code
     * mcnemar.test(matrix(c(both, baseline_only, candidate_only, neither), 2), correct = FALSE)},
     * Tango's interval by {@code uniroot} over the closed-form score statistic, its non-inferiority
     * z at {@code −margin} and {@code pnorm(z, lower.tail = FALSE)}.
     */
    @Test
    void matchesR() {
        ReferenceTable cases = ReferenceTable.load("pccp_cases.csv");
        String[] site = cases.strings("site");
        String[] manufacturer = cases.strings("manufacturer");
        double[] label = cases.doubles("label");
        double[] base = cases.doubles("baseline_score");
        double[] cand = cases.doubles("candidate_score");
        double worst = 0;
        int defined = 0;
        for (Map<String, String> r : ReferenceTable.load("pccp_comparison.csv").rows()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < label.length; i++) {
                String v = r.get("value");
                boolean in =
                        switch (r.get("stratum")) {
                            case "site" -> site[i].equals(v);
                            case "manufacturer" -> manufacturer[i].equals(v);
                            default -> true;
                        };
                if (in) idx.add(i);
            }
            int k = idx.size();
            boolean[] pos = new boolean[k], bp = new boolean[k], cp = new boolean[k];
            double[] bs = new double[k], cs = new double[k];
            for (int j = 0; j < k; j++) {
                int i = idx.get(j);
                pos[j] = label[i] == 1;
                bs[j] = base[i];
                cs[j] = cand[i];
                bp[j] = bs[j] >= 0.5;
                cp[j] = cs[j] >= 0.5;
            }
            PairedMeasure m = PairedMeasure.parse(r.get("measure")).orElseThrow();
            double margin = d(r, "margin");
            if (m == PairedMeasure.AUC) {
                AucChange a = m.auc(pos, bs, cs, margin, LEVEL);
                if (r.get("p").equals("NA")) {
                    assertThat(a.verdict()).isEqualTo(Verdict.UNDEFINED);
                    assertThat(a.undefinedReason()).isPresent();
                    continue;
                }
                AucComparison c = a.delong().orElseThrow();
                worst = max(worst, r, "candidate", c.first().auc());
                worst = max(worst, r, "baseline", c.second().auc());
                worst = max(worst, r, "difference", c.difference());
                worst = max(worst, r, "statistic", c.z());
                worst = max(worst, r, "p", c.p());
                worst = max(worst, r, "lower", c.differenceCi().orElseThrow().lower());
                worst = max(worst, r, "upper", c.differenceCi().orElseThrow().upper());
                assertThat(a.verdict()).isEqualTo(expected(r));
            } else {
                ProportionComparison c = m.proportion(pos, bp, cp, margin, LEVEL);
                assertThat(c.counts().n()).isEqualTo(Long.parseLong(r.get("n")));
                if (r.get("lower").equals("NA")) {
                    assertThat(c.verdict()).isEqualTo(Verdict.UNDEFINED);
                    assertThat(c.undefinedReason()).isPresent();
                    continue;
                }
                var t = c.tango().orElseThrow();
                worst = max(worst, r, "candidate", t.newProportion());
                worst = max(worst, r, "baseline", t.referenceProportion());
                worst = max(worst, r, "difference", t.difference());
                worst = max(worst, r, "lower", t.ci().lower());
                worst = max(worst, r, "upper", t.ci().upper());
                worst = max(worst, r, "tango_z", t.z());
                worst = max(worst, r, "tango_p", t.p());
                worst = max(worst, r, "statistic", c.mcnemar().statistic());
                worst = max(worst, r, "p", c.mcnemar().p());
                worst = max(worst, r, "statistic_cc", c.mcnemarCorrected().statistic());
                worst = max(worst, r, "p_cc", c.mcnemarCorrected().p());
                assertThat(c.verdict()).isEqualTo(expected(r));
            }
            defined++;
        }
        assertThat(defined).isEqualTo(16);
        assertThat(worst).isLessThan(TOL);
    }

    @Test
    void identicalModelsGiveZeroDifference() {
        boolean[] pos = {true, true, true, false, false, false};
        double[] s = {0.9, 0.4, 0.7, 0.3, 0.6, 0.1};
        AucChange a = PairedMeasure.AUC.auc(pos, s, s, 0.03, LEVEL);
        assertThat(a.delong().orElseThrow().p().getAsDouble()).isEqualTo(1);
        assertThat(a.verdict()).isEqualTo(Verdict.WITHIN_PLAN);
        boolean[] calls = {true, false, true, true, false, false};
        ProportionComparison p =
                PairedMeasure.SENSITIVITY.proportion(pos, calls, calls, 0.05, LEVEL);
        assertThat(p.tango().orElseThrow().difference()).isZero();
        assertThat(p.mcnemar().statistic()).isEmpty();
        // Perfect agreement on 3 positives still leaves Tango's interval wide: no evidence either
        // way, so the change is not shown to be within a 0.05 margin.
        assertThat(p.tango().orElseThrow().ci().lower()).isLessThan(-0.05);
        assertThat(p.verdict()).isEqualTo(Verdict.OUTSIDE_PLAN);
    }

    private static Verdict expected(Map<String, String> r) {
        return d(r, "lower") > -d(r, "margin") ? Verdict.WITHIN_PLAN : Verdict.OUTSIDE_PLAN;
    }

    private static double max(double worst, Map<String, String> r, String k, OptionalDouble v) {
        if (r.get(k).equals("NA")) {
            assertThat(v).as("%s %s", r, k).isEmpty();
            return worst;
        }
        return max(worst, r, k, v.orElseThrow());
    }

    private static double max(double worst, Map<String, String> r, String k, double v) {
        double e = Math.abs(v - d(r, k));
        assertThat(e).as("%s %s", r, k).isLessThan(TOL);
        return Math.max(worst, e);
    }

    private static double d(Map<String, String> r, String k) {
        return Double.parseDouble(r.get(k));
    }
}
