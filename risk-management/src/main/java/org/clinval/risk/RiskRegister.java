package org.clinval.risk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The risk register of the risk file: its risk control measures and its hazards.
 *
 * @param id identifier, e.g. {@code RMF-LNC-001}
 * @param title title
 * @param controls the risk control measures, each used by at least one hazard
 * @param hazards the hazards, at least one
 */
public record RiskRegister(
        String id, String title, List<RiskControl> controls, List<Hazard> hazards) {

    public RiskRegister {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        controls = List.copyOf(controls);
        hazards = List.copyOf(hazards);
    }

    /** Returns the control called {@code id}, if any. */
    public Optional<RiskControl> control(String id) {
        return controls.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Returns the hazards that apply control {@code controlId}, in register order. */
    public List<Hazard> hazardsControlledBy(String controlId) {
        return hazards.stream()
                .filter(h -> h.controls().stream().anyMatch(c -> c.control().equals(controlId)))
                .toList();
    }
}
