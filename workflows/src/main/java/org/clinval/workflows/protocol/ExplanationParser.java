package org.clinval.workflows.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Quote;
import org.clinval.common.yaml.Show;
import org.clinval.common.yaml.YamlMap;

/**
 * The {@code explanations} block and the lesion masks it is scored against ({@code
 * dataset.reference_masks} in a study with a case-level score), for {@link ProtocolParser}.
 */
final class ExplanationParser {

    private ExplanationParser() {}

    /**
     * Whether {@code dataset.reference_masks} of {@code dataset} is an optional folder of lesion
     * masks (a task with a case-level score: classification, grading) rather than the reference of
     * a segmentation study (or refused by a detection study).
     */
    static boolean lesionMasks(YamlMap dataset, Optional<Task> task) {
        return task.isPresent()
                && task.get() != Task.SEGMENTATION
                && task.get() != Task.DETECTION
                && dataset.has("reference_masks");
    }

    /** The {@code explanations} block, when the protocol has one. */
    static Optional<ExplanationSettings> explanations(YamlMap m, Optional<Task> task) {
        if (!m.has("explanations")) {
            return Optional.empty();
        }
        if (task.isPresent() && (task.get() == Task.SEGMENTATION || task.get() == Task.DETECTION)) {
            m.problem(
                    "explanations",
                    "is only for a study with a case-level score (classification, grading); this"
                            + " protocol's task is "
                            + task.get().key());
            return Optional.empty();
        }
        Optional<YamlMap> block = m.map("explanations");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        YamlMap b = block.get();
        Optional<String> method =
                b.string("method")
                        .flatMap(
                                v ->
                                        ProtocolParser.choice(
                                                b,
                                                "method",
                                                v,
                                                ExplanationSettings.METHODS,
                                                x -> x));
        List<String> kinds = new ArrayList<>();
        boolean kindsOk = true;
        for (YamlMap.Indexed<String> k : b.strings("cases", true)) {
            if (!ExplanationSettings.KINDS.contains(k.value())) {
                b.doc()
                        .problem(
                                k.path(),
                                Quote.value(k.value())
                                        + " is not one of "
                                        + Show.choices(ExplanationSettings.KINDS));
                kindsOk = false;
            } else if (kinds.contains(k.value())) {
                b.doc().problem(k.path(), Quote.value(k.value()) + " is listed twice");
                kindsOk = false;
            } else {
                kinds.add(k.value());
            }
        }
        if (kindsOk && kinds.isEmpty() && !b.doc().hasProblem(b.path("cases"))) {
            b.problem("cases", "is empty; it takes at least 1 element");
            kindsOk = false;
        }
        Optional<Long> perKind = b.integer("per_kind");
        if (perKind.isPresent() && (perKind.get() < 1 || perKind.get() > 1000)) {
            b.problem("per_kind", perKind.get() + " is not in [1, 1000]");
            perKind = Optional.empty();
        }
        Optional<Long> seed = b.integer("seed");
        Optional<Long> tolerance = Optional.of(0L);
        if (b.has("tolerance_px")) {
            tolerance = b.integer("tolerance_px");
            if (tolerance.isPresent() && (tolerance.get() < 0 || tolerance.get() > 64)) {
                b.problem("tolerance_px", tolerance.get() + " is not in [0, 64]");
                tolerance = Optional.empty();
            }
        }
        b.rejectUnknownKeys();
        if (method.isEmpty()
                || !kindsOk
                || perKind.isEmpty()
                || seed.isEmpty()
                || tolerance.isEmpty()
                || b.doc().hasProblemWithin(b.path())) {
            return Optional.empty();
        }
        return Optional.of(
                new ExplanationSettings(
                        method.get(),
                        kinds,
                        perKind.get().intValue(),
                        seed.get(),
                        tolerance.get().intValue()));
    }
}
