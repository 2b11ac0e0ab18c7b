package org.clinval.workflows.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the audit trail.
 *
 * @param sequence position in the trail, from 1
 * @param time when it was recorded, UTC
 * @param user who acted; {@code system} for automatic steps
 * @param action what was done, e.g. {@code LockDataset completed}
 * @param object what it was done to, e.g. {@code manifest.sha256}
 * @param reason why, or the outcome in words; may be empty
 * @param objectSha256 SHA-256 of the object, when it is a file or a record
 * @param previousSha256 {@link #sha256} of the entry before, or 64 zeros for the first
 * @param keyId id of the site key that signed the entry (part of what is hashed)
 * @param sha256 SHA-256 of the entry's own line without this field and the signature
 * @param signature the site key's signature (base64) of {@link #sha256}, see {@link
 *     AuditLine#signed}
 * @param details further named values of the entry, in order (part of what is hashed); empty for
 *     the entries of a run's trail, whose lines then carry no {@code "details"} member
 */
public record AuditEntry(
        long sequence,
        Instant time,
        String user,
        String action,
        String object,
        String reason,
        Optional<String> objectSha256,
        String previousSha256,
        String keyId,
        String sha256,
        String signature,
        Map<String, String> details) {

    public AuditEntry {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** An entry without details, as every entry of a run's trail. */
    public AuditEntry(
            long sequence,
            Instant time,
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256,
            String previousSha256,
            String keyId,
            String sha256,
            String signature) {
        this(
                sequence,
                time,
                user,
                action,
                object,
                reason,
                objectSha256,
                previousSha256,
                keyId,
                sha256,
                signature,
                Map.of());
    }
}
