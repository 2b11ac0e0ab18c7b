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
 * @param readerStudy the check of the reader-study arm (its reads, readers, cases and design), when
 *     the protocol has one
 */
public record StudyCheckReport(
        List<Problem> problems,
        Optional<InputCheck> inputs,
        Optional<org.clinval.workflows.readers.ReaderStudyCheck.Result> readerStudy) {

    public StudyCheckReport {
        problems = List.copyOf(problems);
    }

    /** A report of a study without a reader-study arm. */
    public StudyCheckReport(List<Problem> problems, Optional<InputCheck> inputs) {
        this(problems, inputs, Optional.empty());
    }

    /** Returns whether a study may start. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
