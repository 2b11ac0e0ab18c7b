package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.MrEncoder;
import org.clinval.imaging.dicom.write.internal.SopClasses;

/**
 * Writes MR Image objects (PS3.3 §A.4): a 2D spin-echo T1-weighted slice with its geometry and a
 * VOI window, for the MR phantoms. Explicit VR Little Endian; nothing depends on the clock.
 */
public final class MrImageWriter {

    private MrImageWriter() {}

    /**
     * Writes {@code image} (MONOCHROME2) at {@code geometry} with repetition and echo time {@code
     * trMs}, {@code teMs} at {@code fieldStrengthTesla}.
     */
    public static WrittenInstance write(
            AcquisitionSeries series,
            GreyImage image,
            SliceGeometry geometry,
            String frameOfReferenceUid,
            double trMs,
            double teMs,
            double fieldStrengthTesla,
            Path file)
            throws ImagingException {
        if (image.monochrome1()) {
            throw new IllegalArgumentException("an MR image is MONOCHROME2, not MONOCHROME1");
        }
        DicomFiles.write(
                MrEncoder.encode(
                        series,
                        image,
                        geometry,
                        frameOfReferenceUid,
                        trMs,
                        teMs,
                        fieldStrengthTesla),
                file);
        return new WrittenInstance(
                file,
                SopClasses.MR_IMAGE,
                MrEncoder.sopInstanceUid(series, image),
                series.seriesInstanceUid());
    }
}
