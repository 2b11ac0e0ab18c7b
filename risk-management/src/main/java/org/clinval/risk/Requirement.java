package org.clinval.risk;

import java.util.List;
import java.util.Objects;

/**
 * A requirement of the device, e.g. {@code REQ-PERF-001}: the sensitivity requirement that
 * implements a risk control measure.
 *
 * <p>A requirement is traced to the acceptance scenarios that its {@code verifiedBy} references
 * name, to every scenario of a run tagged with its id ({@code @REQ-PERF-001}), and to the signed
 * records it cites.
 *
 * @param id identifier
 * @param text the requirement, as stated
 * @param source where it comes from: a user need, a standard, a risk control, a claim
 * @param verifiedBy references to the scenarios that verify it, possibly none
 * @param records signed records (inspection, analysis, test, usability) that verify it, possibly
 *     none; their paths are relative to the requirements file
 */
public record Requirement(
        String id,
        String text,
        String source,
        List<ScenarioRef> verifiedBy,
        List<VerificationRecord> records) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        verifiedBy = List.copyOf(verifiedBy);
        records = List.copyOf(records);
    }

    /** A requirement verified by scenarios only. */
    public Requirement(String id, String text, String source, List<ScenarioRef> verifiedBy) {
        this(id, text, source, verifiedBy, List.of());
    }

    /** Returns the Cucumber tag that links a scenario to this requirement: {@code @} + id. */
    public String tag() {
        return "@" + id;
    }
}
