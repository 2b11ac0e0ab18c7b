package org.clinval.workflows.service;

/**
 * A case the study will not score, and why. Named by its pseudonym, never by a file name.
 *
 * @param caseId the case's pseudonym
 * @param reason why, files named by pseudonymous ids ({@code C0007/F2})
 */
public record CaseFinding(String caseId, String reason) {}
