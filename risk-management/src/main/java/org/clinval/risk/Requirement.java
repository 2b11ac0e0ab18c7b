package org.clinval.risk;

import java.util.List;
import java.util.Objects;

/**
 * A requirement of the device, e.g. {@code REQ-PERF-001}: the sensitivity requirement that
 * implements a risk control measure.
 *
 * <p>A requirement is traced to the acceptance scenarios that its {@code verifiedBy} references
 * name and to every scenario of a run tagged with its id ({@code @REQ-PERF-001}).
 *
 * @param id identifier
 * @param text the requirement, as stated
 * @param source where it comes from: a user need, a standard, a risk control, a claim
 * @param verifiedBy references to the scenarios that verify it, possibly none
 */
public record Requirement(String id, String text, String source, List<ScenarioRef> verifiedBy) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        verifiedBy = List.copyOf(verifiedBy);
    }

    /** Returns the Cucumber tag that links a scenario to this requirement: {@code @} + id. */
    public String tag() {
        return "@" + id;
    }
}
