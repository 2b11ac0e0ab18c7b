package org.clinval.reports.model;

import java.time.Instant;

/**
 * An electronic signature (21 CFR 11.50): who signed, in what meaning, when, and the hash of what
 * was signed.
 *
 * @param userId the signer's user identifier
 * @param printedName the signer's printed name
 * @param meaning the meaning of the signature, e.g. {@code Review} or {@code Approval}
 * @param time when it was signed
 * @param signedSha256 SHA-256 of the signed content
 */
public record SignatureRow(
        String userId, String printedName, String meaning, Instant time, String signedSha256) {

    public SignatureRow {
        Fields.text("signer user id", userId);
        Fields.text(userId + " printed name", printedName);
        Fields.text(userId + " signature meaning", meaning);
        Fields.present(userId + " signature time", time);
        signedSha256 = Fields.sha256(userId + " signed SHA-256", signedSha256);
    }
}
