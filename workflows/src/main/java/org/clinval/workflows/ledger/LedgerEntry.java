package org.clinval.workflows.ledger;

import java.time.Instant;

/**
 * One access to a dataset as the ledger holds it.
 *
 * @param sequence its line in the dataset's ledger file, from 1
 * @param time when it was recorded, UTC
 * @param dataset the dataset's identity (see {@link DatasetIdentity})
 * @param access what was done, by whom, in which study and run, with which model, and why
 * @param sha256 the SHA-256 of the entry's line, to which the next entry is chained
 */
public record LedgerEntry(
        long sequence, Instant time, String dataset, Access access, String sha256) {

    /**
     * What an access was.
     *
     * @param action {@code lock}, {@code inference}, {@code export} or {@code compare} (see {@link
     *     LedgerAction})
     * @param user who authorised or did it; {@code system} when no one did
     * @param studyId the study's id from its protocol
     * @param run an opaque reference to the run: the SHA-256 of its {@code registration.sha256},
     *     which the run's own audit trail records; never a folder name
     * @param model the model's (device's) name
     * @param modelVersion its version
     * @param modelSha256 the SHA-256 of its descriptor as the protocol locks it
     * @param purpose why, e.g. {@value DatasetLedger#VALIDATION_STUDY}
     */
    public record Access(
            String action,
            String user,
            String studyId,
            String run,
            String model,
            String modelVersion,
            String modelSha256,
            String purpose) {

        public Access {
            require("action", action);
            require("user", user);
            require("study id", studyId);
            require("run", run);
            require("model", model);
            require("model version", modelVersion);
            require("model SHA-256", modelSha256);
            require("purpose", purpose);
        }

        private static void require(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("ledger " + name + " is empty: '" + value + "'");
            }
        }
    }
}
