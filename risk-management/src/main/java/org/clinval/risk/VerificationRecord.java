package org.clinval.risk;

import java.time.LocalDate;
import java.util.Objects;
import org.clinval.common.Sha256;

/**
 * A signed verification record that is not an acceptance scenario: an inspection, analysis, test or
 * usability report, cited by its file and the SHA-256 of that file as it was signed.
 *
 * <p>The risk check hashes the file again: a record that is missing, or whose bytes changed after
 * it was cited, verifies nothing. The signer and the date are as the risk file states them; the
 * hash binds them to the record's content.
 *
 * @param file the record's file, relative to the risk file, as written there
 * @param sha256 the SHA-256 of the file as cited, 64 lower-case hexadecimal digits
 * @param kind what kind of record it is
 * @param title the record's title, e.g. {@code Summative usability evaluation report UE-2026-03}
 * @param signedBy who signed the record, as the risk file states it
 * @param signedOn when the record was signed, as the risk file states it
 */
public record VerificationRecord(
        String file,
        String sha256,
        RecordKind kind,
        String title,
        String signedBy,
        LocalDate signedOn) {

    /** How many hexadecimal digits of the hash the reports show. */
    public static final int PREFIX = 12;

    public VerificationRecord {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(signedOn, "signedOn");
        if (file.isBlank()) {
            throw new IllegalArgumentException("a verification record needs its file");
        }
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException(
                    "not a SHA-256 (64 lower-case hexadecimal digits): '" + sha256 + "'");
        }
    }

    /** Returns the first {@link #PREFIX} digits of the hash with an ellipsis, for the reports. */
    public String shortSha256() {
        return sha256.substring(0, PREFIX) + "\u2026";
    }

    /**
     * Returns the record in words, e.g. {@code usability record "Summative usability evaluation"
     * (usability-summative.md, SHA-256 3f2a9c1d4e5f…)}.
     */
    public String describe() {
        return kind.key()
                + " record \""
                + title
                + "\" ("
                + file
                + ", SHA-256 "
                + shortSha256()
                + ")";
    }
}
