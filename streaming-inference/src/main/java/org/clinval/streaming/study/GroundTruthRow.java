package org.clinval.streaming.study;

/**
 * One row of the reference standard, as written.
 *
 * @param line the line it starts on (the header is line 1)
 * @param caseId column {@code case_id}
 * @param image column {@code image} (the case's folder or file below the image folder), or empty
 * @param label column {@code label}
 * @param site column {@code site}, or empty
 * @param sex column {@code sex}, or empty
 * @param ageBand column {@code age_band}, or empty
 * @param manufacturer column {@code manufacturer}, or empty
 * @param grade the reference grade of a grading study (0-based) by the protocol's rule, or -1
 * @param gradeReason why a grading study's row has no reference grade (empty when it has one, and
 *     for every other study); the case is quarantined with it
 */
public record GroundTruthRow(
        long line,
        String caseId,
        String image,
        String label,
        String site,
        String sex,
        String ageBand,
        String manufacturer,
        int grade,
        String gradeReason) {

    /** A row of a study without grades. */
    public GroundTruthRow(
            long line,
            String caseId,
            String image,
            String label,
            String site,
            String sex,
            String ageBand,
            String manufacturer) {
        this(line, caseId, image, label, site, sex, ageBand, manufacturer, -1, "");
    }
}
