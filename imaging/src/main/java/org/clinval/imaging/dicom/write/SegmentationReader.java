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

    /**
     * What a segmentation refers to.
     *
     * @param frameOfReferenceUid its Frame of Reference UID ("" if absent)
     * @param seriesInstanceUids the series its Referenced Series Sequence lists
     */
    public record References(String frameOfReferenceUid, List<String> seriesInstanceUids) {

        public References {
            java.util.Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
            seriesInstanceUids = List.copyOf(seriesInstanceUids);
        }
    }

    private SegmentationReader() {}

    /**
     * Returns what {@code file} refers to, without decoding its frames: to refuse a segmentation of
     * another series before placing it.
     *
     * @throws ImagingException naming the file if it is not a readable Segmentation
     */
    public static References references(Path file) throws ImagingException {
        return SegDecoder.references(file);
    }

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
