package org.clinval.workflows.analysis;

import java.util.List;

/**
 * What a grading study analyses beside the case-level table: the grading columns of every case
 * result, and the graders' grades of the reference standard for the inter-grader agreement.
 *
 * @param cases the grading columns, in case-result order
 * @param graders the graders' columns the protocol names
 * @param graderGrades per row of the ground truth, each grader's grade (0-based) or -1 when the
 *     grader left it blank
 */
public record GradingInputs(
        List<GradedCase> cases, List<String> graders, List<int[]> graderGrades) {

    public GradingInputs {
        cases = List.copyOf(cases);
        graders = List.copyOf(graders);
        graderGrades = graderGrades.stream().map(int[]::clone).toList();
    }
}
