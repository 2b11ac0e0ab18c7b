package org.clinval.workflows.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.clinval.workflows.delegate.StudyRecords;

/**
 * The records of the tests' studies: system clock, {@link TestKeys#SITE}, {@link TestUsers}, and a
 * dataset ledger in a temporary folder (never the user's).
 */
public final class TestRecords {

    private static Path ledger;

    private TestRecords() {}

    public static StudyRecords create() {
        return new StudyRecords(Clock.systemUTC(), TestKeys.SITE, TestUsers.file(), ledger());
    }

    /** Returns the tests' shared dataset ledger folder, created once per test run. */
    public static synchronized Path ledger() {
        if (ledger == null) {
            try {
                ledger = Files.createTempDirectory("clinval-ledger");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ledger;
    }
}
