package org.clinval.reports.model;

import java.time.Instant;

/**
 * The validation study and the run that produced the report.
 *
 * @param id study identifier, e.g. {@code CV-2025-014}
 * @param title study title
 * @param intendedUse the device's intended use as stated in the protocol
 * @param runId identifier of the analysis run
 * @param date when the run finished
 * @param softwareVersion version of the software that computed the results
 * @param protocolSha256 SHA-256 of the approved study protocol
 */
public record StudyInfo(
        String id,
        String title,
        String intendedUse,
        String runId,
        Instant date,
        String softwareVersion,
        String protocolSha256) {

    public StudyInfo {
        Fields.text("study id", id);
        Fields.text("study title", title);
        Fields.text("intended use", intendedUse);
        Fields.text("run id", runId);
        Fields.present("study date", date);
        Fields.text("software version", softwareVersion);
        protocolSha256 = Fields.sha256("protocol SHA-256", protocolSha256);
    }
}
