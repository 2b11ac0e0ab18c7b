package org.clinval.streaming;

/**
 * What became of one manifest case before the ground truth was joined: a score, or the stage and
 * reason it was rejected at.
 *
 * @param caseId the case
 * @param file the image file
 * @param manufacturer DICOM Manufacturer, empty if the file could not be read
 * @param score the model's score, meaningful only when {@code rejectedAt} is empty
 * @param rejectedAt the stage that rejected the case ({@code load}, {@code preprocess}, {@code
 *     inference}), or empty
 * @param reason why it was rejected, or empty
 * @param measures the task's per-case values (segmentation, detection), in the order of the results
 *     file's task columns; empty for a classifier
 */
public record Outcome(
        String caseId,
        String file,
        String manufacturer,
        double score,
        String rejectedAt,
        String reason,
        java.util.List<String> measures) {

    public Outcome {
        measures = java.util.List.copyOf(measures);
    }

    /** An outcome without task values. */
    public Outcome(
            String caseId,
            String file,
            String manufacturer,
            double score,
            String rejectedAt,
            String reason) {
        this(caseId, file, manufacturer, score, rejectedAt, reason, java.util.List.of());
    }

    /** A scored volume case with its task values. */
    public static Outcome measured(
            String caseId,
            String file,
            String manufacturer,
            double score,
            java.util.List<String> measures) {
        return new Outcome(caseId, file, manufacturer, score, "", "", measures);
    }

    /** A scored case. */
    public static Outcome scored(String caseId, String file, String manufacturer, double score) {
        return new Outcome(caseId, file, manufacturer, score, "", "");
    }

    /** A case rejected at {@code stage}. */
    public static Outcome rejected(
            String caseId, String file, String manufacturer, String stage, String reason) {
        return new Outcome(caseId, file, manufacturer, 0, stage, reason);
    }

    /** Returns whether the case was rejected before the join. */
    public boolean isRejected() {
        return !rejectedAt.isEmpty();
    }
}
