package org.clinval.reports.model;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param sequence position in the trail, from 1
 * @param time when the action happened
 * @param userId who acted (a user or a system account)
 * @param action what was done, e.g. {@code dataset.lock}
 * @param object what it was done to
 * @param reason why, as recorded
 */
public record AuditRow(
        long sequence, Instant time, String userId, String action, String object, String reason) {

    public AuditRow {
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence is not positive: " + sequence);
        }
        Fields.present("audit entry " + sequence + " time", time);
        Fields.text("audit entry " + sequence + " user id", userId);
        Fields.text("audit entry " + sequence + " action", action);
        Fields.text("audit entry " + sequence + " object", object);
        Fields.text("audit entry " + sequence + " reason", reason);
    }
}
