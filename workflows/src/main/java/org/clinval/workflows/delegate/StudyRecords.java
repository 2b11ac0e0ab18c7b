package org.clinval.workflows.delegate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.ledger.DatasetLedger;

/**
 * What the steps keep records with: the clock of audit times, the unlocked site key that signs
 * every entry, signature record and the run's seal, the user registry the signatures are checked
 * against, and the folder of the site's dataset ledger (outside every run folder).
 *
 * @param clock the clock of audit and signature times
 * @param siteKey the site key
 * @param users the user registry file
 * @param ledger the dataset ledger's folder (see {@link DatasetLedger})
 */
public record StudyRecords(Clock clock, SiteKey siteKey, Path users, Path ledger) {

    public StudyRecords {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(siteKey, "site key");
        Objects.requireNonNull(users, "user registry");
        Objects.requireNonNull(ledger, "dataset ledger");
    }

    /** Records kept with the dataset ledger in its default folder. */
    public StudyRecords(Clock clock, SiteKey siteKey, Path users) {
        this(clock, siteKey, users, DatasetLedger.defaultLocation());
    }

    /** Returns the audit trail of {@code runDir}, signed with the site key. */
    public AuditTrail trail(Path runDir) {
        return AuditTrail.in(runDir, siteKey, clock);
    }

    /** Returns the site's dataset ledger, signed with the site key. */
    public DatasetLedger datasetLedger() {
        return DatasetLedger.in(ledger, siteKey, clock);
    }
}
