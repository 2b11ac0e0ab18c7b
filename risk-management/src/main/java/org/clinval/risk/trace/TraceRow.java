package org.clinval.risk.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clinval.risk.ScenarioRef;
import org.clinval.risk.check.EvidenceStatus;
import org.clinval.risk.check.Purpose;
import org.clinval.risk.check.RecordCheck;
import org.clinval.risk.results.Measurement;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.results.ScenarioStatus;

/**
 * One row of the traceability matrix: requirement ↔ hazard ↔ risk control ↔ scenario ↔ result. Any
 * link may be missing, and a missing link is what the row shows: a requirement with no scenario, a
 * control with no evidence, a reference that matched nothing.
 *
 * @param requirement the requirement's id; empty on a row of a hazard without controls
 * @param hazard the hazard's id; empty on a row of a requirement's own verification
 * @param control the control's id; empty on a row of a requirement's own verification
 * @param purpose what the scenario verifies; empty when there is no evidence to show
 * @param reference the scenario reference; empty when there is none
 * @param scenario the scenario matched; empty when the reference matched none or no run was given
 * @param status the evidence's status; empty when there is no evidence
 * @param run the run the results come from; empty when no run was given
 * @param measurements the measured values of the run behind the requirement or control, each with
 *     its interval and signature when available; possibly none
 * @param record the cited record checked, on a row of a control's record instead of a scenario
 *     reference; empty otherwise
 */
public record TraceRow(
        Optional<String> requirement,
        Optional<String> hazard,
        Optional<String> control,
        Optional<Purpose> purpose,
        Optional<ScenarioRef> reference,
        Optional<ScenarioResult> scenario,
        Optional<EvidenceStatus> status,
        Optional<String> run,
        List<Measurement> measurements,
        Optional<RecordCheck> record) {

    public TraceRow {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(run, "run");
        measurements = List.copyOf(measurements);
        Objects.requireNonNull(record, "record");
    }

    /** A row of scenario evidence, or of a missing link. */
    public TraceRow(
            Optional<String> requirement,
            Optional<String> hazard,
            Optional<String> control,
            Optional<Purpose> purpose,
            Optional<ScenarioRef> reference,
            Optional<ScenarioResult> scenario,
            Optional<EvidenceStatus> status,
            Optional<String> run,
            List<Measurement> measurements) {
        this(
                requirement,
                hazard,
                control,
                purpose,
                reference,
                scenario,
                status,
                run,
                measurements,
                Optional.empty());
    }

    /** Returns the matched scenario's own status, if a scenario was matched. */
    public Optional<ScenarioStatus> scenarioStatus() {
        return scenario.map(ScenarioResult::status);
    }
}
