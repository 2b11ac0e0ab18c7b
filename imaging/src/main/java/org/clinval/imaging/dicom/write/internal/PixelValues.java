package org.clinval.imaging.dicom.write.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import java.nio.file.Path;
import org.clinval.imaging.ImagingException;

/**
 * The physical values of a single-frame monochrome image (stored values through the modality LUT's
 * rescale slope and intercept), for drawing overlays on it. Reading images in general is the job of
 * {@code org.clinval.imaging.dicom}; this covers what overlays need.
 */
public final class PixelValues {

    /**
     * Rows, columns, row-major values, whether the photometric is MONOCHROME1, and the Body Part
     * Examined ("" if absent).
     */
    public record Image(int rows, int columns, float[] values, boolean inverted, String bodyPart) {}

    private PixelValues() {}

    /** Reads {@code file}; fails naming it if it is not a single-frame monochrome image. */
    public static Image read(Path file) throws ImagingException {
        AttributeList l = DicomFiles.read(file);
        int rows = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("Rows"), 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("Columns"), 0);
        int samples = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("SamplesPerPixel"), 1);
        int frames = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("NumberOfFrames"), 1);
        int allocated = Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("BitsAllocated"), 0);
        int stored =
                Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("BitsStored"), allocated);
        boolean signed =
                Attribute.getSingleIntegerValueOrDefault(l, Attrs.tag("PixelRepresentation"), 0)
                        == 1;
        String photometric = Attrs.string(l, "PhotometricInterpretation").strip();
        if (samples != 1 || frames != 1 || !photometric.startsWith("MONOCHROME")) {
            throw new ImagingException(
                    file
                            + ": is not a single-frame monochrome image ("
                            + photometric
                            + ", "
                            + samples
                            + " samples, "
                            + frames
                            + " frames)");
        }
        if ((allocated != 8 && allocated != 16) || stored < 1 || stored > allocated) {
            throw new ImagingException(
                    file
                            + ": has "
                            + allocated
                            + " bits allocated, "
                            + stored
                            + " stored; 8 or 16 are supported");
        }
        double slope = Attribute.getSingleDoubleValueOrDefault(l, Attrs.tag("RescaleSlope"), 1);
        double intercept =
                Attribute.getSingleDoubleValueOrDefault(l, Attrs.tag("RescaleIntercept"), 0);
        Attribute px = l.get(Attrs.tag("PixelData"));
        float[] v = new float[rows * columns];
        try {
            if (px == null) {
                throw new ImagingException(file + ": has no pixel data");
            }
            if (allocated == 16) {
                short[] s = px.getShortValues();
                check(file, s.length, v.length);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (value(s[i] & 0xFFFF, stored, signed) * slope + intercept);
                }
            } else {
                byte[] b = px.getByteValues();
                check(file, b.length, v.length);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (value(b[i] & 0xFF, stored, signed) * slope + intercept);
                }
            }
        } catch (DicomException e) {
            throw new ImagingException(file + ": cannot read pixel data: " + e.getMessage(), e);
        }
        return new Image(
                rows,
                columns,
                v,
                photometric.equals("MONOCHROME1"),
                Attrs.string(l, "BodyPartExamined").strip());
    }

    private static void check(Path file, int have, int need) throws ImagingException {
        if (have < need) {
            throw new ImagingException(
                    file
                            + ": pixel data has "
                            + have
                            + " values, rows x columns is "
                            + need
                            + " (compressed pixel data is not supported here)");
        }
    }

    /** The value of the low {@code bits} bits of {@code raw}, sign-extended if signed. */
    static int value(int raw, int bits, boolean signed) {
        int v = raw & ((1 << bits) - 1);
        if (signed && (v & (1 << (bits - 1))) != 0) {
            v -= 1 << bits;
        }
        return v;
    }
}
