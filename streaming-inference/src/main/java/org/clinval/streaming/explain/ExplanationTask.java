package org.clinval.streaming.explain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a study's explanations step does: the protocol's {@code explanations} block and the lesion
 * masks.
 *
 * @param method {@code grad-cam}, {@code lime} or {@code occlusion}
 * @param kinds the kinds of case, in protocol order ({@link Kind#key()})
 * @param perKind how many cases of each kind
 * @param seed the draw's seed, also LIME's
 * @param tolerancePx the pointing game's tolerance in pixels
 * @param lesionMasks the folder of lesion masks, one per case named {@code <case folder>.dcm}
 *     (SEG), {@code .nii.gz} or {@code .nii}; empty when the study has none (maps are then not
 *     scored)
 */
public record ExplanationTask(
        String method,
        List<Kind> kinds,
        int perKind,
        long seed,
        int tolerancePx,
        Optional<Path> lesionMasks) {

    public ExplanationTask {
        if (!List.of("grad-cam", "lime", "occlusion").contains(method)) {
            throw new IllegalArgumentException(
                    "explanation method is not grad-cam, lime or occlusion: " + method);
        }
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty()) throw new IllegalArgumentException("no kind of case to explain");
        if (perKind < 1) throw new IllegalArgumentException("per kind is not positive: " + perKind);
        if (tolerancePx < 0) {
            throw new IllegalArgumentException("tolerance is negative: " + tolerancePx);
        }
    }

    /** A kind of case, from the case-level table (label against prediction). */
    public enum Kind {
        FALSE_NEGATIVES(true, false),
        FALSE_POSITIVES(false, true),
        TRUE_POSITIVES(true, true),
        TRUE_NEGATIVES(false, false);

        private final boolean label;
        private final boolean prediction;

        Kind(boolean label, boolean prediction) {
            this.label = label;
            this.prediction = prediction;
        }

        /** Returns the kind of a case with this label and prediction. */
        public static Kind of(boolean label, boolean prediction) {
            for (Kind k : values()) {
                if (k.label == label && k.prediction == prediction) return k;
            }
            throw new AssertionError();
        }

        /** Returns the protocol's spelling, e.g. {@code false-negatives}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** Returns the kind of a protocol spelling. */
        public static Kind parse(String key) {
            for (Kind k : values()) if (k.key().equals(key)) return k;
            throw new IllegalArgumentException(
                    "kind of case is not false-negatives, false-positives, true-positives or"
                            + " true-negatives: "
                            + key);
        }
    }
}
