package org.clinval.validation.multiclass;

import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.interval.Proportion;

/**
 * A binary endpoint of a graded scale: positive when the grade is at least {@code minGrade} (e.g.
 * referable diabetic retinopathy = grade ≥ moderate). Sensitivity and specificity of the model's
 * grade against the reference grade at the cut, with binomial intervals; a superiority test against
 * a goal is {@link org.clinval.validation.design.PerformanceGoal#exactBinomial} on the same counts.
 *
 * @param minGrade the smallest positive grade, in {@code [1, k)}
 * @param sensitivity successes: reference ≥ cut and model ≥ cut; trials: reference ≥ cut
 * @param specificity successes: reference &lt; cut and model &lt; cut; trials: reference &lt; cut
 */
public record GradeCut(int minGrade, Proportion sensitivity, Proportion specificity) {

    /**
     * Dichotomises {@code cases} at {@code minGrade}.
     *
     * @throws IllegalArgumentException if {@code minGrade} is not in {@code [1, k)}: a cut at 0 or
     *     above the scale leaves one side empty by construction
     */
    public static GradeCut of(GradedCases cases, int minGrade, ConfidenceLevel level) {
        if (minGrade < 1 || minGrade >= cases.k()) {
            throw new IllegalArgumentException(
                    "min grade " + minGrade + " is not in [1, " + cases.k() + ")");
        }
        long tp = 0, pos = 0, tn = 0;
        for (int i = 0; i < cases.n(); i++) {
            boolean label = cases.truth(i) >= minGrade;
            boolean call = cases.predicted(i) >= minGrade;
            if (label) {
                pos++;
                if (call) tp++;
            } else if (!call) {
                tn++;
            }
        }
        return new GradeCut(
                minGrade,
                Proportion.of("sensitivity", tp, pos, level),
                Proportion.of("specificity", tn, cases.n() - pos, level));
    }
}
