package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.imaging.dicom.AgeBand;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.imaging.dicom.ImageGeometry;
import org.clinval.imaging.dicom.ModalityLut;
import org.clinval.imaging.dicom.Orientation;
import org.clinval.imaging.dicom.PixelSpacing;
import org.clinval.imaging.dicom.TransferSyntax;
import org.clinval.imaging.dicom.Vector3;
import org.clinval.imaging.dicom.VoiLut;
import org.clinval.imaging.dicom.VoiWindow;

/** Builds our records from a PixelMed attribute list: metadata, geometry, LUTs, pixel format. */
final class HeaderModel {

    private HeaderModel() {}

    static DicomMetadata metadata(Headers h, TransferSyntax ts) {
        String sopClass = h.string(TagFromName.SOPClassUID).orElse("");
        Optional<String> sopName =
                sopClass.isEmpty()
                        ? Optional.empty()
                        : Optional.ofNullable(SOPClassDescriptions.getDescriptionFromUID(sopClass))
                                .filter(s -> !s.isBlank());
        return new DicomMetadata(
                h.string(TagFromName.Modality),
                sopClass,
                sopName,
                ts,
                h.string(TagFromName.Manufacturer),
                h.string(TagFromName.ManufacturerModelName),
                h.string(TagFromName.StationName),
                h.decimal(Tags.KVP),
                sliceThickness(h, 0),
                h.joined(TagFromName.ConvolutionKernel),
                h.string(TagFromName.BodyPartExamined),
                h.string(TagFromName.PatientSex),
                ageBand(h),
                h.string(TagFromName.StudyInstanceUID),
                h.string(TagFromName.SeriesInstanceUID),
                h.string(TagFromName.SOPInstanceUID).orElse(""),
                h.integer(TagFromName.Rows).isPresent()
                        && h.integer(TagFromName.Columns).isPresent(),
                h.string(TagFromName.BurnedInAnnotation));
    }

    /** Patient's Age if it parses, else birth date against study (or series) date. */
    static Optional<AgeBand> ageBand(Headers h) {
        Optional<AgeBand> fromAge =
                h.string(TagFromName.PatientAge).flatMap(AgeBand::fromAgeString);
        if (fromAge.isPresent()) {
            return fromAge;
        }
        Optional<LocalDate> birth =
                h.string(TagFromName.PatientBirthDate).flatMap(HeaderModel::date);
        Optional<LocalDate> on =
                h.string(TagFromName.StudyDate)
                        .or(() -> h.string(TagFromName.SeriesDate))
                        .flatMap(HeaderModel::date);
        if (birth.isEmpty() || on.isEmpty()) {
            return Optional.empty();
        }
        return AgeBand.between(birth.get(), on.get());
    }

    private static Optional<LocalDate> date(String da) {
        try {
            return Optional.of(LocalDate.parse(da.trim(), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static OptionalDouble sliceThickness(Headers h, int frame) {
        AttributeList l =
                h.holder(frame, TagFromName.PixelMeasuresSequence, TagFromName.SliceThickness);
        return l == null
                ? OptionalDouble.empty()
                : positive(Headers.decimal(l, TagFromName.SliceThickness));
    }

    private static OptionalDouble positive(OptionalDouble v) {
        return v.isPresent() && v.getAsDouble() > 0 ? v : OptionalDouble.empty();
    }

    static ImageGeometry geometry(Headers h, int frames) {
        return new ImageGeometry(
                spacing(h),
                sliceThickness(h, 0),
                position(h, 0),
                orientation(h),
                framePositions(h, frames));
    }

    private static Optional<PixelSpacing> spacing(Headers h) {
        for (AttributeTag tag :
                new AttributeTag[] {TagFromName.PixelSpacing, TagFromName.ImagerPixelSpacing}) {
            AttributeList l = h.holder(0, TagFromName.PixelMeasuresSequence, tag);
            double[] v = Headers.decimals(l, tag);
            if (v.length == 2
                    && v[0] > 0
                    && v[1] > 0
                    && Double.isFinite(v[0])
                    && Double.isFinite(v[1])) {
                String source =
                        tag.equals(TagFromName.PixelSpacing)
                                ? "PixelSpacing"
                                : "ImagerPixelSpacing";
                return Optional.of(new PixelSpacing(v[0], v[1], source));
            }
        }
        return Optional.empty();
    }

    private static Optional<Vector3> position(Headers h, int frame) {
        AttributeList l =
                h.holder(
                        frame, TagFromName.PlanePositionSequence, TagFromName.ImagePositionPatient);
        return vector(Headers.decimals(l, TagFromName.ImagePositionPatient), 0);
    }

    private static Optional<Orientation> orientation(Headers h) {
        AttributeList l =
                h.holder(
                        0,
                        TagFromName.PlaneOrientationSequence,
                        TagFromName.ImageOrientationPatient);
        double[] v = Headers.decimals(l, TagFromName.ImageOrientationPatient);
        if (v.length != 6) {
            return Optional.empty();
        }
        Optional<Vector3> row = vector(v, 0);
        Optional<Vector3> column = vector(v, 3);
        if (row.isEmpty() || column.isEmpty()) {
            return Optional.empty();
        }
        Orientation o = new Orientation(row.get(), column.get());
        if (o.row().cross(o.column()).norm() < 1e-6) {
            return Optional.empty(); // degenerate: no usable normal
        }
        return Optional.of(o);
    }

    private static List<Vector3> framePositions(Headers h, int frames) {
        if (!h.hasPerFrameGroups() || frames < 2) {
            return List.of();
        }
        List<Vector3> out = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            Optional<Vector3> p = position(h, f);
            if (p.isEmpty()) {
                return List.of();
            }
            out.add(p.get());
        }
        return out;
    }

    private static Optional<Vector3> vector(double[] v, int from) {
        if (v.length < from + 3) {
            return Optional.empty();
        }
        for (int i = from; i < from + 3; i++) {
            if (!Double.isFinite(v[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(new Vector3(v[from], v[from + 1], v[from + 2]));
    }

    /**
     * The modality LUT of one frame: a Modality LUT Sequence table, else rescale, else identity.
     */
    static ModalityLut modalityLut(Headers h, int frame) throws IllegalStateException {
        if (h.list().get(Tags.MODALITY_LUT_SEQUENCE) instanceof SequenceAttribute s
                && s.getNumberOfItems() > 0) {
            return table(s.getItem(0).getAttributeList());
        }
        AttributeList l =
                h.holder(
                        frame,
                        TagFromName.PixelValueTransformationSequence,
                        TagFromName.RescaleSlope);
        AttributeList li =
                h.holder(
                        frame,
                        TagFromName.PixelValueTransformationSequence,
                        TagFromName.RescaleIntercept);
        OptionalDouble slope =
                l == null ? OptionalDouble.empty() : Headers.decimal(l, TagFromName.RescaleSlope);
        OptionalDouble intercept =
                li == null
                        ? OptionalDouble.empty()
                        : Headers.decimal(li, TagFromName.RescaleIntercept);
        if (slope.isEmpty() && intercept.isEmpty()) {
            return ModalityLut.identity();
        }
        AttributeList lt =
                h.holder(
                        frame,
                        TagFromName.PixelValueTransformationSequence,
                        TagFromName.RescaleType);
        Optional<String> units =
                lt == null ? Optional.empty() : Headers.string(lt, TagFromName.RescaleType);
        return ModalityLut.rescale(slope.orElse(1), intercept.orElse(0), units);
    }

    private static ModalityLut table(AttributeList item) {
        int[] descriptor = new int[3];
        double[] d = Headers.decimals(item, TagFromName.LUTDescriptor);
        if (d.length != 3) {
            throw new IllegalStateException("Modality LUT Descriptor does not have 3 values");
        }
        for (int i = 0; i < 3; i++) {
            descriptor[i] = (int) d[i];
        }
        int entries = descriptor[0] == 0 ? 65536 : descriptor[0];
        int first = descriptor[1];
        if (first > 32767) {
            first -= 65536; // US or SS in the descriptor: PS3.3 C.11.1.1.1
        }
        int bits = descriptor[2];
        int[] data;
        try {
            var a = item.get(TagFromName.LUTData);
            if (a == null) {
                throw new IllegalStateException("Modality LUT Sequence has no LUT Data");
            }
            short[] s = a.getShortValues();
            data = new int[entries];
            if (s == null || s.length < entries) {
                throw new IllegalStateException(
                        "Modality LUT Data has fewer than " + entries + " entries");
            }
            int mask = bits >= 16 ? 0xffff : (1 << bits) - 1;
            for (int i = 0; i < entries; i++) {
                data[i] = s[i] & mask;
            }
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new IllegalStateException(
                    "Modality LUT Data cannot be read: " + e.getMessage(), e);
        }
        return ModalityLut.table(first, data, Headers.string(item, Tags.MODALITY_LUT_TYPE));
    }

    /**
     * The first item of the VOI LUT Sequence (0028,3010) at the top level, if any (PS3.3
     * C.11.2.1.1); a malformed one is ignored (the windows remain).
     */
    static Optional<VoiLut> voiLut(Headers h) {
        if (!(h.list().get(TagFromName.VOILUTSequence) instanceof SequenceAttribute s)
                || s.getNumberOfItems() == 0) {
            return Optional.empty();
        }
        try {
            AttributeList item = s.getItem(0).getAttributeList();
            ModalityLut t = table(item);
            double[] d = Headers.decimals(item, TagFromName.LUTDescriptor);
            int bits = (int) d[2];
            return Optional.of(
                    new VoiLut(
                            t.firstMapped(),
                            bits,
                            t.table(),
                            Headers.string(item, TagFromName.LUTExplanation)));
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Presentation Intent Type (0008,0068), if present. */
    static Optional<String> presentationIntent(Headers h) {
        return h.string(TagFromName.PresentationIntentType).map(String::trim);
    }

    /** VOI windows for frame 0, pairing centres with widths (PS3.3 C.11.2.1.2). */
    static List<VoiWindow> windows(Headers h) {
        AttributeList l = h.holder(0, TagFromName.FrameVOILUTSequence, TagFromName.WindowCenter);
        if (l == null) {
            return List.of();
        }
        double[] centers = Headers.decimals(l, TagFromName.WindowCenter);
        double[] widths = Headers.decimals(l, TagFromName.WindowWidth);
        String[] explanations = Headers.strings(l, TagFromName.WindowCenterWidthExplanation);
        List<VoiWindow> out = new ArrayList<>();
        for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
            if (Double.isFinite(centers[i]) && Double.isFinite(widths[i]) && widths[i] >= 1) {
                Optional<String> ex =
                        i < explanations.length && !explanations[i].isBlank()
                                ? Optional.of(explanations[i].trim())
                                : Optional.empty();
                out.add(new VoiWindow(centers[i], widths[i], ex));
            }
        }
        return out;
    }

    static PixelFormat pixelFormat(Headers h) {
        int rows = h.integer(TagFromName.Rows).orElse(0);
        int columns = h.integer(TagFromName.Columns).orElse(0);
        int frames = h.integer(TagFromName.NumberOfFrames).orElse(1);
        int samples = h.integer(TagFromName.SamplesPerPixel).orElse(1);
        String photometric = h.string(TagFromName.PhotometricInterpretation).orElse("");
        int allocated = h.integer(TagFromName.BitsAllocated).orElse(0);
        int stored = h.integer(TagFromName.BitsStored).orElse(allocated);
        int high = h.integer(TagFromName.HighBit).orElse(stored - 1);
        boolean signed = h.integer(TagFromName.PixelRepresentation).orElse(0) == 1;
        boolean planar = h.integer(TagFromName.PlanarConfiguration).orElse(0) == 1;
        return new PixelFormat(
                rows,
                columns,
                frames,
                samples,
                photometric,
                allocated,
                stored,
                high,
                signed,
                planar);
    }
}
