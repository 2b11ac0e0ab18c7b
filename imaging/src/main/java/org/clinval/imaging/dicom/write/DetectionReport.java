package org.clinval.imaging.dicom.write;

import java.util.List;
import java.util.Objects;

/**
 * What a detection report says, as {@link DetectionReportReader} reads it back.
 *
 * @param frameOfReferenceUid the frame of reference of every point
 * @param seriesInstanceUid the series the report's evidence lists
 * @param threshold the operating threshold the candidates were extracted at
 * @param points the candidates, in report order
 */
public record DetectionReport(
        String frameOfReferenceUid,
        String seriesInstanceUid,
        double threshold,
        List<DetectedPoint> points) {

    public DetectionReport {
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        points = List.copyOf(points);
    }
}
