package org.clinval.streaming;

/**
 * The result of one case: what the model said about it, against its reference standard, with the
 * hashes that tie it to the model and the locked dataset.
 *
 * @param caseId the case
 * @param site acquiring site
 * @param manufacturer scanner manufacturer
 * @param sex patient sex for subgroups
 * @param ageBand age band for subgroups
 * @param label reference standard, 1 positive
 * @param score model score
 * @param prediction 1 when the score meets the operating threshold by the rule
 * @param modelSha256 SHA-256 of the model that scored it
 * @param datasetSha256 identity of the locked test set: the SHA-256 of its part of the locked
 *     manifest (ground truth and image inventory), the same in every run on it
 * @param measures the task's per-case values, written between {@code prediction} and {@code
 *     model_sha256}; empty for a classifier
 */
public record CaseResult(
        String caseId,
        String site,
        String manufacturer,
        String sex,
        String ageBand,
        int label,
        double score,
        int prediction,
        String modelSha256,
        String datasetSha256,
        java.util.List<String> measures) {

    /** The CSV header of {@code case-results.csv} of a classifier. */
    public static final String HEADER =
            "case_id,site,manufacturer,sex,age_band,label,score,prediction,model_sha256,dataset_sha256";

    public CaseResult {
        measures = java.util.List.copyOf(measures);
    }

    /** A classifier's result. */
    public CaseResult(
            String caseId,
            String site,
            String manufacturer,
            String sex,
            String ageBand,
            int label,
            double score,
            int prediction,
            String modelSha256,
            String datasetSha256) {
        this(
                caseId,
                site,
                manufacturer,
                sex,
                ageBand,
                label,
                score,
                prediction,
                modelSha256,
                datasetSha256,
                java.util.List.of());
    }

    /** Returns the header with the task's columns {@code measures} after {@code prediction}. */
    public static String header(java.util.List<String> measures) {
        if (measures.isEmpty()) return HEADER;
        return HEADER.replace(",prediction,", ",prediction," + String.join(",", measures) + ",");
    }
}
