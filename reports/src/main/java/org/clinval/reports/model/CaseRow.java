package org.clinval.reports.model;

/**
 * One analysed case, as listed in the workbook.
 *
 * @param caseId the de-identified case identifier
 * @param site acquisition site
 * @param manufacturer scanner manufacturer
 * @param label reference standard, 1 positive or 0 negative
 * @param score the model's score, finite
 * @param prediction the decision at the operating point, 1 positive or 0 negative
 * @param modelSha256 SHA-256 of the model that scored the case
 * @param datasetSha256 SHA-256 of the dataset manifest the case belongs to
 */
public record CaseRow(
        String caseId,
        String site,
        String manufacturer,
        int label,
        double score,
        int prediction,
        String modelSha256,
        String datasetSha256) {

    public CaseRow {
        Fields.text("case id", caseId);
        Fields.text(caseId + " site", site);
        Fields.text(caseId + " manufacturer", manufacturer);
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException(caseId + " label is not 0 or 1: " + label);
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException(caseId + " score is not finite: " + score);
        }
        if (prediction != 0 && prediction != 1) {
            throw new IllegalArgumentException(caseId + " prediction is not 0 or 1: " + prediction);
        }
        modelSha256 = Fields.sha256(caseId + " model SHA-256", modelSha256);
        datasetSha256 = Fields.sha256(caseId + " dataset SHA-256", datasetSha256);
    }
}
