package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.ScEncoder;
import org.clinval.imaging.dicom.write.internal.SopClasses;

/**
 * Writes an explanation map (e.g. Grad-CAM) as a Secondary Capture Image (PS3.3 §A.8.1) any viewer
 * shows: the source image in its display window, with the map blended in colour ({@link
 * OverlayStyle}). 8-bit RGB, Image Type {@code DERIVED\SECONDARY}, Burned In Annotation {@code NO}
 * (no text is drawn), Patient Orientation from the source's orientation, and the source referenced
 * in the Source Image Sequence.
 */
public final class OverlayWriter {

    private OverlayWriter() {}

    /**
     * Writes the overlay of {@code heat} (row-major, the source's size, values in [0, 1]) on {@code
     * source} to {@code file}.
     *
     * @throws IllegalArgumentException if the map's size differs from the source or a value is
     *     outside [0, 1] (the message names the row and column)
     * @throws ImagingException if the source is not a readable single-frame monochrome image or the
     *     file cannot be written
     */
    public static WrittenInstance write(
            SourceFrame source, float[] heat, OverlayStyle style, DerivedInstance id, Path file)
            throws ImagingException {
        DicomFiles.write(ScEncoder.encode(source, heat, style, id), file);
        return new WrittenInstance(
                file,
                SopClasses.SECONDARY_CAPTURE,
                id.sopInstanceUid("overlay"),
                id.seriesInstanceUid());
    }

    /**
     * Writes the overlay of {@code heat} on a colour source image (a photograph: no plane geometry
     * needed) to {@code file}: the source in its own colours under the map, Patient Orientation
     * empty. {@code rgbPlanes} are the source's decoded pixels, three planes R, G, B of {@code rows
     * × columns} in [0, 255] (as {@code ImageSlice} holds a colour image); {@code sourceFile} gives
     * the patient, study and the referenced instance. Only {@code style}'s opacity and colour map
     * are used.
     *
     * @throws IllegalArgumentException if the pixels or map differ in size from the source, or a
     *     map value is outside [0, 1] (the message names the row and column)
     * @throws ImagingException if the source's header cannot be read or the file written
     */
    public static WrittenInstance writeColour(
            Path sourceFile,
            float[] rgbPlanes,
            int rows,
            int columns,
            float[] heat,
            OverlayStyle style,
            DerivedInstance id,
            Path file)
            throws ImagingException {
        DicomFiles.write(
                ScEncoder.encodeColour(sourceFile, rgbPlanes, rows, columns, heat, style, id),
                file);
        return new WrittenInstance(
                file,
                SopClasses.SECONDARY_CAPTURE,
                id.sopInstanceUid("overlay"),
                id.seriesInstanceUid());
    }
}
