package org.clinval.validation.multiclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.design.PerformanceGoal;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/**
 * Against R 4.2.2 with pROC 1.18.0 (multiclass.csv and multiclass_cases.csv, written by
 * validation/src/test/r/multiclass_reference.R): {@code multiclass.roc(factor(truth), probs)$auc},
 * {@code roc(truth == c, probs[, c + 1], levels = c(FALSE, TRUE), direction = "<")} with {@code
 * var(r, method = "delong")} and {@code ci.auc(r, method = "delong")}, {@code binom.test(x,
 * n)$conf.int} and {@code binom.test(x, n, p0, alternative = "greater")$p.value}.
 */
class MulticlassReferenceTest {

    private static final double TOL = 1e-9;

    record Dataset(GradedCases cases, ConfidenceLevel level) {}

    static Map<String, Dataset> datasets() {
        Map<String, List<Map<String, String>>> byName = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceTable.load("multiclass_cases.csv").rows()) {
            byName.computeIfAbsent(row.get("dataset"), x -> new ArrayList<>()).add(row);
        }
        Map<String, Dataset> out = new LinkedHashMap<>();
        byName.forEach(
                (name, rows) -> {
                    int k = Integer.parseInt(rows.get(0).get("k"));
                    List<String> classes =
                            IntStream.range(0, k).mapToObj(Integer::toString).toList();
                    int[] truth =
                            rows.stream().mapToInt(r -> Integer.parseInt(r.get("truth"))).toArray();
                    int[] predicted =
                            rows.stream()
                                    .mapToInt(r -> Integer.parseInt(r.get("predicted")))
                                    .toArray();
                    double[][] p =
                            rows.stream()
                                    .map(
                                            r ->
                                                    Arrays.stream(r.get("probabilities").split(" "))
                                                            .mapToDouble(Double::parseDouble)
                                                            .toArray())
                                    .toArray(double[][]::new);
                    out.put(
                            name,
                            new Dataset(
                                    GradedCases.of(classes, truth, predicted, p),
                                    ConfidenceLevel.of(
                                            Double.parseDouble(rows.get(0).get("level")))));
                });
        return out;
    }

    @Test
    void matchesPRocAndBinomTest() {
        Map<String, Dataset> data = datasets();
        assertThat(data).hasSize(6);
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("multiclass.csv").rows()) {
            Dataset d = data.get(row.get("dataset"));
            String stat = row.get("statistic");
            String what = row.get("dataset") + " " + stat + " " + row.get("class");
            double expected = Double.parseDouble(row.get("value"));
            double actual = value(d, stat, row.get("class"));
            assertThat(actual).as(what).isCloseTo(expected, within(TOL));
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }

    private static double value(Dataset d, String stat, String cls) {
        if (stat.equals("hand_till")) {
            return HandTill.auc(d.cases()).auc().getAsDouble();
        }
        int c = Integer.parseInt(cls);
        if (stat.startsWith("cut_")) {
            GradeCut cut = GradeCut.of(d.cases(), c, d.level());
            Proportion p =
                    stat.startsWith("cut_sensitivity") ? cut.sensitivity() : cut.specificity();
            if (stat.endsWith("_lower")) return cp(p).lower();
            if (stat.endsWith("_upper")) return cp(p).upper();
            double goal = Double.parseDouble(stat.substring(stat.lastIndexOf('_') + 1));
            return PerformanceGoal.exactBinomial(p.successes(), p.trials(), goal, d.level()).p();
        }
        ClassAccuracy a = OneVsRest.of(d.cases(), d.level()).get(c);
        AucEstimate auc = a.auc().orElse(null);
        return switch (stat) {
            case "sensitivity" -> a.sensitivity().estimate().getAsDouble();
            case "sensitivity_lower" -> cp(a.sensitivity()).lower();
            case "sensitivity_upper" -> cp(a.sensitivity()).upper();
            case "specificity" -> a.specificity().estimate().getAsDouble();
            case "specificity_lower" -> cp(a.specificity()).lower();
            case "specificity_upper" -> cp(a.specificity()).upper();
            case "auc" -> auc.auc();
            case "auc_variance" -> auc.variance().getAsDouble();
            case "auc_lower" -> auc.ci().orElseThrow().lower();
            case "auc_upper" -> auc.ci().orElseThrow().upper();
            default -> throw new AssertionError("unknown statistic " + stat);
        };
    }

    private static org.clinval.validation.Interval cp(Proportion p) {
        return p.interval(BinomialInterval.CLOPPER_PEARSON).orElseThrow();
    }
}
