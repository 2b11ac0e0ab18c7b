package org.clinval.workflows.signature;

import java.time.Instant;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.audit.SignedPayload;

/**
 * An electronic signature: who, under which printed name, meaning what, when, on what (by its
 * SHA-256), in which context, and the audit entry that recorded the signing (its sequence number
 * and hash). The record itself is signed with the site key over all these fields, so it cannot be
 * reassigned to another user or moved to another object without the key.
 *
 * @param userId the signer's user id
 * @param printedName the signer's printed name
 * @param meaning what the signature means
 * @param time when it was made, UTC
 * @param object what was signed, e.g. {@code protocol.yaml}
 * @param objectSha256 SHA-256 of what was signed
 * @param context where it was signed, e.g. {@code task ApproveProtocol 5f0c…}
 * @param auditEntries the sequence number of the audit entry that recorded the signing
 * @param auditSha256 the hash of that entry
 * @param keyId the id of the site key that signed the record
 * @param siteSignature the site key's signature (base64) of {@link #payload}
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
        String auditSha256,
        String keyId,
        String siteSignature) {

    /** The kind of record the site key signs (see {@link SignedPayload}). */
    public static final String KIND = "clinval-esignature/1";

    /** Returns the text the site key signs: every field but the signature. */
    public String payload() {
        return SignedPayload.of(
                KIND,
                userId,
                printedName,
                meaning.key(),
                time.toString(),
                object,
                objectSha256,
                context,
                auditEntries,
                auditSha256,
                keyId);
    }

    /** Returns whether the record carries {@code key}'s signature of its fields. */
    public boolean verifies(PublicSiteKey key) {
        return keyId.equals(key.keyId()) && key.verify(payload(), siteSignature);
    }

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
