package org.clinval.workflows.analysis;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of the run's {@code explanations.csv}: a drawn case's explanation map and its scores.
 *
 * @param caseId the pseudonym
 * @param kind {@code false-negatives}, {@code false-positives}, {@code true-positives} or {@code
 *     true-negatives}
 * @param method {@code grad-cam}, {@code lime} or {@code occlusion}
 * @param target what the map explains
 * @param pointingHit the pointing game; empty when the case has no lesion (or no map)
 * @param energyInMask the share of positive attribution inside the lesion; empty when undefined
 * @param lesionPixels pixels of the lesion mask
 * @param label the reference label, 1 or 0
 * @param score the model's score
 * @param prediction the prediction, 1 or 0
 * @param parameters the method's settings, {@code key=value;…}
 * @param folder the case's folder under {@code explanations/}
 * @param problem why the case has no map, else empty
 */
public record ExplanationRow(
        String caseId,
        String kind,
        String method,
        String target,
        Optional<Boolean> pointingHit,
        OptionalDouble energyInMask,
        long lesionPixels,
        int label,
        double score,
        int prediction,
        String parameters,
        String folder,
        String problem) {

    /** Returns whether the case has a map. */
    public boolean explained() {
        return problem.isEmpty();
    }
}
