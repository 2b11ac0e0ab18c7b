package org.clinval.workflows.service;

/**
 * A case the study will not score, and why. Named by its pseudonym, never by a file name.
 *
 * @param caseId the case's pseudonym
 * @param reason why, files named by pseudonymous ids ({@code C0007/F2})
 * @param source the folder or file name the case stands for, for the user's own terminal before a
 *     study (never written into a run folder); empty when not known
 */
public record CaseFinding(String caseId, String reason, String source) {

    /** A finding without its source name. */
    public CaseFinding(String caseId, String reason) {
        this(caseId, reason, "");
    }
}
