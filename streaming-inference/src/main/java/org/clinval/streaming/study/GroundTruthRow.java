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
 */
public record GroundTruthRow(
        long line,
        String caseId,
        String image,
        String label,
        String site,
        String sex,
        String ageBand,
        String manufacturer) {}
