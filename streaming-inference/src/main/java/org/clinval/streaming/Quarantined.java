package org.clinval.streaming;

/**
 * An input that produced no result, and why.
 *
 * @param caseId the case, or the manifest line when no case id could be read
 * @param input the file or record concerned
 * @param stage where it was stopped: {@code manifest}, {@code load}, {@code preprocess}, {@code
 *     inference} or {@code join}
 * @param reason a sentence a user can act on
 */
public record Quarantined(String caseId, String input, String stage, String reason) {

    /** The CSV header of {@code quarantine.csv}. */
    public static final String HEADER = "case_id,input,stage,reason";
}
