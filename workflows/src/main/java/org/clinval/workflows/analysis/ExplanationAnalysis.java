package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.MeanInterval;
import org.clinval.workflows.protocol.ExplanationSettings;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Aggregates the explanation maps of a study: the pointing-game rate with its Clopper–Pearson
 * interval (every map with a lesion is a trial; maps of cases without a lesion are counted apart),
 * overall and per kind, and the mean energy in the lesion with Student's t interval (clipped to [0,
 * 1]), both at the protocol's level.
 */
public final class ExplanationAnalysis {

    private ExplanationAnalysis() {}

    /** Analyses {@code rows} under {@code protocol}, whose {@code explanations} block is set. */
    public static ExplanationResults analyse(StudyProtocol protocol, List<ExplanationRow> rows) {
        ExplanationSettings s =
                protocol.explanations()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the protocol asks for no explanations"));
        ConfidenceLevel level = protocol.statistics().level();
        List<String> undefined = new ArrayList<>();
        ExplanationResults.PointingGame all = pointing(rows, level);
        if (all.trials() == 0) {
            undefined.add("the pointing game is undefined: no explained case has a lesion mask");
        }
        Map<String, ExplanationResults.PointingGame> byKind = new LinkedHashMap<>();
        for (String k : s.cases()) {
            byKind.put(k, pointing(rows.stream().filter(r -> r.kind().equals(k)).toList(), level));
        }
        double[] energies =
                rows.stream()
                        .filter(ExplanationRow::explained)
                        .filter(r -> r.energyInMask().isPresent())
                        .mapToDouble(r -> r.energyInMask().getAsDouble())
                        .toArray();
        long explained = rows.stream().filter(ExplanationRow::explained).count();
        Optional<MeanInterval> energy = Optional.empty();
        if (energies.length >= 2) {
            energy = Optional.of(MeanInterval.of(energies, level));
        } else {
            undefined.add(
                    "the mean energy in the lesion needs at least 2 maps with a lesion and a"
                            + " positive attribution; there are "
                            + energies.length);
        }
        return new ExplanationResults(
                s,
                rows,
                all,
                byKind,
                energy,
                energies.length,
                (int) explained - energies.length,
                rows.size() - (int) explained,
                undefined);
    }

    private static ExplanationResults.PointingGame pointing(
            List<ExplanationRow> rows, ConfidenceLevel level) {
        int hits = 0, trials = 0, noLesion = 0;
        for (ExplanationRow r : rows) {
            if (!r.explained()) continue;
            if (r.pointingHit().isEmpty()) {
                noLesion++;
                continue;
            }
            trials++;
            if (r.pointingHit().get()) hits++;
        }
        return new ExplanationResults.PointingGame(
                hits,
                trials,
                noLesion,
                trials == 0
                        ? Optional.empty()
                        : Optional.of(
                                BinomialInterval.CLOPPER_PEARSON.compute(hits, trials, level)));
    }
}
