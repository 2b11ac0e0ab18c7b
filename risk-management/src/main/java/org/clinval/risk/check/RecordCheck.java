package org.clinval.risk.check;

import java.util.Objects;
import java.util.Optional;
import org.clinval.risk.VerificationRecord;

/**
 * One cited verification record checked against its file.
 *
 * @param purpose what the record verifies
 * @param subject the control or requirement it verifies
 * @param record the record as the risk file cites it
 * @param status the outcome
 * @param actualSha256 the SHA-256 of the file as found; empty when it could not be read
 * @param detail the outcome in words, e.g. {@code SHA-256 differs: file has …, risk file states …}
 */
public record RecordCheck(
        Purpose purpose,
        String subject,
        VerificationRecord record,
        RecordStatus status,
        Optional<String> actualSha256,
        String detail) {

    public RecordCheck {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actualSha256, "actualSha256");
        Objects.requireNonNull(detail, "detail");
    }

    /** Returns whether the record stands: its file is there, unchanged. */
    public boolean passed() {
        return status == RecordStatus.MATCHES;
    }
}
