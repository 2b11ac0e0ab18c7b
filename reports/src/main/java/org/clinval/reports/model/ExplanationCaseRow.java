package org.clinval.reports.model;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One explained case of the report's explanations section.
 *
 * @param caseId the pseudonym
 * @param kind {@code false-negatives}, {@code false-positives}, {@code true-positives} or {@code
 *     true-negatives}
 * @param target what the map explains
 * @param score the model's score
 * @param prediction the prediction at the operating point, as a class label
 * @param truth the reference label
 * @param pointingHit the pointing game; empty without a lesion
 * @param energyInMask the share of positive attribution in the lesion; empty when undefined
 * @param lesionPixels pixels of the lesion mask
 * @param folder the case's folder in the run ({@code explanations/<case>})
 * @param problem why the case has no map, else empty
 * @param original the image (PNG), empty when not written
 * @param map the map alone (PNG), empty when not written
 * @param overlay the map over the image (PNG), empty when not written
 * @param lesion the lesion mask (PNG, white inside), empty when the case has none
 */
public record ExplanationCaseRow(
        String caseId,
        String kind,
        String target,
        double score,
        String prediction,
        String truth,
        Optional<Boolean> pointingHit,
        OptionalDouble energyInMask,
        long lesionPixels,
        String folder,
        String problem,
        byte[] original,
        byte[] map,
        byte[] overlay,
        byte[] lesion) {

    public ExplanationCaseRow {
        Fields.text("explained case id", caseId);
        Fields.text("explanation kind", kind);
        Fields.present("pointing hit", pointingHit);
        Fields.present("energy in mask", energyInMask);
    }

    /** Returns whether all three images were written. */
    public boolean hasImages() {
        return original.length > 0 && map.length > 0 && overlay.length > 0;
    }
}
