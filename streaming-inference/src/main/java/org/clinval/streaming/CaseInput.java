package org.clinval.streaming;

/**
 * One line of the locked case manifest: a case and the image file that holds it.
 *
 * @param caseId the case
 * @param file the image file, as recorded at lock time
 * @param sha256 the file's SHA-256 at lock time
 */
public record CaseInput(String caseId, String file, String sha256) {}
