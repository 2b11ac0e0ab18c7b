package org.clinval.workflows.service;

import java.util.List;
import org.clinval.common.Problem;

/**
 * What the checks of a study's inputs found before anything runs. Problems block the study until
 * fixed; findings about single cases do not: those cases will be quarantined, and the list is part
 * of what the approval of the protocol signs.
 *
 * @param problems what is wrong with the protocol, the model, the ground truth or the paths
 * @param files files found below the image folder, every one accounted for
 * @param ignored files that belong to no case (system files, non-image objects), with reasons in
 *     the inventory
 * @param cases cases in (images and ground-truth rows joined)
 * @param usable cases the model will score
 * @param toQuarantine the other cases, each with its reason
 */
public record InputCheck(
        List<Problem> problems,
        int files,
        int ignored,
        int cases,
        int usable,
        List<CaseFinding> toQuarantine) {

    public InputCheck {
        problems = List.copyOf(problems);
        toQuarantine = List.copyOf(toQuarantine);
        if (cases != usable + toQuarantine.size()) {
            throw new IllegalArgumentException(
                    "cases are not accounted for: "
                            + cases
                            + " in, "
                            + usable
                            + " usable + "
                            + toQuarantine.size()
                            + " to quarantine");
        }
    }

    /** Returns whether nothing blocks the study. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Returns this check with {@code more} problems after its own. */
    public InputCheck withProblems(List<Problem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        return new InputCheck(all, files, ignored, cases, usable, toQuarantine);
    }

    /** The result of a check that stopped at problems before looking at the cases. */
    public static InputCheck blocked(List<Problem> problems) {
        return new InputCheck(problems, 0, 0, 0, 0, List.of());
    }
}
