package org.clinval.reports.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * The explanation maps of a study: the method and its parameters, the pointing-game rate with its
 * Clopper–Pearson interval (overall and per kind), the mean energy in the lesion with Student's t
 * interval, and every explained case with its images.
 *
 * @param method the method's label ({@code Grad-CAM}, {@code LIME}, {@code occlusion})
 * @param parameters the method's settings as recorded with the maps, e.g. {@code layer=…; target=…}
 * @param kinds the kinds explained, in protocol order
 * @param perKind cases drawn per kind
 * @param seed the draw's seed
 * @param tolerancePx the pointing game's tolerance in pixels
 * @param level the intervals' confidence level
 * @param pointing the pointing game over every map with a lesion
 * @param pointingByKind the pointing game per kind, in protocol order
 * @param energyMean the mean energy in the lesion; empty below 2 defined values
 * @param energyCi its t interval clipped to [0, 1]
 * @param energyDefined maps whose energy is defined
 * @param energyUndefined maps whose energy is undefined
 * @param cases every drawn case, kinds in protocol order
 */
public record ExplanationSection(
        String method,
        String parameters,
        List<String> kinds,
        int perKind,
        long seed,
        int tolerancePx,
        double level,
        Pointing pointing,
        Map<String, Pointing> pointingByKind,
        OptionalDouble energyMean,
        Optional<Interval> energyCi,
        int energyDefined,
        int energyUndefined,
        List<ExplanationCaseRow> cases) {

    public ExplanationSection {
        Fields.text("explanation method", method);
        kinds = Fields.list("explanation kinds", kinds);
        pointingByKind =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(
                                Fields.present("pointing by kind", pointingByKind)));
        cases = Fields.list("explained cases", cases);
    }

    /**
     * A pointing-game rate.
     *
     * @param hits maps whose peak lies in the lesion
     * @param trials maps with a lesion
     * @param noLesion maps without a lesion
     * @param ci the Clopper–Pearson interval, empty without trials
     */
    public record Pointing(int hits, int trials, int noLesion, Optional<Interval> ci) {

        /** Returns the rate, empty without trials. */
        public OptionalDouble rate() {
            return trials == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) hits / trials);
        }
    }
}
