package org.clinval.validation.multiclass;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinval.validation.agreement.AgreementTable;

/**
 * Cases graded on one ordered scale of {@code k} classes: each case's reference grade, the model's
 * grade and the model's probability (or any score where higher means more likely) of every class.
 * Grades are 0-based indices into {@link #classes()}.
 */
public final class GradedCases {

    private final List<String> classes;
    private final int[] truth;
    private final int[] predicted;
    private final double[][] probabilities;

    private GradedCases(
            List<String> classes, int[] truth, int[] predicted, double[][] probabilities) {
        this.classes = classes;
        this.truth = truth;
        this.predicted = predicted;
        this.probabilities = probabilities;
    }

    /**
     * Returns the cases.
     *
     * @param classes the class names in scale order, at least two, distinct and not blank
     * @param truth reference grade of case {@code i}
     * @param predicted model grade of case {@code i}
     * @param probabilities {@code probabilities[i][c]}: the model's probability of class {@code c}
     *     for case {@code i}, finite
     * @throws IllegalArgumentException if lengths differ, a grade is not in {@code [0, k)} or a
     *     probability is not finite, naming the case index
     */
    public static GradedCases of(
            List<String> classes, int[] truth, int[] predicted, double[][] probabilities) {
        if (classes.size() < 2) {
            throw new IllegalArgumentException(
                    "a graded scale needs at least two classes: " + classes);
        }
        Set<String> seen = new HashSet<>();
        for (String c : classes) {
            if (c == null || c.isBlank() || !seen.add(c)) {
                throw new IllegalArgumentException(
                        "class names must be distinct and not blank: " + classes);
            }
        }
        int n = truth.length;
        if (predicted.length != n || probabilities.length != n) {
            throw new IllegalArgumentException(
                    "truth, predicted grades and probabilities differ in length: "
                            + n
                            + ", "
                            + predicted.length
                            + ", "
                            + probabilities.length);
        }
        int k = classes.size();
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            grade("reference grade", truth[i], i, k);
            grade("predicted grade", predicted[i], i, k);
            if (probabilities[i].length != k) {
                throw new IllegalArgumentException(
                        "case index "
                                + i
                                + " has "
                                + probabilities[i].length
                                + " class probabilities, expected "
                                + k);
            }
            p[i] = probabilities[i].clone();
            for (int c = 0; c < k; c++) {
                if (!Double.isFinite(p[i][c])) {
                    throw new IllegalArgumentException(
                            "case index "
                                    + i
                                    + ": probability of "
                                    + classes.get(c)
                                    + " is not finite: "
                                    + p[i][c]);
                }
            }
        }
        return new GradedCases(List.copyOf(classes), truth.clone(), predicted.clone(), p);
    }

    private static void grade(String what, int g, int i, int k) {
        if (g < 0 || g >= k) {
            throw new IllegalArgumentException(
                    "case index " + i + ": " + what + " " + g + " is not in [0, " + k + ")");
        }
    }

    /**
     * Returns cases whose model gives a grade without class probabilities (an expected-grade
     * model): the confusion matrix, kappas and cuts are defined, the AUCs are not.
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static GradedCases withoutProbabilities(
            List<String> classes, int[] truth, int[] predicted) {
        double[][] none = new double[truth.length][classes.size()];
        GradedCases g = of(classes, truth, predicted, none);
        return new GradedCases(g.classes, g.truth, g.predicted, null);
    }

    /** Returns whether the model gave class probabilities. */
    public boolean hasProbabilities() {
        return probabilities != null;
    }

    /** Returns the class names in scale order. */
    public List<String> classes() {
        return classes;
    }

    /** Returns {@code k}. */
    public int k() {
        return classes.size();
    }

    /** Returns the number of cases. */
    public int n() {
        return truth.length;
    }

    /** Returns the reference grade of case {@code i}. */
    public int truth(int i) {
        return truth[i];
    }

    /** Returns the model's grade of case {@code i}. */
    public int predicted(int i) {
        return predicted[i];
    }

    /**
     * Returns the probability of class {@code c} for case {@code i}.
     *
     * @throws IllegalStateException when the model gave no probabilities
     */
    public double probability(int i, int c) {
        if (probabilities == null) {
            throw new IllegalStateException("the model gave no class probabilities");
        }
        return probabilities[i][c];
    }

    /** Returns the number of cases whose reference grade is {@code c}. */
    public int truthCount(int c) {
        int m = 0;
        for (int t : truth) if (t == c) m++;
        return m;
    }

    /**
     * Returns the {@code k × k} confusion matrix: rows the reference grade, columns the model's,
     * over every class of the scale (unobserved ones give zero rows and columns).
     */
    public AgreementTable confusion() {
        long[][] counts = new long[k()][k()];
        for (int i = 0; i < n(); i++) counts[truth[i]][predicted[i]]++;
        return AgreementTable.of(classes, counts);
    }
}
