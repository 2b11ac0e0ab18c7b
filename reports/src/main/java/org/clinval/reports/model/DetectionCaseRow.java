package org.clinval.reports.model;

/**
 * One scan's counts at the operating threshold as {@code case-results.csv} holds them.
 *
 * @param caseId the scan's pseudonym
 * @param label the scan's reference label
 * @param lesions reference lesions
 * @param hits lesions hit by an accepted candidate
 * @param falsePositives accepted candidates hitting no lesion
 * @param candidates every candidate, accepted or not
 */
public record DetectionCaseRow(
        String caseId, String label, int lesions, int hits, int falsePositives, int candidates) {

    public DetectionCaseRow {
        Fields.text("case id", caseId);
        Fields.present(caseId + " label", label);
        Fields.nonNegative(caseId + " lesions", lesions);
        Fields.nonNegative(caseId + " hits", hits);
        Fields.nonNegative(caseId + " false positives", falsePositives);
        Fields.nonNegative(caseId + " candidates", candidates);
        if (hits > lesions) {
            throw new IllegalArgumentException(
                    caseId + " has " + hits + " hits but " + lesions + " lesions");
        }
    }
}
