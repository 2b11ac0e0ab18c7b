package org.clinval.validation.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FROC against the independent numpy implementation of {@code src/test/python/froc_reference.py}
 * (numpy 1.24.2; cross-checked there against LUNA16's computeFROC with scikit-learn 1.2.1).
 */
class FrocReferenceTest {

    private static final double TOL = 1e-9;

    /**
     * Reference: {@code numpy.interp(rate, fps, sens)} of {@code analyse(match(candidates,
     * lesions), N, rates)} in froc_reference.py, rows of froc_reference.csv.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "small3d",
                "ties",
                "plane2d",
                "sparse",
                "overlap",
                "fewfp",
                "nofp",
                "large",
                "boundary"
            })
    void sensitivityAtEveryRateMatchesNumpyInterp(String dataset) {
        Map<Double, Double> expected = reference(dataset);
        MatchedDetections d = FrocData.matched(dataset);
        FrocResult r = Froc.of(d, new ArrayList<>(expected.keySet()));
        assertThat(r.sensitivityAtFp().keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<Double, Double> e : expected.entrySet()) {
            assertThat(r.sensitivityAtFp().get(e.getKey()))
                    .as("%s at %s FP/scan", dataset, e.getKey())
                    .isCloseTo(e.getValue(), within(TOL));
            // The curve read point by point agrees with the streamed sweep.
            assertThat(r.curve().orElseThrow().sensitivityAt(e.getKey()))
                    .as("%s curve at %s FP/scan", dataset, e.getKey())
                    .isCloseTo(e.getValue(), within(TOL));
        }
    }

    /**
     * Reference: counts of {@code match(candidates, lesions)} and {@code cpm =
     * mean(numpy.interp([1/8, …, 8], fps, sens))}, froc_summary_reference.csv.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "small3d",
                "ties",
                "plane2d",
                "sparse",
                "overlap",
                "fewfp",
                "nofp",
                "large",
                "boundary"
            })
    void countsAndCpmMatchReference(String dataset) {
        Map<String, String> row = summary(dataset);
        FrocResult r = Froc.of(FrocData.matched(dataset));
        assertThat(r.scans()).isEqualTo(Integer.parseInt(row.get("n_scans")));
        assertThat(r.lesions()).isEqualTo(Integer.parseInt(row.get("n_lesions")));
        assertThat(r.lesionsHit()).isEqualTo(Integer.parseInt(row.get("n_lesions_hit")));
        assertThat(r.candidates()).isEqualTo(Integer.parseInt(row.get("n_candidates")));
        assertThat(r.falsePositives()).isEqualTo(Integer.parseInt(row.get("n_false_positives")));
        assertThat(r.cpm().getAsDouble())
                .isCloseTo(Double.parseDouble(row.get("cpm")), within(TOL));
        assertThat(r.sensitivityAtFp().keySet()).containsExactlyElementsOf(Froc.LUNA16_FP_RATES);
    }

    /**
     * Reference: froc_bootstrap_reference.csv, {@code bootstrap(...)} in froc_reference.py with
     * {@code numpy.random.default_rng(20240612)}, 20000 replicates, {@code numpy.quantile(reps,
     * [0.025, 0.975])}; the percentile bounds agree within 4 Monte-Carlo standard errors (the
     * reference's {@code mc_se} for 4000 Java replicates), the jackknife acceleration exactly.
     */
    @ParameterizedTest
    @ValueSource(strings = {"small3d", "sparse", "ties"})
    void bootstrapOverScansMatchesReference(String dataset) {
        MatchedDetections d = FrocData.matched(dataset);
        BootstrapSpec spec = new BootstrapSpec(4000, 7, ConfidenceLevel.of(0.95));
        FrocBootstrap b = Froc.bootstrap(d, spec);
        assertThat(b.undefinedReason()).isEmpty();
        assertThat(b.replicatesWithoutLesions()).isZero();
        ReferenceTable t = ReferenceTable.load("froc_bootstrap_reference.csv");
        int checked = 0;
        for (Map<String, String> row : t.rows()) {
            if (!row.get("dataset").equals(dataset)) continue;
            String q = row.get("quantity");
            BootstrapInterval bi =
                    q.equals("cpm")
                            ? b.cpm().orElseThrow()
                            : b.sensitivityAtFp().get(Double.parseDouble(q));
            assertThat(bi.estimate())
                    .as("%s %s estimate", dataset, q)
                    .isCloseTo(Double.parseDouble(row.get("estimate")), within(TOL));
            assertThat(bi.acceleration())
                    .as("%s %s jackknife acceleration", dataset, q)
                    .isCloseTo(Double.parseDouble(row.get("acceleration")), within(TOL));
            double tolLower = 4 * Double.parseDouble(row.get("mc_se_lower")) + TOL;
            double tolUpper = 4 * Double.parseDouble(row.get("mc_se_upper")) + TOL;
            assertThat(bi.percentile().lower())
                    .as("%s %s lower", dataset, q)
                    .isCloseTo(Double.parseDouble(row.get("lower")), within(tolLower));
            assertThat(bi.percentile().upper())
                    .as("%s %s upper", dataset, q)
                    .isCloseTo(Double.parseDouble(row.get("upper")), within(tolUpper));
            assertThat(bi.replicates()).isEqualTo(4000);
            assertThat(bi.seed()).isEqualTo(7);
            assertThat(bi.resampling()).contains("scans with replacement");
            checked++;
        }
        assertThat(checked).isEqualTo(8);
    }

    private static Map<Double, Double> reference(String dataset) {
        ReferenceTable t = ReferenceTable.load("froc_reference.csv");
        Map<Double, Double> out = new TreeMap<>();
        for (Map<String, String> row : t.rows()) {
            if (row.get("dataset").equals(dataset)) {
                out.put(
                        Double.parseDouble(row.get("fp_rate")),
                        Double.parseDouble(row.get("sensitivity")));
            }
        }
        assertThat(out).hasSize(13);
        return out;
    }

    private static Map<String, String> summary(String dataset) {
        List<Map<String, String>> rows =
                ReferenceTable.load("froc_summary_reference.csv").rows().stream()
                        .filter(r -> r.get("dataset").equals(dataset))
                        .toList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
