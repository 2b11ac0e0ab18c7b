package org.clinval.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A risk control measure (ISO 14971:2019 §3.20, §7.1–7.2) with the requirements that implement it
 * and the verification of its implementation and of its effectiveness (§7.2).
 *
 * <p>A control may serve several hazards; the reduction it brings to each is recorded with the
 * hazard ({@link HazardControl}).
 *
 * @param id identifier, e.g. {@code RCM-001}
 * @param kind which of the three options of §7.1 it is
 * @param description what the measure is
 * @param requirements ids of the requirements that implement it, at least one
 * @param implementation scenarios verifying that the measure is implemented; an empty list is a gap
 * @param effectiveness scenarios verifying that the measure reduces the risk; an empty list is a
 *     gap
 * @param implementationRecords signed records (inspection, analysis, test, usability) verifying
 *     that the measure is implemented, possibly none
 * @param effectivenessRecords signed records verifying that the measure reduces the risk, possibly
 *     none
 * @param introduces ids of hazards that the measure itself introduces (§7.5), possibly none
 */
public record RiskControl(
        String id,
        ControlKind kind,
        String description,
        List<String> requirements,
        List<ScenarioRef> implementation,
        List<ScenarioRef> effectiveness,
        List<VerificationRecord> implementationRecords,
        List<VerificationRecord> effectivenessRecords,
        List<String> introduces) {

    public RiskControl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        requirements = List.copyOf(requirements);
        implementation = List.copyOf(implementation);
        effectiveness = List.copyOf(effectiveness);
        implementationRecords = List.copyOf(implementationRecords);
        effectivenessRecords = List.copyOf(effectivenessRecords);
        introduces = List.copyOf(introduces);
        if (requirements.isEmpty()) {
            throw new IllegalArgumentException(
                    "risk control " + id + " is implemented by no requirement");
        }
    }

    /** A control verified by scenarios only. */
    public RiskControl(
            String id,
            ControlKind kind,
            String description,
            List<String> requirements,
            List<ScenarioRef> implementation,
            List<ScenarioRef> effectiveness,
            List<String> introduces) {
        this(
                id,
                kind,
                description,
                requirements,
                implementation,
                effectiveness,
                List.of(),
                List.of(),
                introduces);
    }

    /** Returns every record it cites, those of its implementation first. */
    public List<VerificationRecord> records() {
        List<VerificationRecord> out = new ArrayList<>(implementationRecords);
        out.addAll(effectivenessRecords);
        return out;
    }
}
