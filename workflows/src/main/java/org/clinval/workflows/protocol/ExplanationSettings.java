package org.clinval.workflows.protocol;

import java.util.List;
import java.util.Locale;

/**
 * The protocol's {@code explanations} block: which cases get an explanation map after inference,
 * and how they are made and scored.
 *
 * @param method {@code grad-cam}, {@code lime} or {@code occlusion}
 * @param cases the kinds of case explained, from the case-level table: {@code false-negatives},
 *     {@code false-positives}, {@code true-positives}, {@code true-negatives}
 * @param perKind how many cases of each kind (all of a kind when it has fewer)
 * @param seed the seed of the case draw and of LIME's sampling
 * @param tolerancePx the pointing game's tolerance in pixels (0: the peak must lie in the lesion)
 */
public record ExplanationSettings(
        String method, List<String> cases, int perKind, long seed, int tolerancePx) {

    /** The methods, as the protocol spells them. */
    public static final List<String> METHODS = List.of("grad-cam", "lime", "occlusion");

    /** The kinds of case, as the protocol spells them. */
    public static final List<String> KINDS =
            List.of("false-negatives", "false-positives", "true-positives", "true-negatives");

    public ExplanationSettings {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(
                    "explanation method is not one of " + METHODS + ": " + method);
        }
        cases = List.copyOf(cases);
        if (cases.isEmpty() || !KINDS.containsAll(cases)) {
            throw new IllegalArgumentException(
                    "explained cases are not a non-empty list of " + KINDS + ": " + cases);
        }
        if (perKind < 1) {
            throw new IllegalArgumentException("per_kind is not a positive count: " + perKind);
        }
        if (tolerancePx < 0) {
            throw new IllegalArgumentException("tolerance_px is negative: " + tolerancePx);
        }
    }

    /** Returns the method as a label ({@code Grad-CAM}, {@code LIME}, {@code occlusion}). */
    public String methodLabel() {
        return switch (method) {
            case "grad-cam" -> "Grad-CAM";
            case "lime" -> "LIME";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }
}
