package org.clinval.validation.multiclass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;

/**
 * One-vs-rest accuracy of each class and the macro-average AUC.
 *
 * <p>For class {@code c}: sensitivity {@code n(c,c) / n(c,·)} and specificity {@code Σ_{i≠c,j≠c}
 * n(i,j) / Σ_{i≠c} n(i,·)} of the confusion matrix {@code n} (rows the reference), with binomial
 * intervals ({@link Proportion}); the AUC of the probability of {@code c} with the cases of {@code
 * c} as positives and every other case as negative, with DeLong's variance and interval. These
 * equal R's {@code binom.test(x, n)$conf.int} and {@code pROC::roc(truth == c, p[, c], levels =
 * c(FALSE, TRUE), direction = "<")} with {@code ci.auc(method = "delong")}.
 *
 * <p>The macro-average AUC is the unweighted mean of the one-vs-rest AUCs of the classes with at
 * least one case (and at least one case of another class); it is undefined when fewer than two
 * classes are observed.
 */
public final class OneVsRest {

    private OneVsRest() {}

    /** Returns every class's one-vs-rest accuracy and AUC, in scale order. */
    public static List<ClassAccuracy> of(GradedCases cases, ConfidenceLevel level) {
        int n = cases.n();
        List<ClassAccuracy> out = new ArrayList<>();
        for (int c = 0; c < cases.k(); c++) {
            boolean[] positive = new boolean[n];
            double[] score = new double[n];
            long tp = 0, pos = 0, tn = 0;
            for (int i = 0; i < n; i++) {
                positive[i] = cases.truth(i) == c;
                score[i] = cases.hasProbabilities() ? cases.probability(i, c) : 0;
                boolean called = cases.predicted(i) == c;
                if (positive[i]) {
                    pos++;
                    if (called) tp++;
                } else if (!called) {
                    tn++;
                }
            }
            String name = cases.classes().get(c);
            Proportion sensitivity = Proportion.of("sensitivity of " + name, tp, pos, level);
            Proportion specificity = Proportion.of("specificity of " + name, tn, n - pos, level);
            Optional<AucEstimate> auc = Optional.empty();
            Optional<String> why = Optional.empty();
            if (!cases.hasProbabilities()) {
                why =
                        Optional.of(
                                "the one-vs-rest AUC of "
                                        + name
                                        + " is undefined: the model gives a grade without class"
                                        + " probabilities");
            } else if (pos > 0 && pos < n) {
                auc =
                        Optional.of(
                                DeLong.auc(RocInput.of(positive, score, Direction.HIGHER), level));
            } else {
                why =
                        Optional.of(
                                "the one-vs-rest AUC of "
                                        + name
                                        + " is undefined: "
                                        + pos
                                        + " cases of the class and "
                                        + (n - pos)
                                        + " of the rest");
            }
            out.add(new ClassAccuracy(c, name, sensitivity, specificity, auc, why));
        }
        return out;
    }

    /**
     * Returns the unweighted mean of the defined one-vs-rest AUCs of {@code classes}, empty when
     * fewer than two are defined.
     */
    public static OptionalDouble macroAuc(List<ClassAccuracy> classes) {
        double sum = 0;
        int m = 0;
        for (ClassAccuracy c : classes) {
            if (c.auc().isPresent()) {
                sum += c.auc().get().auc();
                m++;
            }
        }
        return m >= 2 ? OptionalDouble.of(sum / m) : OptionalDouble.empty();
    }

    /**
     * Returns the one-vs-rest AUCs of {@code classes} weighted by their case counts, {@code Σ n_c
     * AUC_c / Σ n_c} over the classes whose AUC is defined, as scikit-learn's {@code
     * roc_auc_score(y, P, multi_class="ovr", average="weighted")}; empty when fewer than two are
     * defined.
     */
    public static OptionalDouble weightedAuc(List<ClassAccuracy> classes) {
        double sum = 0;
        long weights = 0;
        int m = 0;
        for (ClassAccuracy c : classes) {
            if (c.auc().isPresent()) {
                long n = c.sensitivity().trials();
                sum += n * c.auc().get().auc();
                weights += n;
                m++;
            }
        }
        return m >= 2 ? OptionalDouble.of(sum / weights) : OptionalDouble.empty();
    }
}
