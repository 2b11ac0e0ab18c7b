package org.clinval.reports.model;

/**
 * The locked test set and how its cases were accounted for: every case in yields a result or is
 * quarantined with a reason, so {@code casesIn = results + quarantined}.
 *
 * @param name dataset name
 * @param manifestSha256 SHA-256 of the dataset manifest fixed at the lock
 * @param casesIn cases in the manifest
 * @param results cases with a result
 * @param quarantined cases set aside with a reason
 */
public record DatasetInfo(
        String name, String manifestSha256, int casesIn, int results, int quarantined) {

    public DatasetInfo {
        Fields.text("dataset name", name);
        manifestSha256 = Fields.sha256("dataset manifest SHA-256", manifestSha256);
        Fields.nonNegative("cases in", casesIn);
        Fields.nonNegative("results", results);
        Fields.nonNegative("quarantined", quarantined);
        if ((long) results + quarantined != casesIn) {
            throw new IllegalArgumentException(
                    "cases are not accounted for: "
                            + casesIn
                            + " in, but "
                            + results
                            + " results + "
                            + quarantined
                            + " quarantined");
        }
    }
}
