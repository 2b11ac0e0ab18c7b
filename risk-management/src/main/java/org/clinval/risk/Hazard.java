package org.clinval.risk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One entry of the risk register: a hazard, the sequence of events from it to a hazardous situation
 * and harm (ISO 14971:2019 §5.4), the risk before control (§5.5), the controls applied (§7.1) and
 * the residual risk (§7.3).
 *
 * @param id identifier, e.g. {@code HAZ-001}
 * @param hazard the potential source of harm
 * @param sequenceOfEvents the foreseeable sequence of events, in order
 * @param hazardousSituation the circumstance in which people are exposed to the hazard
 * @param harm the injury or damage to health that may result
 * @param initial the risk before any risk control
 * @param controls the controls applied to this hazard, possibly none
 * @param residual the residual risk the register claims, with every control effective; the reader
 *     checks that it follows from the controls' reductions
 * @param reductionRationale why no further risk control is practicable, required for a residual
 *     risk in the investigate region
 * @param benefitRisk the benefit–risk analysis (§7.4), required for a residual risk that stays
 *     unacceptable
 */
public record Hazard(
        String id,
        String hazard,
        List<String> sequenceOfEvents,
        String hazardousSituation,
        String harm,
        RiskEstimate initial,
        List<HazardControl> controls,
        RiskEstimate residual,
        Optional<String> reductionRationale,
        Optional<String> benefitRisk) {

    public Hazard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(hazardousSituation, "hazardousSituation");
        Objects.requireNonNull(harm, "harm");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(residual, "residual");
        Objects.requireNonNull(reductionRationale, "reductionRationale");
        Objects.requireNonNull(benefitRisk, "benefitRisk");
        sequenceOfEvents = List.copyOf(sequenceOfEvents);
        controls = List.copyOf(controls);
    }

    /**
     * Returns the risk with the reductions of the controls that {@code effective} accepts: per
     * factor, the lowest level an effective control reaches, else the initial level (see {@link
     * HazardControl}).
     */
    public RiskEstimate riskWith(Predicate<String> effective) {
        Level severity = initial.severity();
        Level probability = initial.probability();
        for (HazardControl c : controls) {
            if (!effective.test(c.control())) {
                continue;
            }
            if (c.severity().isPresent()) severity = severity.min(c.severity().get());
            if (c.probability().isPresent()) probability = probability.min(c.probability().get());
        }
        return new RiskEstimate(severity, probability);
    }

    /** Returns the risk with every control effective: what {@link #residual} must be. */
    public RiskEstimate riskWithAllControls() {
        return riskWith(c -> true);
    }
}
