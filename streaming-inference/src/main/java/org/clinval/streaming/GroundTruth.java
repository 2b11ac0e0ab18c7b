package org.clinval.streaming;

/**
 * The reference standard of one case, with the attributes its subgroups are formed by.
 *
 * @param caseId the case
 * @param site acquiring site
 * @param sex patient sex as recorded for subgroups ({@code F}, {@code M}, {@code O} or empty)
 * @param ageBand age band, e.g. {@code 60-74}
 * @param label 1 for a positive case, 0 for a negative
 * @param manufacturer scanner manufacturer when the reference standard gives it (it then wins over
 *     the image header's), else empty
 */
public record GroundTruth(
        String caseId, String site, String sex, String ageBand, int label, String manufacturer) {

    /** A reference standard without a manufacturer: the image header's is used. */
    public GroundTruth(String caseId, String site, String sex, String ageBand, int label) {
        this(caseId, site, sex, ageBand, label, "");
    }
}
