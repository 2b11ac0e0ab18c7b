package org.clinval.streaming.study;

import java.io.Serializable;
import java.util.List;
import org.clinval.common.grading.GradeReference;
import org.clinval.common.grading.GradeScale;

/**
 * What a grading study adds to its inputs: the grade scale, the rule that forms each case's
 * reference grade from the ground truth's grade columns, and the case-level cut (the first grading
 * endpoint's smallest positive grade).
 *
 * @param scale the grades, lowest first
 * @param reference the reference rule and its columns
 * @param minGrade the case-level cut: label 1 when the reference grade is at least this
 */
public record GradingTask(GradeScale scale, GradeReference reference, int minGrade)
        implements Serializable {

    public GradingTask {
        if (minGrade < 1 || minGrade >= scale.size()) {
            throw new IllegalArgumentException(
                    "the case-level cut " + minGrade + " is not in [1, " + scale.size() + ")");
        }
    }

    /** Returns the task columns the job writes: the model's grade and its probabilities. */
    public List<String> jobColumns() {
        return org.clinval.common.TaskColumns.grading(scale.grades()).subList(1, scale.size() + 2);
    }
}
