package org.clinval.workflows.service;

import java.nio.file.Path;

/**
 * What inference produced; every case in is accounted for.
 *
 * @param caseResults the case results written
 * @param quarantine the quarantined cases written, each with a reason
 * @param casesIn cases in the manifest
 * @param results cases with a result
 * @param quarantined cases without one
 */
public record InferenceResult(
        Path caseResults, Path quarantine, int casesIn, int results, int quarantined) {

    public InferenceResult {
        if (casesIn != results + quarantined) {
            throw new IllegalArgumentException(
                    "cases are not accounted for: "
                            + casesIn
                            + " in, "
                            + results
                            + " results + "
                            + quarantined
                            + " quarantined");
        }
    }
}
