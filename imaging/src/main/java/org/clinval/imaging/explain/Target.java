package org.clinval.imaging.explain;

import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.model.Task;

/**
 * The score a model-agnostic method ({@link Occlusion}, {@link Lime}) explains: the positive
 * probability of a classifier or segmenter; for a grading model with class probabilities, the
 * probability of the grade it predicts for the unperturbed image; for an expected-grade model, its
 * probability ({@link Prediction#probability()}, the expected grade over the top grade).
 */
record Target(int grade, String name) {

    /** The target for a model whose answer on the unperturbed image is {@code base}. */
    static Target of(Prediction base) {
        if (base.task() == Task.GRADING && base.classProbabilities().length > 1) {
            return new Target(
                    base.grade(), "probability of grade " + base.grade() + " (predicted)");
        }
        if (base.task() == Task.GRADING) {
            return new Target(-1, "expected grade over the top grade");
        }
        return new Target(-1, "positive probability");
    }

    /** The explained score of {@code p}. */
    double score(Prediction p) {
        return grade >= 0 ? p.classProbabilities()[grade] : p.probability();
    }
}
