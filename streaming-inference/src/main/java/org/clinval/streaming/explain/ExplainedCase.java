package org.clinval.streaming.explain;

/**
 * The explanation of one drawn case: what was written and how it scored.
 *
 * @param caseId the pseudonym
 * @param kind the kind's key
 * @param method {@code grad-cam}, {@code lime} or {@code occlusion}
 * @param target what the map explains ({@code positive logit}, {@code class 3 (predicted)}, …)
 * @param pointingHit {@code 1} or {@code 0}, empty when there is no lesion to point at
 * @param energyInMask the share of positive attribution in the lesion, empty when undefined
 * @param peakRow the map's peak row
 * @param peakColumn the map's peak column
 * @param lesionPixels pixels in the lesion mask (0: no lesion, or no mask file)
 * @param label the reference label, 1 or 0
 * @param score the model's score in the case results
 * @param prediction the prediction at the operating point, 1 or 0
 * @param parameters the method's settings, {@code key=value} joined by {@code ;}
 * @param folder the case's folder under {@code explanations/}
 * @param dicomOverlay {@code overlay.dcm} when the Secondary Capture overlay was written, else
 *     {@code not written: <reason>} (e.g. a source the overlay writer does not take); the map and
 *     its scores stand either way
 * @param problem why the case has no map (its other fields then empty), else empty
 */
public record ExplainedCase(
        String caseId,
        String kind,
        String method,
        String target,
        String pointingHit,
        String energyInMask,
        int peakRow,
        int peakColumn,
        long lesionPixels,
        int label,
        double score,
        int prediction,
        String parameters,
        String folder,
        String dicomOverlay,
        String problem) {}
