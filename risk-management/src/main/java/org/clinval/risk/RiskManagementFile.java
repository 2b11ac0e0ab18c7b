package org.clinval.risk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked set of the three files: the plan, the requirements and the risk register, each with the
 * file it was read from, for the record.
 *
 * @param plan the risk management plan
 * @param requirements the requirements, in file order
 * @param register the risk register
 * @param sources where each part was read from (plan, requirements, register), for provenance
 */
public record RiskManagementFile(
        RiskManagementPlan plan,
        List<Requirement> requirements,
        RiskRegister register,
        Sources sources) {

    /**
     * The files the parts were read from.
     *
     * @param plan the plan file
     * @param requirements the requirements file
     * @param register the risk register file
     */
    public record Sources(String plan, String requirements, String register) {}

    public RiskManagementFile {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(sources, "sources");
        requirements = List.copyOf(requirements);
    }

    /** Returns the requirement called {@code id}, if any. */
    public Optional<Requirement> requirement(String id) {
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
