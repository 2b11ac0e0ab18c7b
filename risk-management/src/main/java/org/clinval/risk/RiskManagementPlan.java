package org.clinval.risk;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of the risk management plan (ISO 14971:2019 §4.4) that the check applies: the severity
 * and probability scales, the acceptability criteria and the overall residual-risk criteria.
 *
 * @param id identifier, e.g. {@code RMP-LNC-001}
 * @param title title of the plan
 * @param version the plan's version, if stated
 * @param severity the severity scale
 * @param probability the probability scale
 * @param definitions the plan's own wording of each region of the matrix; every region is defined;
 *     iterated in the order acceptable, investigate, unacceptable
 * @param matrix the acceptability matrix over the two scales
 * @param overall the criteria for the overall residual risk
 */
public record RiskManagementPlan(
        String id,
        String title,
        Optional<String> version,
        Scale severity,
        Scale probability,
        Map<Acceptability, String> definitions,
        AcceptabilityMatrix matrix,
        OverallCriteria overall) {

    public RiskManagementPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(overall, "overall");
        if (!matrix.severity().equals(severity) || !matrix.probability().equals(probability)) {
            throw new IllegalArgumentException("the matrix is not over the plan's scales");
        }
        EnumMap<Acceptability, String> d = new EnumMap<>(Acceptability.class);
        d.putAll(definitions);
        for (Acceptability a : Acceptability.values()) {
            if (!d.containsKey(a)) {
                throw new IllegalArgumentException("the plan does not define " + a.key());
            }
        }
        definitions = Collections.unmodifiableMap(d);
    }

    /** Returns the region of {@code risk} in the plan's matrix. */
    public Acceptability evaluate(RiskEstimate risk) {
        return matrix.of(risk);
    }
}
