package org.clinval.imaging.dicom.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.internal.SourceReader;

/**
 * The source images of a derived object: single-frame images of one series, with one frame of
 * reference and one orientation, sorted along the slice normal. One image is a 2D source; several
 * are a volume.
 *
 * @param studyInstanceUid the study they belong to
 * @param seriesInstanceUid the series they belong to
 * @param frameOfReferenceUid their frame of reference
 * @param frames the images, in order along the normal (increasing {@link
 *     SliceGeometry#distanceAlongNormal()})
 */
public record SourceSeries(
        String studyInstanceUid,
        String seriesInstanceUid,
        String frameOfReferenceUid,
        List<SourceFrame> frames) {

    public SourceSeries {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a source series needs at least one image");
        }
    }

    /**
     * Reads the headers of {@code files}, one single-frame image each.
     *
     * @throws ImagingException naming the file that cannot be read, is multi-frame, lacks Image
     *     Plane geometry, or differs from the first in study, series, frame of reference, size or
     *     orientation
     */
    public static SourceSeries read(List<Path> files) throws ImagingException {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no source image files given");
        }
        List<SourceReader.Header> headers = new ArrayList<>();
        for (Path f : files) {
            headers.add(SourceReader.header(f));
        }
        SourceReader.Header first = headers.get(0);
        for (SourceReader.Header h : headers) {
            SourceReader.checkSameSeries(first, h);
        }
        List<SourceFrame> frames =
                headers.stream()
                        .map(SourceReader.Header::frame)
                        .sorted(Comparator.comparingDouble(f -> f.geometry().distanceAlongNormal()))
                        .toList();
        return new SourceSeries(
                first.studyInstanceUid(),
                first.seriesInstanceUid(),
                first.frameOfReferenceUid(),
                frames);
    }

    /** Returns the index of the frame with {@code sopInstanceUid}, or -1. */
    public int indexOf(String sopInstanceUid) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).sopInstanceUid().equals(sopInstanceUid)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the number of rows of every frame. */
    public int rows() {
        return frames.get(0).rows();
    }

    /** Returns the number of columns of every frame. */
    public int columns() {
        return frames.get(0).columns();
    }
}
