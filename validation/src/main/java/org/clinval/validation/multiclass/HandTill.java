package org.clinval.validation.multiclass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;

/**
 * The multi-class AUC of Hand and Till (2001), "A simple generalisation of the area under the ROC
 * curve for multiple class classification problems", Machine Learning 45:171–186,
 * doi:10.1023/A:1010920819831, as R's {@code pROC::multiclass.roc(response, predictor)} computes it
 * for a matrix of class probabilities (pROC 1.18, {@code compute.pair.AUC}).
 *
 * <p>{@code Â(i|j)} is the Mann–Whitney AUC (ties one half) of column {@code i} of the probability
 * matrix, restricted to the cases of class {@code i} and class {@code j}, the cases of {@code i}
 * counted as the ones with higher values: {@code P(p_i(x) > p_i(y)) + ½ P(=)} for {@code x} of
 * class {@code i}, {@code y} of class {@code j}. Each pair's {@code A(i,j) = (Â(i|j) + Â(j|i)) / 2}
 * and the multi-class AUC is their mean over the {@code c(c−1)/2} pairs of observed classes.
 * Classes without a case are left out, as pROC drops response levels it does not observe; the AUC
 * is undefined below two observed classes.
 */
public final class HandTill {

    private static final String METHOD =
            "Hand & Till (2001) multi-class AUC: mean over class pairs of (A(i|j) + A(j|i)) / 2,"
                    + " A(i|j) from column i of the probability matrix (pROC::multiclass.roc)";

    private HandTill() {}

    /** Returns the Hand–Till AUC of {@code cases}. */
    public static HandTillAuc auc(GradedCases cases) {
        List<Integer> observed = new ArrayList<>();
        for (int c = 0; c < cases.k(); c++) {
            if (cases.truthCount(c) > 0) observed.add(c);
        }
        List<String> names = observed.stream().map(c -> cases.classes().get(c)).toList();
        if (!cases.hasProbabilities()) {
            return new HandTillAuc(
                    OptionalDouble.empty(),
                    Map.of(),
                    names,
                    METHOD,
                    Optional.of(
                            "the Hand-Till AUC is undefined: the model gives a grade without class"
                                    + " probabilities"));
        }
        if (observed.size() < 2) {
            return new HandTillAuc(
                    OptionalDouble.empty(),
                    Map.of(),
                    names,
                    METHOD,
                    Optional.of(
                            "the Hand-Till AUC is undefined: "
                                    + observed.size()
                                    + " observed class(es), it needs two"));
        }
        Map<String, Double> pairs = new LinkedHashMap<>();
        double sum = 0;
        for (int a = 0; a < observed.size(); a++) {
            for (int b = a + 1; b < observed.size(); b++) {
                int i = observed.get(a);
                int j = observed.get(b);
                double aij = (conditional(cases, i, j) + conditional(cases, j, i)) / 2;
                pairs.put(cases.classes().get(i) + "/" + cases.classes().get(j), aij);
                sum += aij;
            }
        }
        int c = observed.size();
        return new HandTillAuc(
                OptionalDouble.of(sum * 2 / (c * (c - 1.0))),
                pairs,
                names,
                METHOD,
                Optional.empty());
    }

    /** {@code Â(i|j)}: column {@code i}, cases of {@code i} against cases of {@code j}. */
    private static double conditional(GradedCases cases, int i, int j) {
        List<Boolean> positive = new ArrayList<>();
        List<Double> score = new ArrayList<>();
        for (int x = 0; x < cases.n(); x++) {
            int t = cases.truth(x);
            if (t == i || t == j) {
                positive.add(t == i);
                score.add(cases.probability(x, i));
            }
        }
        boolean[] pos = new boolean[positive.size()];
        double[] s = new double[score.size()];
        for (int x = 0; x < s.length; x++) {
            pos[x] = positive.get(x);
            s[x] = score.get(x);
        }
        // the Mann–Whitney AUC of DeLong's placements; the level only shapes the unused interval
        return DeLong.auc(RocInput.of(pos, s, Direction.HIGHER), ConfidenceLevel.of(0.95)).auc();
    }
}
