package org.clinval.workflows;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.ledger.DatasetLedger;
import org.clinval.workflows.service.StudyServices;

/**
 * How a {@link StudyEngine} runs: its services, its user registry, the unlocked site key that signs
 * its records, its database and whether its job executor runs the asynchronous steps. Built with
 * {@link #builder()}: {@code set} required, {@code opt} optional.
 */
public final class StudySettings {

    /** A database other than the run folder's H2 file. */
    public record Database(String url, String user, String password) {
        @Override
        public String toString() {
            return url + " as " + user; // never the password
        }
    }

    private final StudyServices services;
    private final Path users;
    private final SiteKey siteKey;
    private final Optional<Database> database;
    private final boolean jobExecutor;
    private final Clock clock;
    private final Optional<Path> ledger;

    private StudySettings(Builder b) {
        this.services = b.services;
        this.users = b.users;
        this.siteKey = b.siteKey;
        this.database = Optional.ofNullable(b.database);
        this.jobExecutor = b.jobExecutor;
        this.clock = b.clock;
        this.ledger = Optional.ofNullable(b.ledger);
    }

    public static Builder builder() {
        return new Builder();
    }

    public StudyServices services() {
        return services;
    }

    /** The user registry file. */
    public Path users() {
        return users;
    }

    /** The site key that signs audit entries, signatures and the seal. */
    public SiteKey siteKey() {
        return siteKey;
    }

    /** The database, when not the run folder's H2 file. */
    public Optional<Database> database() {
        return database;
    }

    /** Whether the job executor runs asynchronous steps by itself. */
    public boolean jobExecutor() {
        return jobExecutor;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The folder of the site's dataset ledger: the one set, else {@link
     * DatasetLedger#defaultLocation()}.
     */
    public Path ledger() {
        return ledger.orElseGet(DatasetLedger::defaultLocation);
    }

    /** Builder of {@link StudySettings}. */
    public static final class Builder {
        private StudyServices services;
        private Path users;
        private SiteKey siteKey;
        private Database database;
        private boolean jobExecutor = true;
        private Clock clock = Clock.systemUTC();
        private Path ledger;

        private Builder() {}

        /** Sets the services of the steps. */
        public Builder setServices(StudyServices services) {
            this.services = services;
            return this;
        }

        /** Sets the user registry file (see {@code UserRegistry}). */
        public Builder setUsers(Path users) {
            this.users = users;
            return this;
        }

        /** Sets the unlocked site key (see {@code SiteKeyStore#open}). */
        public Builder setSiteKey(SiteKey siteKey) {
            this.siteKey = siteKey;
            return this;
        }

        /** Uses a JDBC database (e.g. PostgreSQL) instead of the run folder's H2 file. */
        public Builder optDatabase(String url, String user, String password) {
            this.database = new Database(url, user, password);
            return this;
        }

        /**
         * Whether the job executor runs the asynchronous steps (default true); without it, {@link
         * StudyEngine#executeJobs()} runs them in the caller's thread.
         */
        public Builder optJobExecutor(boolean on) {
            this.jobExecutor = on;
            return this;
        }

        /** Sets the clock of audit and signature times (default: system UTC). */
        public Builder optClock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Keeps the dataset ledger (every lock of and inference over a test set) in {@code dir}
         * instead of {@link DatasetLedger#defaultLocation()}; null for the default.
         */
        public Builder optLedger(Path dir) {
            this.ledger = dir;
            return this;
        }

        /** Returns the settings, checking the required ones were set. */
        public StudySettings build() {
            if (services == null || users == null || siteKey == null) {
                throw new IllegalStateException(
                        "study settings are missing: "
                                + (services == null ? "services " : "")
                                + (users == null ? "users " : "")
                                + (siteKey == null ? "site key" : "").strip());
            }
            return new StudySettings(this);
        }
    }
}
