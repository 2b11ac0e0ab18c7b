package org.clinval.imaging.dicom.write.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.Segment;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SourceSeries;

/** Reads a binary Segmentation back into masks over its source series. */
public final class SegDecoder {

    private SegDecoder() {}

    /** Returns the masks of {@code file}, one per segment, aligned with {@code source}. */
    public static List<SegmentMask> decode(Path file, SourceSeries source) throws ImagingException {
        AttributeList l = DicomFiles.read(file);
        if (!Attrs.string(l, "SOPClassUID").strip().equals(SopClasses.SEGMENTATION)) {
            throw new ImagingException(file + ": is not a Segmentation");
        }
        if (!Attrs.string(l, "SegmentationType").strip().equals("BINARY")
                || Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("BitsAllocated"), 0)
                        != 1) {
            throw new ImagingException(file + ": is not a binary segmentation (1 bit per pixel)");
        }
        int rows = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("Rows"), 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("Columns"), 0);
        if (rows != source.rows() || columns != source.columns()) {
            throw new ImagingException(
                    file
                            + ": is "
                            + rows
                            + " x "
                            + columns
                            + ", its source "
                            + source.rows()
                            + " x "
                            + source.columns());
        }
        List<Segment> segments = segments(file, l);
        boolean[][][] masks = new boolean[segments.size()][source.frames().size()][rows * columns];
        SequenceAttribute perFrame = sequence(file, l, "PerFrameFunctionalGroupsSequence");
        int frames = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("NumberOfFrames"), 0);
        if (perFrame.getNumberOfItems() != frames) {
            throw new ImagingException(
                    file
                            + ": has "
                            + frames
                            + " frames but "
                            + perFrame.getNumberOfItems()
                            + " per-frame functional groups");
        }
        byte[] data = pixelData(file, l);
        int perFramePixels = rows * columns;
        if ((long) data.length * 8 < (long) perFramePixels * frames) {
            throw new ImagingException(file + ": pixel data is shorter than its frames");
        }
        for (int f = 0; f < frames; f++) {
            AttributeList item = perFrame.getItem(f).getAttributeList();
            int segment = segmentOf(file, f, item);
            if (segment < 1 || segment > segments.size()) {
                throw new ImagingException(
                        file
                                + ": frame "
                                + (f + 1)
                                + " refers to segment "
                                + segment
                                + ", not one of 1.."
                                + segments.size());
            }
            int target = sourceOf(file, f, item, source);
            long bit = (long) f * perFramePixels;
            for (int p = 0; p < perFramePixels; p++, bit++) {
                if ((data[(int) (bit >>> 3)] & (1 << (bit & 7))) != 0) {
                    masks[segment - 1][target][p] = true;
                }
            }
        }
        List<SegmentMask> out = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            out.add(new SegmentMask(segments.get(s), masks[s]));
        }
        return out;
    }

    /**
     * Returns the frame of reference of {@code file} and the series its Referenced Series Sequence
     * lists (the Common Instance Reference module).
     */
    public static org.clinval.imaging.dicom.write.SegmentationReader.References references(
            Path file) throws ImagingException {
        AttributeList l = DicomFiles.read(file);
        if (!Attrs.string(l, "SOPClassUID").strip().equals(SopClasses.SEGMENTATION)) {
            throw new ImagingException(file + ": is not a Segmentation");
        }
        List<String> series = new ArrayList<>();
        if (l.get(Attrs.tag("ReferencedSeriesSequence")) instanceof SequenceAttribute s) {
            for (int i = 0; i < s.getNumberOfItems(); i++) {
                String uid =
                        Attrs.string(s.getItem(i).getAttributeList(), "SeriesInstanceUID").strip();
                if (!uid.isEmpty()) series.add(uid);
            }
        }
        return new org.clinval.imaging.dicom.write.SegmentationReader.References(
                Attrs.string(l, "FrameOfReferenceUID").strip(), series);
    }

    private static List<Segment> segments(Path file, AttributeList l) throws ImagingException {
        SequenceAttribute seq = sequence(file, l, "SegmentSequence");
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < seq.getNumberOfItems(); i++) {
            AttributeList s = seq.getItem(i).getAttributeList();
            int number = Attribute.getSingleIntegerValueOrDefault(s, Attrs.tag("SegmentNumber"), 0);
            if (number != i + 1) {
                throw new ImagingException(
                        file
                                + ": segment "
                                + (i + 1)
                                + " has number "
                                + number
                                + "; segments must be numbered 1, 2, ... in order");
            }
            try {
                out.add(
                        new Segment(
                                Attrs.string(s, "SegmentLabel").strip(),
                                code(s, "SegmentedPropertyCategoryCodeSequence"),
                                code(s, "SegmentedPropertyTypeCodeSequence")));
            } catch (IllegalArgumentException e) {
                throw new ImagingException(file + ": segment " + number + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Code code(AttributeList l, String keyword) {
        AttributeList c =
                SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
                        l, Attrs.tag(keyword));
        if (c == null) {
            throw new IllegalArgumentException(keyword + " is missing");
        }
        return new Code(
                Attrs.string(c, "CodeValue").strip(),
                Attrs.string(c, "CodingSchemeDesignator").strip(),
                Attrs.string(c, "CodeMeaning").strip());
    }

    private static int segmentOf(Path file, int f, AttributeList item) {
        AttributeList id =
                SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
                        item, Attrs.tag("SegmentIdentificationSequence"));
        return id == null
                ? 0
                : Attribute.getSingleIntegerValueOrDefault(
                        id, Attrs.tag("ReferencedSegmentNumber"), 0);
    }

    private static int sourceOf(Path file, int f, AttributeList item, SourceSeries source)
            throws ImagingException {
        AttributeList derivation =
                SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
                        item, Attrs.tag("DerivationImageSequence"));
        AttributeList ref =
                derivation == null
                        ? null
                        : SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
                                derivation, Attrs.tag("SourceImageSequence"));
        String uid = ref == null ? "" : Attrs.string(ref, "ReferencedSOPInstanceUID").strip();
        int i = source.indexOf(uid);
        if (i < 0) {
            throw new ImagingException(
                    file
                            + ": frame "
                            + (f + 1)
                            + " is derived from an image that is not among the"
                            + " source images ("
                            + (uid.isEmpty() ? "no reference" : uid)
                            + ")");
        }
        return i;
    }

    private static SequenceAttribute sequence(Path file, AttributeList l, String keyword)
            throws ImagingException {
        if (l.get(Attrs.tag(keyword)) instanceof SequenceAttribute s) {
            return s;
        }
        throw new ImagingException(file + ": has no " + keyword);
    }

    private static byte[] pixelData(Path file, AttributeList l) throws ImagingException {
        Attribute a = l.get(Attrs.tag("PixelData"));
        try {
            byte[] b = a == null ? null : a.getByteValues();
            if (b == null) {
                throw new ImagingException(file + ": has no pixel data");
            }
            return b;
        } catch (DicomException e) {
            throw new ImagingException(file + ": cannot read pixel data: " + e.getMessage(), e);
        }
    }
}
