package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.SopClasses;
import org.clinval.imaging.dicom.write.internal.SrEncoder;

/**
 * Writes a case's finding as a Comprehensive SR document (PS3.3 §A.35.3) a PACS stores and a viewer
 * renders: in the style of TID 1500 without claiming it, a root container "Imaging Measurement
 * Report" (DCM 126000) whose observation context names the model as the device observer, and a
 * container "Imaging Measurements" (DCM 126010) with
 *
 * <ul>
 *   <li>CODE Finding (DCM 121071): the classification;
 *   <li>NUM model output score and NUM operating threshold (unitless, UCUM {@code 1}), TEXT
 *       threshold rule;
 *   <li>TEXT Algorithm Name (DCM 111001), Algorithm Version (DCM 111003) and the model file's
 *       SHA-256;
 *   <li>IMAGE Source of Measurement (DCM 121112) for every source image, each also listed in the
 *       Current Requested Procedure Evidence Sequence.
 * </ul>
 *
 * <p>Concepts with no standard code use the local scheme {@value Code#LOCAL_SCHEME}. The Type 2
 * sequences Referenced Performed Procedure Step and Performed Procedure Code are present, empty.
 */
public final class FindingReportWriter {

    private FindingReportWriter() {}

    /**
     * Writes the report of {@code finding} on {@code source} to {@code file}.
     *
     * @throws ImagingException if a source cannot be read or the file cannot be written
     */
    public static WrittenInstance write(
            SourceSeries source, CaseFinding finding, DerivedInstance id, Path file)
            throws ImagingException {
        DicomFiles.write(SrEncoder.encode(source, finding, id), file);
        return new WrittenInstance(
                file, SopClasses.COMPREHENSIVE_SR, id.sopInstanceUid("sr"), id.seriesInstanceUid());
    }
}
