package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.OpEncoder;
import org.clinval.imaging.dicom.write.internal.SopClasses;

/**
 * Writes Ophthalmic Photography 8 Bit Image objects (PS3.3 §A.39, modality {@code OP}, RGB): the
 * fundus phantoms' way out. Explicit VR Little Endian; nothing depends on the clock.
 */
public final class OphthalmicPhotoWriter {

    private OphthalmicPhotoWriter() {}

    /**
     * Writes {@code photo} of {@code series} to {@code file}.
     *
     * @throws ImagingException if the file cannot be written
     */
    public static WrittenInstance write(AcquisitionSeries series, OphthalmicPhoto photo, Path file)
            throws ImagingException {
        DicomFiles.write(OpEncoder.encode(series, photo), file);
        return new WrittenInstance(
                file,
                SopClasses.OPHTHALMIC_PHOTOGRAPHY_8BIT,
                OpEncoder.sopInstanceUid(series, photo),
                series.seriesInstanceUid());
    }
}
