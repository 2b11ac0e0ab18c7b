package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.SegDecoder;

/**
 * Reads a binary Segmentation back into one {@link SegmentMask} per segment, aligned with its
 * source images through each frame's Source Image Sequence; frames absent from the object are
 * empty. What {@link SegmentationWriter} writes reads back to the same masks.
 */
public final class SegmentationReader {

    private SegmentationReader() {}

    /**
     * Returns the masks of {@code file} over {@code source}, in segment number order.
     *
     * @throws ImagingException naming the file if it is not a binary segmentation of {@code source}
     *     (another size, a frame derived from another image, a bad segment number)
     */
    public static List<SegmentMask> read(Path file, SourceSeries source) throws ImagingException {
        return SegDecoder.decode(file, source);
    }
}
