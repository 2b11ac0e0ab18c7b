package org.clinval.workflows;

import java.util.List;
import java.util.Optional;
import org.clinval.common.Problem;
import org.clinval.workflows.service.InputCheck;

/**
 * Everything a study would find wrong with its inputs, found before anyone signs: problems of the
 * protocol, the model, the ground truth and the paths (which block the study), and the cases that
 * will be quarantined (which do not).
 *
 * @param problems every blocking problem
 * @param inputs the input check's outcome, when the protocol could be read
 */
public record StudyCheckReport(List<Problem> problems, Optional<InputCheck> inputs) {

    public StudyCheckReport {
        problems = List.copyOf(problems);
    }

    /** Returns whether a study may start. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
