package org.clinval.imaging.dicom.write;

/**
 * A detection as a report carries it: a point in the patient and the model's score there.
 *
 * @param x patient x (DICOM LPS, mm)
 * @param y patient y (mm)
 * @param z patient z (mm)
 * @param score the model's score, in [0, 1]
 * @param diameterMm the candidate's size as an equivalent diameter, mm, positive
 */
public record DetectedPoint(double x, double y, double z, double score, double diameterMm) {

    public DetectedPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException(
                    "detected point is not finite: " + x + ", " + y + ", " + z);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("detection score is not in [0, 1]: " + score);
        }
        if (!(diameterMm > 0) || !Double.isFinite(diameterMm)) {
            throw new IllegalArgumentException(
                    "detection diameter is not positive and finite: " + diameterMm);
        }
    }
}
