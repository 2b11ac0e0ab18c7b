package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.code;
import static org.clinval.imaging.dicom.write.internal.Attrs.item;
import static org.clinval.imaging.dicom.write.internal.Attrs.put;
import static org.clinval.imaging.dicom.write.internal.Attrs.putDs;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.Code;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.SegmentMask;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.SourceFrame;
import org.clinval.imaging.dicom.write.SourceSeries;

/** The attribute list of a binary Segmentation (PS3.3 §A.51) over single-frame sources. */
public final class SegEncoder {

    static final Code SEGMENTATION = Code.dcm("113076", "Segmentation");
    static final Code SOURCE_FOR_PROCESSING =
            Code.dcm("121322", "Source image for image processing operation");

    /** One frame of the segmentation: which segment, over which source frame. */
    record Frame(int segment, int source) {}

    private SegEncoder() {}

    /** Returns the Segmentation of {@code masks} over {@code source}. */
    public static AttributeList encode(
            SourceSeries source, List<SegmentMask> masks, DerivedInstance id)
            throws ImagingException {
        check(source, masks);
        AttributeList l = new AttributeList();
        SourceReader.copyPatientStudy(source.frames().get(0).file(), l);
        put(l, "Modality", "SEG");
        put(l, "SeriesInstanceUID", id.seriesInstanceUid());
        put(l, "SeriesNumber", id.seriesNumber());
        put(l, "FrameOfReferenceUID", source.frameOfReferenceUid());
        put(l, "PositionReferenceIndicator");
        Equipment.put(l, id.model());
        put(l, "InstanceNumber", id.instanceNumber());
        Attrs.putDateTime(l, "Content", java.util.Optional.of(id.contentDateTime()));
        put(l, "ImageType", "DERIVED", "PRIMARY");
        put(l, "ContentLabel", "FINDINGS");
        put(l, "ContentDescription", "Segmentation by " + id.model().name());
        put(l, "ContentCreatorName");
        put(l, "SamplesPerPixel", 1);
        put(l, "PhotometricInterpretation", "MONOCHROME2");
        put(l, "Rows", source.rows());
        put(l, "Columns", source.columns());
        put(l, "BitsAllocated", 1);
        put(l, "BitsStored", 1);
        put(l, "HighBit", 0);
        put(l, "PixelRepresentation", 0);
        put(l, "LossyImageCompression", "00");
        put(l, "SegmentationType", "BINARY");
        putSegments(l, masks, id);
        List<Frame> frames = frames(masks);
        put(l, "NumberOfFrames", frames.size());
        putDimensions(l, id);
        putShared(l, source.frames().get(0).geometry());
        putPerFrame(l, source, frames);
        putReferences(l, source);
        l.put(pixels(source, masks, frames));
        put(l, "SOPClassUID", SopClasses.SEGMENTATION);
        put(l, "SOPInstanceUID", id.sopInstanceUid("seg"));
        return l;
    }

    private static void check(SourceSeries source, List<SegmentMask> masks) {
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("a segmentation needs at least one segment");
        }
        if (masks.size() > 65535) {
            throw new IllegalArgumentException("too many segments: " + masks.size());
        }
        int pixels = source.rows() * source.columns();
        for (SegmentMask m : masks) {
            if (m.frameCount() != source.frames().size()) {
                throw new IllegalArgumentException(
                        "segment '"
                                + m.segment().label()
                                + "' has "
                                + m.frameCount()
                                + " frames, the source "
                                + source.frames().size());
            }
            if (m.pixelsPerFrame() != pixels) {
                throw new IllegalArgumentException(
                        "segment '"
                                + m.segment().label()
                                + "' has "
                                + m.pixelsPerFrame()
                                + " pixels per frame, the source "
                                + pixels);
            }
        }
    }

    private static void putSegments(AttributeList l, List<SegmentMask> masks, DerivedInstance id) {
        SequenceAttribute seq = Attrs.sequence(l, "SegmentSequence");
        for (int s = 0; s < masks.size(); s++) {
            AttributeList item = new AttributeList();
            put(item, "SegmentNumber", s + 1);
            put(item, "SegmentLabel", masks.get(s).segment().label());
            code(item, "SegmentedPropertyCategoryCodeSequence", masks.get(s).segment().category());
            code(item, "SegmentedPropertyTypeCodeSequence", masks.get(s).segment().type());
            put(item, "SegmentAlgorithmType", "AUTOMATIC");
            put(item, "SegmentAlgorithmName", id.model().name());
            seq.addItem(item);
        }
    }

    /**
     * Returns the frames: for each segment the source frames where it has a pixel, in source order;
     * a segment with no pixel gets one empty frame over the first source frame, so every segment
     * declared has a frame.
     */
    static List<Frame> frames(List<SegmentMask> masks) {
        List<Frame> out = new ArrayList<>();
        for (int s = 0; s < masks.size(); s++) {
            boolean any = false;
            SegmentMask m = masks.get(s);
            for (int f = 0; f < m.frameCount(); f++) {
                if (hasPixel(m, f)) {
                    out.add(new Frame(s, f));
                    any = true;
                }
            }
            if (!any) {
                out.add(new Frame(s, 0));
            }
        }
        return out;
    }

    private static boolean hasPixel(SegmentMask m, int f) {
        int n = m.pixelsPerFrame();
        for (int p = 0; p < n; p++) {
            if (m.at(f, p)) {
                return true;
            }
        }
        return false;
    }

    private static void putDimensions(AttributeList l, DerivedInstance id) {
        String uid = org.clinval.imaging.dicom.write.Uids.derive(id.sopInstanceUid("seg"), "dim");
        put(item(l, "DimensionOrganizationSequence"), "DimensionOrganizationUID", uid);
        SequenceAttribute index = Attrs.sequence(l, "DimensionIndexSequence");
        index.addItem(dimension(uid, "ReferencedSegmentNumber", "SegmentIdentificationSequence"));
        index.addItem(dimension(uid, "ImagePositionPatient", "PlanePositionSequence"));
        put(l, "DimensionOrganizationType", "3D");
    }

    private static AttributeList dimension(String uid, String pointer, String group) {
        AttributeList d = new AttributeList();
        put(d, "DimensionOrganizationUID", uid);
        try {
            AttributeTagAttribute p = new AttributeTagAttribute(Attrs.tag("DimensionIndexPointer"));
            p.addValue(Attrs.tag(pointer));
            d.put(p);
            AttributeTagAttribute g =
                    new AttributeTagAttribute(Attrs.tag("FunctionalGroupPointer"));
            g.addValue(Attrs.tag(group));
            d.put(g);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode dimension " + pointer, e);
        }
        return d;
    }

    private static void putShared(AttributeList l, SliceGeometry g) {
        AttributeList shared = item(l, "SharedFunctionalGroupsSequence");
        AttributeList measures = item(shared, "PixelMeasuresSequence");
        putDs(measures, "PixelSpacing", g.rowSpacing(), g.columnSpacing());
        putDs(measures, "SliceThickness", g.sliceThickness());
        putDs(item(shared, "PlaneOrientationSequence"), "ImageOrientationPatient", g.orientation());
    }

    private static void putPerFrame(AttributeList l, SourceSeries source, List<Frame> frames) {
        SequenceAttribute perFrame = Attrs.sequence(l, "PerFrameFunctionalGroupsSequence");
        for (Frame f : frames) {
            SourceFrame src = source.frames().get(f.source());
            AttributeList item = new AttributeList();
            put(
                    item(item, "FrameContentSequence"),
                    "DimensionIndexValues",
                    Integer.toString(f.segment() + 1),
                    Integer.toString(f.source() + 1));
            putDs(
                    item(item, "PlanePositionSequence"),
                    "ImagePositionPatient",
                    src.geometry().position());
            AttributeList derivation = item(item, "DerivationImageSequence");
            code(derivation, "DerivationCodeSequence", SEGMENTATION);
            AttributeList ref = item(derivation, "SourceImageSequence");
            put(ref, "ReferencedSOPClassUID", src.sopClassUid());
            put(ref, "ReferencedSOPInstanceUID", src.sopInstanceUid());
            code(ref, "PurposeOfReferenceCodeSequence", SOURCE_FOR_PROCESSING);
            put(
                    item(item, "SegmentIdentificationSequence"),
                    "ReferencedSegmentNumber",
                    f.segment() + 1);
            perFrame.addItem(item);
        }
    }

    /** Puts the Common Instance Reference module: every source image of the source series. */
    static void putReferences(AttributeList l, SourceSeries source) {
        AttributeList series = item(l, "ReferencedSeriesSequence");
        put(series, "SeriesInstanceUID", source.seriesInstanceUid());
        SequenceAttribute instances = Attrs.sequence(series, "ReferencedInstanceSequence");
        for (SourceFrame f : source.frames()) {
            AttributeList i = new AttributeList();
            put(i, "ReferencedSOPClassUID", f.sopClassUid());
            put(i, "ReferencedSOPInstanceUID", f.sopInstanceUid());
            instances.addItem(i);
        }
    }

    private static OtherByteAttribute pixels(
            SourceSeries source, List<SegmentMask> masks, List<Frame> frames) {
        int perFrame = source.rows() * source.columns();
        long bits = (long) perFrame * frames.size();
        long bytes = (bits + 7) / 8;
        bytes += bytes % 2;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("segmentation too large: " + bits + " pixels");
        }
        byte[] data = new byte[(int) bytes];
        long bit = 0;
        for (Frame f : frames) {
            SegmentMask m = masks.get(f.segment());
            for (int p = 0; p < perFrame; p++, bit++) {
                if (m.at(f.source(), p)) {
                    data[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        OtherByteAttribute a = new OtherByteAttribute(Attrs.tag("PixelData"));
        try {
            a.setValues(data);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode pixel data", e);
        }
        return a;
    }
}
