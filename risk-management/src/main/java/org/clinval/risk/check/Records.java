package org.clinval.risk.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.risk.VerificationRecord;

/**
 * Checks cited records against their files, each resolved against the folder of the risk file: a
 * record verifies only when its file exists and hashes to the SHA-256 the risk file states.
 */
final class Records {

    private final Path base;

    /**
     * @param base the folder of the risk file, against which the records' paths are resolved
     */
    Records(Path base) {
        this.base = base;
    }

    RecordCheck check(Purpose purpose, String subject, VerificationRecord r) {
        Path file = base.resolve(r.file()).normalize();
        if (!Files.exists(file)) {
            return new RecordCheck(
                    purpose, subject, r, RecordStatus.NOT_FOUND, Optional.empty(), "not found");
        }
        String actual;
        try {
            actual = Sha256.of(file);
        } catch (IOException e) {
            return new RecordCheck(
                    purpose,
                    subject,
                    r,
                    RecordStatus.UNREADABLE,
                    Optional.empty(),
                    "cannot be read ("
                            + (Files.isDirectory(file) ? "a folder, not a file" : e.toString())
                            + ")");
        }
        if (!actual.equals(r.sha256())) {
            return new RecordCheck(
                    purpose,
                    subject,
                    r,
                    RecordStatus.DIFFERS,
                    Optional.of(actual),
                    "SHA-256 differs: file has " + actual + ", risk file states " + r.sha256());
        }
        return new RecordCheck(
                purpose,
                subject,
                r,
                RecordStatus.MATCHES,
                Optional.of(actual),
                "SHA-256 matches; signed by " + r.signedBy() + " on " + r.signedOn());
    }
}
