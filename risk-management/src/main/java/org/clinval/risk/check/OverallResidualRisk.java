package org.clinval.risk.check;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clinval.risk.Acceptability;

/**
 * The evaluation of the overall residual risk by the plan's criteria (ISO 14971:2019 §8).
 *
 * @param verdict the verdict
 * @param statement the verdict in one sentence, for the report
 * @param reasons each unmet criterion, one sentence each; empty unless not acceptable
 * @param residualCounts how many residual risks (with the effective controls only) fall in each
 *     region; every region is present, iterated from acceptable to unacceptable
 * @param method the plan's method for evaluating the overall residual risk, for the record
 */
public record OverallResidualRisk(
        OverallVerdict verdict,
        String statement,
        List<String> reasons,
        Map<Acceptability, Integer> residualCounts,
        String method) {

    public OverallResidualRisk {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(method, "method");
        reasons = List.copyOf(reasons);
        EnumMap<Acceptability, Integer> counts = new EnumMap<>(Acceptability.class);
        for (Acceptability a : Acceptability.values()) counts.put(a, 0);
        counts.putAll(residualCounts);
        residualCounts = Collections.unmodifiableMap(counts);
    }
}
