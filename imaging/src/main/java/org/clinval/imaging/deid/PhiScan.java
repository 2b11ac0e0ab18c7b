package org.clinval.imaging.deid;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of scanning one file for PHI.
 *
 * @param file the file scanned
 * @param declaredDeidentified whether the file says it is de-identified: Patient Identity Removed
 *     {@code YES} and a De-identification Method or its code sequence
 * @param findings everything reported, PHI or not, in the order of the file
 */
public record PhiScan(Path file, boolean declaredDeidentified, List<PhiFinding> findings) {

    public PhiScan {
        findings = List.copyOf(findings);
    }

    /** Returns whether any finding means PHI may be left in the file. */
    public boolean hasPhi() {
        return findings.stream().anyMatch(PhiFinding::isPhi);
    }

    /** Returns the findings that count as PHI. */
    public List<PhiFinding> phi() {
        return findings.stream().filter(PhiFinding::isPhi).toList();
    }
}
