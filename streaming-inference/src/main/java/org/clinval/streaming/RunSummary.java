package org.clinval.streaming;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one inference run consumed and produced; {@code casesIn = results + quarantined} always
 * holds for a summary that is returned (a run that loses an input fails instead).
 *
 * @param casesIn manifest lines plus ground-truth rows, less the pairs that met
 * @param results case results written
 * @param quarantined inputs quarantined, each with a reason
 * @param caseResults the {@code case-results.csv} written
 * @param quarantine the {@code quarantine.csv} written
 * @param siteCounts the {@code running-site-counts.csv} written
 * @param wallTime the job's wall time
 */
public record RunSummary(
        long casesIn,
        long results,
        long quarantined,
        Path caseResults,
        Path quarantine,
        Path siteCounts,
        Duration wallTime) {}
