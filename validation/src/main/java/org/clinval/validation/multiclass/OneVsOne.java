package org.clinval.validation.multiclass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One-vs-one multi-class AUCs as scikit-learn 1.2.1's {@code roc_auc_score(y, P, multi_class="ovo",
 * average=...)} computes them, and the prevalence-weighted one-vs-rest AUC of {@code
 * multi_class="ovr", average="weighted"}.
 *
 * <p>Each pair's AUC is Hand and Till's {@code A(i,j) = (Â(i|j) + Â(j|i)) / 2} ({@link HandTill}),
 * which is scikit-learn's pair score. The macro average is their unweighted mean, the Hand–Till
 * AUC; the weighted average weighs pair {@code (i, j)} by its share of the cases, {@code (n_i +
 * n_j) / N}: {@code Σ (n_i + n_j) A(i,j) / Σ (n_i + n_j)}. The weighted one-vs-rest AUC weighs each
 * class's one-vs-rest AUC by its case count {@code n_c}: {@code Σ n_c AUC_c / Σ n_c}, over the
 * classes whose one-vs-rest AUC is defined. scikit-learn refuses a class without a case and scores
 * that do not sum to 1; clinval leaves unobserved classes out (as pROC does) and takes any score.
 */
public final class OneVsOne {

    private OneVsOne() {}

    /**
     * The one-vs-one AUCs.
     *
     * @param macro the unweighted mean of the pair AUCs (the Hand–Till AUC)
     * @param weighted the pair AUCs weighted by {@code n_i + n_j}
     * @param pairs the pair AUCs keyed {@code "i/j"}
     * @param undefinedReason why the averages are missing, if they are
     */
    public record Auc(
            OptionalDouble macro,
            OptionalDouble weighted,
            Map<String, Double> pairs,
            Optional<String> undefinedReason) {}

    /** Returns the macro and prevalence-weighted one-vs-one AUCs of {@code cases}. */
    public static Auc auc(GradedCases cases) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int c = 0; c < cases.k(); c++)
            counts.put(cases.classes().get(c), (long) cases.truthCount(c));
        return of(HandTill.auc(cases), counts);
    }

    /**
     * Returns the one-vs-one AUCs from the Hand–Till pair AUCs and each class's case count.
     *
     * @param counts the number of cases of each observed class, by name
     * @throws IllegalArgumentException if an observed class has no count
     */
    public static Auc of(HandTillAuc h, Map<String, Long> counts) {
        if (h.auc().isEmpty()) {
            return new Auc(
                    OptionalDouble.empty(), OptionalDouble.empty(), Map.of(), h.undefinedReason());
        }
        List<String> observed = h.observed();
        double sum = 0, weights = 0;
        for (int a = 0; a < observed.size(); a++) {
            for (int b = a + 1; b < observed.size(); b++) {
                String i = observed.get(a);
                String j = observed.get(b);
                double w = count(counts, i) + count(counts, j);
                sum += w * h.pairs().get(i + "/" + j);
                weights += w;
            }
        }
        return new Auc(h.auc(), OptionalDouble.of(sum / weights), h.pairs(), Optional.empty());
    }

    private static long count(Map<String, Long> counts, String name) {
        Long n = counts.get(name);
        if (n == null) throw new IllegalArgumentException("no case count for class " + name);
        return n;
    }
}
