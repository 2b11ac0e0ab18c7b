package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DetectionSrEncoder;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.SopClasses;

/**
 * Writes a case's detection candidates as one Comprehensive 3D SR document (PS3.3 §A.35.13), in the
 * style of TID 1500 without claiming it: a root container "Imaging Measurement Report" (DCM 126000)
 * whose observation context names the model as the device observer, and a container "Imaging
 * Measurements" (DCM 126010) with the operating threshold, the algorithm's name, version and
 * SHA-256, then one "Measurement Group" (DCM 125007) per candidate:
 *
 * <ul>
 *   <li>TEXT Tracking Identifier (DCM 112039) {@code candidate k};
 *   <li>CODE Finding (DCM 121071) nodule (SCT 27925004);
 *   <li>SCOORD3D Center (DCM 111010), graphic type POINT, in the source series' frame of reference;
 *   <li>NUM model output score (unitless, UCUM {@code 1}) and NUM Diameter (SCT 81827009, mm), the
 *       equivalent diameter.
 * </ul>
 *
 * Every source image is listed in the Current Requested Procedure Evidence Sequence. Coordinates
 * are stored as 32-bit floats (Graphic Data is FL), so they read back to float precision.
 */
public final class DetectionReportWriter {

    private DetectionReportWriter() {}

    /**
     * Writes the report of {@code points} found on {@code source} at {@code threshold}.
     *
     * @throws IllegalArgumentException if the threshold is not finite
     * @throws ImagingException if a source cannot be read or the file cannot be written
     */
    public static WrittenInstance write(
            SourceSeries source,
            List<DetectedPoint> points,
            double threshold,
            DerivedInstance id,
            Path file)
            throws ImagingException {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold is not finite: " + threshold);
        }
        DicomFiles.write(DetectionSrEncoder.encode(source, points, threshold, id), file);
        return new WrittenInstance(
                file,
                SopClasses.COMPREHENSIVE_3D_SR,
                id.sopInstanceUid("sr3d"),
                id.seriesInstanceUid());
    }
}
