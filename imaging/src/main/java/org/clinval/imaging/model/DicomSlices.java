package org.clinval.imaging.model;

import java.nio.file.Path;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;
import org.clinval.imaging.dicom.PixelSpacing;

/**
 * The model input of a DICOM file: its single grey-scale frame after the modality LUT, with
 * spacing.
 */
public final class DicomSlices {

    private DicomSlices() {}

    /**
     * Reads {@code file} as a model input.
     *
     * @throws DicomReadException if the file is not a readable DICOM image, or not one the models
     *     take: several frames, colour, or no pixel spacing (the message names the file and why)
     */
    public static ImageSlice read(Path file) throws DicomReadException {
        DicomImage image = DicomReader.read(file);
        if (image.frames() != 1 || image.samplesPerPixel() != 1) {
            throw new DicomReadException(
                    file,
                    image.metadata().transferSyntax(),
                    image.frames()
                            + " frames of "
                            + image.samplesPerPixel()
                            + " samples; the models take one grey-scale frame");
        }
        PixelSpacing spacing =
                image.geometry()
                        .spacing()
                        .orElseThrow(
                                () ->
                                        new DicomReadException(
                                                file,
                                                image.metadata().transferSyntax(),
                                                "no pixel spacing, so sizes in mm are unknown"));
        return new ImageSlice(
                image.frame(0), image.rows(), image.columns(), spacing.row(), spacing.column());
    }
}
