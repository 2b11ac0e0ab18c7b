package org.clinval.imaging.dicom.write.internal;

import static org.clinval.imaging.dicom.write.internal.Attrs.code;
import static org.clinval.imaging.dicom.write.internal.Attrs.item;
import static org.clinval.imaging.dicom.write.internal.Attrs.put;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.imaging.ImagingException;
import org.clinval.imaging.dicom.write.DerivedInstance;
import org.clinval.imaging.dicom.write.OverlayStyle;
import org.clinval.imaging.dicom.write.SourceFrame;

/** The attribute list of a Secondary Capture Image (PS3.3 §A.8.1): an RGB overlay. */
public final class ScEncoder {

    private ScEncoder() {}

    /** Returns the overlay of {@code heat} on {@code source}'s pixels in {@code style}. */
    public static AttributeList encode(
            SourceFrame source, float[] heat, OverlayStyle style, DerivedInstance id)
            throws ImagingException {
        PixelValues.Image img = PixelValues.read(source.file());
        int n = img.rows() * img.columns();
        if (heat.length != n) {
            throw new IllegalArgumentException(
                    "heat map has "
                            + heat.length
                            + " values, the source "
                            + img.rows()
                            + " x "
                            + img.columns()
                            + " = "
                            + n);
        }
        byte[] rgb = new byte[3 * n + (3 * n) % 2];
        float[] v = img.values();
        for (int i = 0; i < n; i++) {
            float h = heat[i];
            if (!(h >= 0 && h <= 1)) {
                throw new IllegalArgumentException(
                        "heat map value at row "
                                + i / img.columns()
                                + ", column "
                                + i % img.columns()
                                + " is not in [0, 1]: "
                                + h);
            }
            double value = img.inverted() ? 2 * style.windowCentre() - 1 - v[i] : v[i];
            int[] c = style.blend(value, h);
            rgb[3 * i] = (byte) c[0];
            rgb[3 * i + 1] = (byte) c[1];
            rgb[3 * i + 2] = (byte) c[2];
        }
        return attributes(
                source.file(),
                source.sopClassUid(),
                img.rows(),
                img.columns(),
                img.bodyPart(),
                new String[] {orientation(source, 0), orientation(source, 3)},
                rgb,
                id,
                source.sopInstanceUid());
    }

    /**
     * Returns the overlay of {@code heat} on a colour source image given by its pixels ({@code
     * rgb}: planes R, G, B of {@code rows × columns}, values in [0, 255]) and its file (for the
     * patient, study and reference): the source in its own colours, the map blended as {@code
     * style} says (its window is not used). Patient Orientation is empty: a photograph has no
     * patient axes.
     */
    public static AttributeList encodeColour(
            Path sourceFile,
            float[] rgbPlanes,
            int rows,
            int columns,
            float[] heat,
            OverlayStyle style,
            DerivedInstance id)
            throws ImagingException {
        AttributeList h = new AttributeList();
        try {
            h.read(sourceFile.toFile(), Attrs.tag("PixelData"));
        } catch (java.io.IOException | com.pixelmed.dicom.DicomException | RuntimeException e) {
            throw new ImagingException(
                    sourceFile + ": not a readable DICOM file: " + e.getMessage(), e);
        }
        int hr =
                com.pixelmed.dicom.Attribute.getSingleIntegerValueOrDefault(
                        h, Attrs.tag("Rows"), 0);
        int hc =
                com.pixelmed.dicom.Attribute.getSingleIntegerValueOrDefault(
                        h, Attrs.tag("Columns"), 0);
        String sopClass = Attrs.string(h, "SOPClassUID").strip();
        String sop = Attrs.string(h, "SOPInstanceUID").strip();
        if (sopClass.isEmpty() || sop.isEmpty()) {
            throw new ImagingException(sourceFile + ": lacks SOP Class UID or SOP Instance UID");
        }
        if (hr != rows || hc != columns) {
            throw new IllegalArgumentException(
                    "the colour pixels are "
                            + rows
                            + " x "
                            + columns
                            + " but "
                            + sourceFile
                            + " is "
                            + hr
                            + " x "
                            + hc);
        }
        int n = rows * columns;
        if (rgbPlanes.length != 3 * n) {
            throw new IllegalArgumentException(
                    "colour pixels have "
                            + rgbPlanes.length
                            + " values, not 3 x "
                            + rows
                            + " x "
                            + columns);
        }
        if (heat.length != n) {
            throw new IllegalArgumentException(
                    "heat map has "
                            + heat.length
                            + " values, the source "
                            + rows
                            + " x "
                            + columns
                            + " = "
                            + n);
        }
        byte[] rgb = new byte[3 * n + (3 * n) % 2];
        for (int i = 0; i < n; i++) {
            float v = heat[i];
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(
                        "heat map value at row "
                                + i / columns
                                + ", column "
                                + i % columns
                                + " is not in [0, 1]: "
                                + v);
            }
            int[] c =
                    style.blendColour(
                            rgbPlanes[i] / 255.0,
                            rgbPlanes[n + i] / 255.0,
                            rgbPlanes[2 * n + i] / 255.0,
                            v);
            rgb[3 * i] = (byte) c[0];
            rgb[3 * i + 1] = (byte) c[1];
            rgb[3 * i + 2] = (byte) c[2];
        }
        return attributes(
                sourceFile,
                sopClass,
                rows,
                columns,
                Attrs.string(h, "BodyPartExamined").strip(),
                new String[0],
                rgb,
                id,
                sop);
    }

    private static AttributeList attributes(
            Path sourceFile,
            String sourceSopClass,
            int rows,
            int columns,
            String bodyPart,
            String[] patientOrientation,
            byte[] rgb,
            DerivedInstance id,
            String sourceSop)
            throws ImagingException {
        AttributeList l = new AttributeList();
        SourceReader.copyPatientStudy(sourceFile, l);
        put(l, "Modality", "OT");
        put(l, "SeriesInstanceUID", id.seriesInstanceUid());
        put(l, "SeriesNumber", id.seriesNumber());
        if (bodyPart.isEmpty()) {
            put(l, "Laterality"); // Type 2C: unknown whether the part is paired
        } else {
            put(l, "BodyPartExamined", bodyPart);
        }
        put(l, "ConversionType", "WSD");
        Equipment.put(l, id.model());
        put(l, "InstanceNumber", id.instanceNumber());
        Attrs.putDateTime(l, "Content", Optional.of(id.contentDateTime()));
        put(l, "ImageType", "DERIVED", "SECONDARY");
        put(l, "PatientOrientation", patientOrientation);
        put(l, "BurnedInAnnotation", "NO");
        put(l, "LossyImageCompression", "00");
        AttributeList ref = item(l, "SourceImageSequence");
        put(ref, "ReferencedSOPClassUID", sourceSopClass);
        put(ref, "ReferencedSOPInstanceUID", sourceSop);
        code(ref, "PurposeOfReferenceCodeSequence", SegEncoder.SOURCE_FOR_PROCESSING);
        put(l, "SamplesPerPixel", 3);
        put(l, "PhotometricInterpretation", "RGB");
        put(l, "PlanarConfiguration", 0);
        put(l, "Rows", rows);
        put(l, "Columns", columns);
        put(l, "BitsAllocated", 8);
        put(l, "BitsStored", 8);
        put(l, "HighBit", 7);
        put(l, "PixelRepresentation", 0);
        OtherByteAttribute px = new OtherByteAttribute(Attrs.tag("PixelData"));
        try {
            px.setValues(rgb);
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode pixel data", e);
        }
        l.put(px);
        put(l, "SOPClassUID", SopClasses.SECONDARY_CAPTURE);
        put(l, "SOPInstanceUID", id.sopInstanceUid("overlay"));
        return l;
    }

    /**
     * Returns the Patient Orientation letters of the direction at {@code orientation[from..+3]}:
     * L/R, P/A, H/F for the x, y, z components of at least 0.25, largest first (PS3.3
     * §C.7.6.1.1.1).
     */
    static String orientation(SourceFrame source, int from) {
        double[] o = source.geometry().orientation();
        Integer[] axes = {0, 1, 2};
        java.util.Arrays.sort(
                axes, (a, b) -> Double.compare(Math.abs(o[from + b]), Math.abs(o[from + a])));
        StringBuilder s = new StringBuilder();
        for (int a : axes) {
            double c = o[from + a];
            if (Math.abs(c) >= 0.25) {
                s.append(
                        switch (a) {
                            case 0 -> c > 0 ? 'L' : 'R';
                            case 1 -> c > 0 ? 'P' : 'A';
                            default -> c > 0 ? 'H' : 'F';
                        });
            }
        }
        return s.toString();
    }
}
