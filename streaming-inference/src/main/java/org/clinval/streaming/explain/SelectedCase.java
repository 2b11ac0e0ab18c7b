package org.clinval.streaming.explain;

/**
 * One case drawn for an explanation.
 *
 * @param caseId the pseudonym
 * @param kind the kind's key ({@code false-negatives}, …)
 * @param image the image the model scored (the de-identified copy when there is one)
 * @param original the locked image, on which the lesion mask is placed
 * @param mask the lesion mask file, empty when the case has none
 * @param label the reference label, 1 or 0
 * @param score the model's score in the case results
 * @param prediction the prediction at the operating point, 1 or 0
 */
public record SelectedCase(
        String caseId,
        String kind,
        String image,
        String original,
        String mask,
        int label,
        double score,
        int prediction) {}
