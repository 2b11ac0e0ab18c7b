package org.clinval.streaming;

/**
 * One line of the job's case manifest: a case, the image that holds it, or the reason the checks
 * before the study already gave for quarantining it.
 *
 * @param caseId the case's pseudonym
 * @param fileId the image's pseudonymous id ({@code C0007/F1}), the only name of it outputs show
 * @param file the image file's path, for reading only (its name may be PHI), or empty
 * @param sha256 the file's SHA-256 at lock time, or empty
 * @param stage where the case was already stopped (e.g. {@code check}), or empty
 * @param reason why, or empty
 */
public record CaseInput(
        String caseId, String fileId, String file, String sha256, String stage, String reason) {

    /** A case to score. */
    public static CaseInput image(String caseId, String fileId, String file, String sha256) {
        return new CaseInput(caseId, fileId, file, sha256, "", "");
    }

    /** A case the checks already quarantined. */
    public static CaseInput quarantined(String caseId, String fileId, String stage, String reason) {
        return new CaseInput(caseId, fileId, "", "", stage, reason);
    }

    /** Returns whether the case was quarantined before the job. */
    public boolean rejected() {
        return !stage.isEmpty();
    }
}
