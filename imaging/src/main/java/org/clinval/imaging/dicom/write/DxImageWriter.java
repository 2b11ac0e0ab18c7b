package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.DxEncoder;
import org.clinval.imaging.dicom.write.internal.SopClasses;

/**
 * Writes Digital X-Ray Image objects for presentation (PS3.3 §A.26): a PA chest radiograph,
 * MONOCHROME1 or MONOCHROME2, with its VOI window and the detector's imager pixel spacing. Explicit
 * VR Little Endian; nothing depends on the clock.
 */
public final class DxImageWriter {

    private DxImageWriter() {}

    /** Writes {@code image} with detector pixel spacing {@code spacingMm} to {@code file}. */
    public static WrittenInstance write(
            AcquisitionSeries series, GreyImage image, double spacingMm, Path file)
            throws ImagingException {
        DicomFiles.write(DxEncoder.encode(series, image, spacingMm), file);
        return new WrittenInstance(
                file,
                SopClasses.DX_IMAGE_FOR_PRESENTATION,
                DxEncoder.sopInstanceUid(series, image),
                series.seriesInstanceUid());
    }
}
