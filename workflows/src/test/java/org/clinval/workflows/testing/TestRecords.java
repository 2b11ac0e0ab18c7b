package org.clinval.workflows.testing;

import java.time.Clock;
import org.clinval.workflows.delegate.StudyRecords;

/** The records of the tests' studies: system clock, {@link TestKeys#SITE}, {@link TestUsers}. */
public final class TestRecords {

    private TestRecords() {}

    public static StudyRecords create() {
        return new StudyRecords(Clock.systemUTC(), TestKeys.SITE, TestUsers.file());
    }
}
