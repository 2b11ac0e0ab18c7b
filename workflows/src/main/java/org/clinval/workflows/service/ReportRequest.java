package org.clinval.workflows.service;

import java.nio.file.Path;
import org.clinval.workflows.analysis.StudyResults;

/**
 * What the reports are made of.
 *
 * @param results the analysed study, with its protocol
 * @param metrics the {@code metrics.json} the numbers come from
 * @param caseResults the case results
 * @param quarantine the quarantined cases
 * @param manifest the locked input manifest
 * @param outDir where to write the reports
 */
public record ReportRequest(
        StudyResults results,
        Path metrics,
        Path caseResults,
        Path quarantine,
        Path manifest,
        Path outDir) {}
