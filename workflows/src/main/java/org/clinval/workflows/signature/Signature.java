package org.clinval.workflows.signature;

import java.time.Instant;

/**
 * An electronic signature: who, under which printed name, meaning what, when, on what (by its
 * SHA-256), in which context, and the audit trail's head right after the signing was recorded.
 *
 * @param userId the signer's user id
 * @param printedName the signer's printed name
 * @param meaning what the signature means
 * @param time when it was made, UTC
 * @param object what was signed, e.g. {@code protocol.yaml}
 * @param objectSha256 SHA-256 of what was signed
 * @param context where it was signed, e.g. {@code task ApproveProtocol 5f0c…}
 * @param auditEntries audit entries at signing, including the signing entry
 * @param auditSha256 hash of the last of those entries
 */
public record Signature(
        String userId,
        String printedName,
        Meaning meaning,
        Instant time,
        String object,
        String objectSha256,
        String context,
        long auditEntries,
        String auditSha256) {

    /** Returns the manifestation shown with signed records (§11.50), one line. */
    public String manifestation() {
        return printedName
                + " ("
                + userId
                + "), "
                + meaning.key()
                + ", "
                + time
                + ", "
                + object
                + " sha256:"
                + objectSha256;
    }
}
