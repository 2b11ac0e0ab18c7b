package org.clinval.imaging.volume;

import java.util.Objects;
import org.clinval.imaging.dicom.Vector3;

/**
 * A scored detection read from a file (a LUNA16 candidates file with probabilities).
 *
 * @param caseId the case (or LUNA16 {@code seriesuid})
 * @param point the point in DICOM patient coordinates (LPS, mm)
 * @param score the probability, in [0, 1]
 */
public record ScoredPoint(String caseId, Vector3 point, double score) {

    public ScoredPoint {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(point, "point");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score is not in [0, 1]: " + score);
        }
    }
}
