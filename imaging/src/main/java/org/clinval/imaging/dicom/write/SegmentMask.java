package org.clinval.imaging.dicom.write;

import java.util.Arrays;
import java.util.Objects;

/**
 * A binary mask of one segment over the frames of a {@link SourceSeries}: {@code frames[i][r *
 * columns + c]} is whether pixel (r, c) of source frame i belongs to the segment.
 *
 * @param segment what the segment is
 * @param frames one mask per source frame, in the source's order
 */
public record SegmentMask(Segment segment, boolean[][] frames) {

    public SegmentMask {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(frames, "frames");
        if (frames.length == 0) {
            throw new IllegalArgumentException("a mask needs at least one frame");
        }
        int n = frames[0] == null ? -1 : frames[0].length;
        boolean[][] copy = new boolean[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            if (frames[i] == null || frames[i].length != n) {
                throw new IllegalArgumentException(
                        "frame "
                                + i
                                + " of segment '"
                                + segment.label()
                                + "' is missing or has"
                                + " a different size from frame 0");
            }
            copy[i] = frames[i].clone();
        }
        frames = copy;
    }

    @Override
    public boolean[][] frames() {
        boolean[][] copy = new boolean[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            copy[i] = frames[i].clone();
        }
        return copy;
    }

    /** Returns whether pixel {@code p} of frame {@code f} is set. */
    public boolean at(int f, int p) {
        return frames[f][p];
    }

    /** Returns the number of pixels of each frame. */
    public int pixelsPerFrame() {
        return frames[0].length;
    }

    /** Returns the number of frames. */
    public int frameCount() {
        return frames.length;
    }

    /** Returns the number of pixels set over all frames. */
    public long count() {
        long n = 0;
        for (boolean[] f : frames) {
            for (boolean b : f) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentMask m
                && segment.equals(m.segment)
                && Arrays.deepEquals(frames, m.frames);
    }

    @Override
    public int hashCode() {
        return 31 * segment.hashCode() + Arrays.deepHashCode(frames);
    }

    @Override
    public String toString() {
        return "SegmentMask[" + segment + ", " + frames.length + " frames, " + count() + " set]";
    }
}
