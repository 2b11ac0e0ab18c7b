package org.clinval.workflows.delegate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditTrail;

/**
 * What the steps keep records with: the clock of audit times, the unlocked site key that signs
 * every entry, signature record and the run's seal, and the user registry the signatures are
 * checked against.
 *
 * @param clock the clock of audit and signature times
 * @param siteKey the site key
 * @param users the user registry file
 */
public record StudyRecords(Clock clock, SiteKey siteKey, Path users) {

    public StudyRecords {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(siteKey, "site key");
        Objects.requireNonNull(users, "user registry");
    }

    /** Returns the audit trail of {@code runDir}, signed with the site key. */
    public AuditTrail trail(Path runDir) {
        return AuditTrail.in(runDir, siteKey, clock);
    }
}
