package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.DicomFiles;
import org.clinval.imaging.dicom.write.internal.SegEncoder;
import org.clinval.imaging.dicom.write.internal.SopClasses;

/**
 * Writes binary DICOM Segmentations (PS3.3 §A.51): one segment per finding, over single-frame
 * source images with Image Plane geometry (one image, or a series forming a volume).
 *
 * <p>The object is multi-frame: a frame per segment and source image where the segment has a pixel
 * (a segment with none gets one empty frame, so every declared segment appears). Shared functional
 * groups carry Pixel Measures and Plane Orientation; per frame, Plane Position, Frame Content
 * (dimension index values: segment, then source position), Segment Identification and Derivation
 * Image with its Source Image Sequence referencing the source SOP instance. The Common Instance
 * Reference module lists every source image (Referenced Series Sequence). Pixels are 1 bit, frames
 * packed back to back, least significant bit first (PS3.5 §8.1.1).
 */
public final class SegmentationWriter {

    private SegmentationWriter() {}

    /**
     * Writes {@code masks} over {@code source} to {@code file}.
     *
     * @throws IllegalArgumentException if there is no segment, or a mask does not match the source
     *     in frames or pixels (the message names the segment)
     * @throws ImagingException if a source cannot be read or the file cannot be written
     */
    public static WrittenInstance write(
            SourceSeries source, List<SegmentMask> masks, DerivedInstance id, Path file)
            throws ImagingException {
        DicomFiles.write(SegEncoder.encode(source, masks, id), file);
        return new WrittenInstance(
                file, SopClasses.SEGMENTATION, id.sopInstanceUid("seg"), id.seriesInstanceUid());
    }
}
