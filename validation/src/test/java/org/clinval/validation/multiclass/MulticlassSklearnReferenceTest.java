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
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/**
 * Against scikit-learn 1.2.1 (multiclass_sklearn.csv and multiclass_sklearn_cases.csv, written by
 * validation/src/test/python/ranking_reference.py): {@code roc_auc_score(truth, P,
 * multi_class="ovr" | "ovo", average="macro" | "weighted")} on 10 data sets of 3 to 5 classes whose
 * probabilities are ratios of small integers (many ties); and the Hand–Till AUC against pROC
 * 1.18.0's {@code multiclass.roc} (multiclass.csv) to 1e-12.
 */
class MulticlassSklearnReferenceTest {

    private static final double TOL = 1e-12;

    static Map<String, GradedCases> datasets() {
        Map<String, List<Map<String, String>>> byName = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceTable.load("multiclass_sklearn_cases.csv").rows()) {
            byName.computeIfAbsent(row.get("dataset"), x -> new ArrayList<>()).add(row);
        }
        Map<String, GradedCases> out = new LinkedHashMap<>();
        byName.forEach(
                (name, rows) -> {
                    int k = Integer.parseInt(rows.get(0).get("k"));
                    List<String> classes =
                            IntStream.range(0, k).mapToObj(Integer::toString).toList();
                    int[] truth =
                            rows.stream().mapToInt(r -> Integer.parseInt(r.get("truth"))).toArray();
                    double[][] p =
                            rows.stream()
                                    .map(
                                            r ->
                                                    Arrays.stream(r.get("probabilities").split(" "))
                                                            .mapToDouble(Double::parseDouble)
                                                            .toArray())
                                    .toArray(double[][]::new);
                    out.put(name, GradedCases.of(classes, truth, truth.clone(), p));
                });
        return out;
    }

    @Test
    void matchesRocAucScoreOvrAndOvoMacroAndWeighted() {
        Map<String, GradedCases> data = datasets();
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("multiclass_sklearn.csv").rows()) {
            GradedCases g = data.get(row.get("dataset"));
            var ovr = OneVsRest.of(g, ConfidenceLevel.of(0.95));
            OneVsOne.Auc ovo = OneVsOne.auc(g);
            double actual =
                    switch (row.get("statistic")) {
                        case "ovr_macro" -> OneVsRest.macroAuc(ovr).getAsDouble();
                        case "ovr_weighted" -> OneVsRest.weightedAuc(ovr).getAsDouble();
                        case "ovo_macro" -> ovo.macro().getAsDouble();
                        case "ovo_weighted" -> ovo.weighted().getAsDouble();
                        default -> throw new AssertionError(row.get("statistic"));
                    };
            assertThat(actual)
                    .as(row.get("dataset") + " " + row.get("statistic"))
                    .isCloseTo(Double.parseDouble(row.get("value")), within(TOL));
            checked++;
        }
        assertThat(checked).isEqualTo(40);
    }

    @Test
    void weightedAveragesDifferFromMacroOnUnbalancedSets() {
        GradedCases g = datasets().get("mc1"); // class 0 over-represented
        var ovr = OneVsRest.of(g, ConfidenceLevel.of(0.95));
        assertThat(OneVsRest.weightedAuc(ovr).getAsDouble())
                .isNotCloseTo(OneVsRest.macroAuc(ovr).getAsDouble(), within(1e-6));
        OneVsOne.Auc ovo = OneVsOne.auc(g);
        assertThat(ovo.weighted().getAsDouble())
                .isNotCloseTo(ovo.macro().getAsDouble(), within(1e-6));
    }

    @Test
    void handTillMatchesPRocMulticlassRocTo1e12() {
        var data = MulticlassReferenceTest.datasets();
        int checked = 0;
        for (Map<String, String> row : ReferenceTable.load("multiclass.csv").rows()) {
            if (!row.get("statistic").equals("hand_till")) continue;
            GradedCases g = data.get(row.get("dataset")).cases();
            double expected = Double.parseDouble(row.get("value"));
            assertThat(HandTill.auc(g).auc().getAsDouble()).isCloseTo(expected, within(TOL));
            assertThat(OneVsOne.auc(g).macro().getAsDouble()).isCloseTo(expected, within(TOL));
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void oneObservedClassLeavesEveryAverageUndefined() {
        GradedCases g =
                GradedCases.of(
                        List.of("a", "b", "c"),
                        new int[] {1, 1, 1},
                        new int[] {1, 0, 2},
                        new double[][] {{0.2, 0.5, 0.3}, {0.6, 0.3, 0.1}, {0.1, 0.1, 0.8}});
        OneVsOne.Auc ovo = OneVsOne.auc(g);
        assertThat(ovo.macro()).isEmpty();
        assertThat(ovo.weighted()).isEmpty();
        assertThat(ovo.undefinedReason().orElseThrow()).contains("1 observed class");
        assertThat(OneVsRest.weightedAuc(OneVsRest.of(g, ConfidenceLevel.of(0.95)))).isEmpty();
    }
}
