package org.clinval.workflows.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.validation.Interval;
import org.clinval.validation.interval.MeanInterval;
import org.clinval.workflows.protocol.ExplanationSettings;

/**
 * The explanations of a study: every drawn case's map with its scores, and their aggregates.
 *
 * @param settings the protocol's {@code explanations} block
 * @param rows every drawn case, in {@code explanations.csv} order
 * @param pointing the pointing game over the maps with a lesion
 * @param pointingByKind the pointing game per kind, in protocol order
 * @param energy the mean energy in the lesion with Student's t interval, clipped to [0, 1]; empty
 *     below 2 defined values
 * @param energyDefined maps whose energy in the lesion is defined
 * @param energyUndefined maps whose energy is undefined (no lesion, or no positive attribution)
 * @param failed drawn cases without a map
 * @param undefined why the pointing rate or the mean energy is missing, if one is
 */
public record ExplanationResults(
        ExplanationSettings settings,
        List<ExplanationRow> rows,
        PointingGame pointing,
        Map<String, PointingGame> pointingByKind,
        Optional<MeanInterval> energy,
        int energyDefined,
        int energyUndefined,
        int failed,
        List<String> undefined) {

    public ExplanationResults {
        rows = List.copyOf(rows);
        pointingByKind =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(pointingByKind));
        undefined = List.copyOf(undefined);
    }

    /**
     * The pointing game over a set of maps.
     *
     * @param hits maps whose peak lies in the lesion
     * @param trials maps with a lesion
     * @param noLesion maps without a lesion (not counted in {@code trials})
     * @param ci the Clopper–Pearson interval at the protocol's level; empty without trials
     */
    public record PointingGame(int hits, int trials, int noLesion, Optional<Interval> ci) {

        /** Returns the rate {@code hits / trials}, empty without trials. */
        public java.util.OptionalDouble rate() {
            return trials == 0
                    ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of((double) hits / trials);
        }
    }
}
