package org.clinval.imaging.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.dicom.write.Uids;

/**
 * Writes grey-scale X-ray DICOM files (CR or DX) with PixelMed for tests: 12-bit unsigned stored
 * values, a rescale, one VOI window, and the photometric interpretation and presentation intent
 * asked for. pydicom ships no CR or DX file, so a test takes a real image's stored values (e.g.
 * {@code MR_small.dcm}'s) and writes them, and their inverse, as X-rays.
 */
public final class XrayFiles {

    /** The largest stored value of the files: Bits Stored 12, unsigned. */
    public static final int MAX_STORED = 4095;

    private XrayFiles() {}

    /**
     * One file's content.
     *
     * @param rows rows
     * @param columns columns
     * @param stored stored values, row-major, in [0, 4095]
     * @param photometric MONOCHROME1 or MONOCHROME2
     * @param modality CR or DX
     * @param slope Rescale Slope
     * @param intercept Rescale Intercept
     * @param windowCenter Window Center
     * @param windowWidth Window Width
     * @param presentationIntent Presentation Intent Type, if written
     */
    public record Xray(
            int rows,
            int columns,
            int[] stored,
            String photometric,
            String modality,
            double slope,
            double intercept,
            double windowCenter,
            double windowWidth,
            Optional<String> presentationIntent) {}

    /**
     * Reads the stored values that {@code modality_reference.py} wrote ({@code rows, columns, v…}).
     */
    public static Xray fromStoredText(Path text, String photometric, String modality)
            throws IOException {
        List<String> lines = Files.readAllLines(text);
        int rows = Integer.parseInt(lines.get(0).trim());
        int columns = Integer.parseInt(lines.get(1).trim());
        int[] v = new int[rows * columns];
        for (int i = 0; i < v.length; i++) v[i] = Integer.parseInt(lines.get(2 + i).trim());
        return new Xray(
                rows, columns, v, photometric, modality, 1, 0, 1000, 1500, Optional.empty());
    }

    /**
     * Returns the MONOCHROME2 inverse of a MONOCHROME1 image (or the reverse): stored values {@code
     * 4095 − s}, the window centre mirrored the same way through the rescale, everything else
     * equal. Shown with each file's own photometric interpretation, both look the same.
     */
    public static Xray inverse(Xray x) {
        int[] s = new int[x.stored().length];
        for (int i = 0; i < s.length; i++) s[i] = MAX_STORED - x.stored()[i];
        double lo = x.intercept();
        double hi = x.slope() * MAX_STORED + x.intercept();
        String p = x.photometric().equals("MONOCHROME1") ? "MONOCHROME2" : "MONOCHROME1";
        return new Xray(
                x.rows(),
                x.columns(),
                s,
                p,
                x.modality(),
                x.slope(),
                x.intercept(),
                lo + hi - x.windowCenter(),
                x.windowWidth(),
                x.presentationIntent());
    }

    /** Writes {@code x} to {@code file} (Explicit VR Little Endian). */
    public static void write(Xray x, Path file, String seed) throws Exception {
        write(x, file, seed, 0, null);
    }

    /**
     * Writes {@code x} with a VOI LUT Sequence of one 16-bit table whose first entry maps {@code
     * firstMapped} (besides the window), to {@code file}.
     */
    public static void write(Xray x, Path file, String seed, int firstMapped, int[] voiTable)
            throws Exception {
        AttributeList l = new AttributeList();
        if (voiTable != null) {
            com.pixelmed.dicom.SequenceAttribute seq =
                    new com.pixelmed.dicom.SequenceAttribute(TagFromName.VOILUTSequence);
            AttributeList item = new AttributeList();
            Attribute desc = new UnsignedShortAttribute(TagFromName.LUTDescriptor);
            desc.addValue(voiTable.length);
            desc.addValue(firstMapped);
            desc.addValue(16);
            item.put(desc);
            Attribute data = new OtherWordAttribute(TagFromName.LUTData);
            short[] d = new short[voiTable.length];
            for (int i = 0; i < d.length; i++) d[i] = (short) voiTable[i];
            data.setValues(d);
            item.put(data);
            seq.addItem(item);
            l.put(seq);
        }
        boolean cr = x.modality().equals("CR");
        text(
                l,
                TagFromName.SOPClassUID,
                cr ? "1.2.840.10008.5.1.4.1.1.1" : "1.2.840.10008.5.1.4.1.1.1.1");
        text(l, TagFromName.SOPInstanceUID, Uids.derive(seed, "instance"));
        text(l, TagFromName.StudyInstanceUID, Uids.derive(seed, "study"));
        text(l, TagFromName.SeriesInstanceUID, Uids.derive(seed, "series"));
        text(l, TagFromName.Modality, x.modality());
        text(l, TagFromName.PatientID, "XRAY-TEST");
        text(l, TagFromName.BodyPartExamined, "CHEST");
        x.presentationIntent().ifPresent(v -> text(l, TagFromName.PresentationIntentType, v));
        text(l, TagFromName.PhotometricInterpretation, x.photometric());
        ushort(l, TagFromName.Rows, x.rows());
        ushort(l, TagFromName.Columns, x.columns());
        ushort(l, TagFromName.SamplesPerPixel, 1);
        ushort(l, TagFromName.BitsAllocated, 16);
        ushort(l, TagFromName.BitsStored, 12);
        ushort(l, TagFromName.HighBit, 11);
        ushort(l, TagFromName.PixelRepresentation, 0);
        decimal(l, TagFromName.ImagerPixelSpacing, 0.3125, 0.3125);
        decimal(l, TagFromName.RescaleSlope, x.slope());
        decimal(l, TagFromName.RescaleIntercept, x.intercept());
        decimal(l, TagFromName.WindowCenter, x.windowCenter());
        decimal(l, TagFromName.WindowWidth, x.windowWidth());
        short[] px = new short[x.stored().length];
        for (int i = 0; i < px.length; i++) {
            int s = x.stored()[i];
            if (s < 0 || s > MAX_STORED) {
                throw new IllegalArgumentException(
                        "stored value " + s + " at " + i + " is not 12-bit");
            }
            px[i] = (short) s;
        }
        Attribute pd = new OtherWordAttribute(TagFromName.PixelData);
        pd.setValues(px);
        l.put(pd);
        FileMetaInformation.addFileMetaInformation(
                l, TransferSyntax.ExplicitVRLittleEndian, "CLINVAL");
        l.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }

    private static void text(AttributeList l, AttributeTag tag, String v) {
        try {
            Attribute a =
                    AttributeList.getDictionary().getValueRepresentationFromTag(tag) == null
                            ? null
                            : com.pixelmed.dicom.AttributeFactory.newAttribute(tag);
            a.addValue(v);
            l.put(a);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ushort(AttributeList l, AttributeTag tag, int v) throws Exception {
        Attribute a = new UnsignedShortAttribute(tag);
        a.addValue(v);
        l.put(a);
    }

    private static void decimal(AttributeList l, AttributeTag tag, double... v) throws Exception {
        Attribute a = new DecimalStringAttribute(tag);
        for (double x : v) a.addValue(x);
        l.put(a);
    }
}
