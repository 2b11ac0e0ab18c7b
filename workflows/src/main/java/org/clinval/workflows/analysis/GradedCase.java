package org.clinval.workflows.analysis;

/**
 * The grading columns of one row of {@code case-results.csv}.
 *
 * @param caseId the case
 * @param truthGrade the reference grade, a 0-based index into the protocol's grades
 * @param predictedGrade the model's grade
 * @param probabilities the model's probability of each grade, in scale order; empty for a model
 *     that gives an expected grade without class probabilities
 */
public record GradedCase(
        String caseId, int truthGrade, int predictedGrade, double[] probabilities) {

    public GradedCase {
        probabilities = probabilities.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
