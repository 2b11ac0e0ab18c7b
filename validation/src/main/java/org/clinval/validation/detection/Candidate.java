package org.clinval.validation.detection;

import org.clinval.validation.Checks;

/**
 * One detection mark of the system under test: the scan it was made on, its position in millimetres
 * and its score (higher means more suspicious).
 *
 * <p>Two-dimensional data leave {@code z} at 0, in the candidates and the lesions alike.
 *
 * @param scan the scan (case) identifier
 * @param x position along x, mm
 * @param y position along y, mm
 * @param z position along z, mm
 * @param score the detection score
 */
public record Candidate(String scan, double x, double y, double z, double score) {

    public Candidate {
        Lesion.checkScan(scan);
        Checks.finite("candidate x", x);
        Checks.finite("candidate y", y);
        Checks.finite("candidate z", z);
        Checks.finite("candidate score", score);
    }
}
