package org.clinval.imaging.volume;

import java.util.Objects;
import org.clinval.imaging.dicom.Vector3;

/**
 * A reference lesion of a detection study.
 *
 * @param caseId the case (or LUNA16 {@code seriesuid}) it belongs to
 * @param centre its centre in DICOM patient coordinates (LPS, mm)
 * @param diameterMm its diameter in mm, positive
 */
public record ReferenceLesion(String caseId, Vector3 centre, double diameterMm) {

    public ReferenceLesion {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(centre, "centre");
        if (!(diameterMm > 0) || !Double.isFinite(diameterMm)) {
            throw new IllegalArgumentException(
                    "lesion diameter is not positive and finite: " + diameterMm);
        }
    }

    /** Returns half the diameter. */
    public double radiusMm() {
        return diameterMm / 2;
    }
}
