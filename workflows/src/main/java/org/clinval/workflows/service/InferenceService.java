package org.clinval.workflows.service;

import java.io.IOException;

/** Runs the device's model over every case and joins the reference standard. */
public interface InferenceService {

    /**
     * Writes {@code request.caseResults()} (columns of {@code
     * org.clinval.workflows.analysis.CaseResultsCsv}) and {@code request.quarantine()} ({@code
     * case_id,reason}) and returns the counts. Every case in is either a result or quarantined.
     */
    InferenceResult run(InferenceRequest request) throws IOException;
}
