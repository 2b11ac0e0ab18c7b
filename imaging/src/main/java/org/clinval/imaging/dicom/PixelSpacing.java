package org.clinval.imaging.dicom;

import java.util.Objects;

/**
 * The physical distance between pixel centres, in millimetres.
 *
 * @param row distance between adjacent rows (first value of the DICOM attribute)
 * @param column distance between adjacent columns (second value)
 * @param source the attribute it came from: {@code PixelSpacing} (in the patient) or {@code
 *     ImagerPixelSpacing} (at the detector, for projection radiography without a calibrated Pixel
 *     Spacing); the two are not interchangeable, so the caller decides
 */
public record PixelSpacing(double row, double column, String source) {

    public PixelSpacing {
        if (!(row > 0) || !Double.isFinite(row)) {
            throw new IllegalArgumentException("row spacing is not positive and finite: " + row);
        }
        if (!(column > 0) || !Double.isFinite(column)) {
            throw new IllegalArgumentException(
                    "column spacing is not positive and finite: " + column);
        }
        Objects.requireNonNull(source, "source");
    }

    /** Whether both spacings agree with {@code o}'s within {@code tolerance} mm. */
    public boolean agreesWith(PixelSpacing o, double tolerance) {
        return Math.abs(row - o.row) <= tolerance && Math.abs(column - o.column) <= tolerance;
    }
}
