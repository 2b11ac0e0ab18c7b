package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.CtEncoder;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.SopClasses;

/**
 * Writes CT Image objects (PS3.3 §A.3) from Hounsfield units and geometry: the phantom generator's
 * way out. Explicit VR Little Endian; the SOP Instance UID is derived from the series UID and the
 * instance number, and nothing depends on the clock, so the same inputs give byte-identical files.
 */
public final class CtImageWriter {

    private CtImageWriter() {}

    /**
     * Writes one slice of {@code series} to {@code file}.
     *
     * @throws IllegalArgumentException if a value does not fit the series' modality LUT (the
     *     message names the value, its row, column and instance)
     * @throws ImagingException if the file cannot be written
     */
    public static WrittenInstance write(CtSeries series, CtImage image, Path file)
            throws ImagingException {
        DicomFiles.write(CtEncoder.encode(series, image), file);
        return new WrittenInstance(
                file,
                SopClasses.CT_IMAGE,
                series.sopInstanceUid(image.instanceNumber()),
                series.seriesInstanceUid());
    }
}
