package org.clinval.risk.check;

import java.util.List;
import java.util.Objects;
import org.clinval.risk.ScenarioRef;
import org.clinval.risk.results.ScenarioResult;

/**
 * One scenario reference checked against the results of a run.
 *
 * @param purpose what the evidence verifies
 * @param subject the control or requirement it verifies
 * @param reference the reference; for scenarios found by their tag alone, the tag
 * @param declared whether the risk management file states the reference; {@code false} for the
 *     scenarios found in the run by a requirement's tag
 * @param scenarios the scenarios it matched, in report order
 * @param status the outcome
 * @param detail the outcome in words, naming the scenarios that did not pass
 */
public record EvidenceCheck(
        Purpose purpose,
        String subject,
        ScenarioRef reference,
        boolean declared,
        List<ScenarioResult> scenarios,
        EvidenceStatus status,
        String detail) {

    public EvidenceCheck {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        scenarios = List.copyOf(scenarios);
    }

    /** Returns whether the evidence stands. */
    public boolean passed() {
        return status == EvidenceStatus.PASSED;
    }
}
