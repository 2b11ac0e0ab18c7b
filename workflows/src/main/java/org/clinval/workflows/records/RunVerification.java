package org.clinval.workflows.records;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of verifying a run folder with the site's public key.
 *
 * @param ok whether everything checked is as the site recorded it
 * @param entries audit entries in the trail
 * @param keyId the id of the public key the run was checked with
 * @param sealed whether the run carries a seal
 * @param signatures electronic-signature records checked
 * @param files files checked against a recorded SHA-256 (trail and reports manifest)
 * @param inputs locked inputs checked
 * @param notes what could not be checked here and why (e.g. inputs not available here)
 * @param firstBad the first thing that differs
 */
public record RunVerification(
        boolean ok,
        long entries,
        String keyId,
        boolean sealed,
        int signatures,
        int files,
        int inputs,
        List<String> notes,
        Optional<Finding> firstBad) {

    public RunVerification {
        notes = List.copyOf(notes);
    }

    /** What kind of record differs. */
    public enum Kind {
        /** an audit entry, the head record or a checkpoint */
        ENTRY,
        /** an electronic-signature record */
        SIGNATURE,
        /** a file the trail, the reports manifest or the lock recorded with a hash */
        FILE,
        /** the seal or a file against the sealed manifest */
        SEAL,
        /** the run was signed with another key */
        KEY;

        /** Returns the lower-case name, as printed. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The first difference found.
     *
     * @param kind what kind of record differs
     * @param what which one: {@code entry 7}, {@code signatures.jsonl line 2}, a file name
     * @param problem what was found, in words
     */
    public record Finding(Kind kind, String what, String problem) {}
}
