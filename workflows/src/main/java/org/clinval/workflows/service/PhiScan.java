package org.clinval.workflows.service;

import java.util.List;

/**
 * What a PHI scan found. Findings name the file and the attribute, never the value: the value is
 * the very data that must not reach a log or a report.
 *
 * @param files files scanned
 * @param findings identifying attributes found
 */
public record PhiScan(int files, List<Finding> findings) {

    public PhiScan {
        findings = List.copyOf(findings);
    }

    /**
     * One identifying attribute in one file.
     *
     * @param file the file, relative to the scanned folder
     * @param attribute the attribute, e.g. {@code PatientName (0010,0010)}
     */
    public record Finding(String file, String attribute) {}

    /** Returns whether nothing identifying was found. */
    public boolean clean() {
        return findings.isEmpty();
    }
}
