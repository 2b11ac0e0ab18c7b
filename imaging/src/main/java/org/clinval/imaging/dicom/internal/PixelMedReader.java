package org.clinval.imaging.dicom.internal;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.ModalityLut;
import org.clinval.imaging.dicom.PixelBits;
import org.clinval.imaging.dicom.TransferSyntax;
import org.clinval.imaging.dicom.internal.PixelDecoder.DecodeFailure;

/** Reads DICOM Part 10 files with PixelMed into our records. */
public final class PixelMedReader {

    /**
     * PixelMed logs the failures it recovers from (and some it hides) through java.util.logging,
     * with attribute values in the messages. Every failure that matters reaches our caller as a
     * {@link DicomReadException}, so its log is silenced: no header value leaks to a log this way.
     */
    private static final Logger PIXELMED_LOG = Logger.getLogger("com.pixelmed");

    static {
        PIXELMED_LOG.setLevel(Level.OFF);
    }

    private PixelMedReader() {}

    /** Reads and decodes an image. */
    public static DicomImage read(Path file) throws DicomReadException {
        AttributeList list = parse(file, false);
        TransferSyntax ts = transferSyntax(file, list);
        Headers h = new Headers(list);
        Attribute pixelData = list.getPixelData();
        if (pixelData == null) {
            throw new DicomReadException(file, ts, missingPixelData(h));
        }
        PixelFormat format = HeaderModel.pixelFormat(h);
        checkFormat(file, ts, format);
        PixelDecoder.Decoded decoded;
        try {
            decoded = PixelDecoder.decode(pixelData, format, ts);
        } catch (DecodeFailure e) {
            throw new DicomReadException(file, ts, e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            throw new DicomReadException(file, ts, "cannot decode Pixel Data: " + e, e);
        }
        boolean grey = format.samplesPerPixel() == 1;
        float[][] values = new float[format.frames()][];
        ModalityLut first;
        try {
            first = grey ? HeaderModel.modalityLut(h, 0) : ModalityLut.identity();
            for (int f = 0; f < values.length; f++) {
                ModalityLut lut = grey && f > 0 ? HeaderModel.modalityLut(h, f) : first;
                values[f] = apply(lut, decoded.frames()[f]);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new DicomReadException(file, ts, "bad modality LUT: " + e.getMessage(), e);
        }
        return new DicomImage(
                file,
                format.rows(),
                format.columns(),
                format.samplesPerPixel(),
                decoded.photometric(),
                values,
                first,
                grey ? HeaderModel.windows(h) : List.of(),
                HeaderModel.geometry(h, format.frames()),
                HeaderModel.metadata(h, ts),
                grey ? HeaderModel.voiLut(h) : Optional.empty(),
                HeaderModel.presentationIntent(h),
                Optional.of(new PixelBits(format.bitsStored(), format.signed())));
    }

    /** Reads the header only, up to Pixel Data. */
    public static DicomMetadata metadata(Path file) throws DicomReadException {
        AttributeList list = parse(file, true);
        return HeaderModel.metadata(new Headers(list), transferSyntax(file, list));
    }

    /**
     * The files a DICOMDIR references (Referenced File ID of each directory record, PS3.3 F.3.2.2),
     * resolved against the DICOMDIR's folder, in record order without repeats.
     */
    public static List<Path> referencedFiles(Path dicomdir) throws DicomReadException {
        AttributeList list = parse(dicomdir, false);
        TransferSyntax ts = transferSyntax(dicomdir, list);
        if (!(list.get(TagFromName.DirectoryRecordSequence) instanceof SequenceAttribute records)) {
            throw new DicomReadException(
                    dicomdir, ts, "not a DICOMDIR: no Directory Record Sequence (0004,1220)");
        }
        Path base = dicomdir.toAbsolutePath().getParent();
        Set<Path> files = new LinkedHashSet<>();
        for (int i = 0; i < records.getNumberOfItems(); i++) {
            SequenceItem item = records.getItem(i);
            String[] parts = Headers.strings(item.getAttributeList(), TagFromName.ReferencedFileID);
            if (parts.length == 0) {
                continue;
            }
            Path p = base;
            for (String part : parts) {
                String c = part.trim();
                if (c.isEmpty() || c.equals("..") || c.equals(".") || c.contains("/")) {
                    throw new DicomReadException(
                            dicomdir,
                            ts,
                            "directory record "
                                    + (i + 1)
                                    + " has an unsafe Referenced File ID: "
                                    + String.join("\\", parts));
                }
                p = p.resolve(c);
            }
            files.add(p);
        }
        return new ArrayList<>(files);
    }

    private static float[] apply(ModalityLut lut, int[] stored) {
        float[] out = new float[stored.length];
        switch (lut.kind()) {
            case IDENTITY -> {
                for (int i = 0; i < out.length; i++) out[i] = stored[i];
            }
            case RESCALE -> {
                double m = lut.slope();
                double b = lut.intercept();
                for (int i = 0; i < out.length; i++) out[i] = (float) (m * stored[i] + b);
            }
            case TABLE -> {
                for (int i = 0; i < out.length; i++) out[i] = (float) lut.apply(stored[i]);
            }
        }
        return out;
    }

    private static String missingPixelData(Headers h) {
        if (h.integer(TagFromName.Rows).isPresent()) {
            return "no readable Pixel Data although the header describes an image of "
                    + h.integer(TagFromName.Rows).get()
                    + " rows (truncated or malformed Pixel Data)";
        }
        String sop = h.string(TagFromName.SOPClassUID).orElse("unknown SOP class");
        return "no Pixel Data: not an image (SOP class " + sop + ")";
    }

    private static void checkFormat(Path file, TransferSyntax ts, PixelFormat f)
            throws DicomReadException {
        if (f.rows() < 1 || f.columns() < 1 || f.frames() < 1) {
            throw new DicomReadException(
                    file,
                    ts,
                    "bad image size: Rows "
                            + f.rows()
                            + ", Columns "
                            + f.columns()
                            + ", Number of Frames "
                            + f.frames());
        }
        String p = f.photometric();
        boolean ok =
                f.samplesPerPixel() == 1
                        ? p.equals("MONOCHROME1") || p.equals("MONOCHROME2")
                        : f.samplesPerPixel() == 3 && (p.equals("RGB") || p.startsWith("YBR_"));
        if (!ok) {
            throw new DicomReadException(
                    file,
                    ts,
                    "Photometric Interpretation '"
                            + p
                            + "' with "
                            + f.samplesPerPixel()
                            + " samples per pixel is not supported");
        }
    }

    private static TransferSyntax transferSyntax(Path file, AttributeList list)
            throws DicomReadException {
        Optional<String> uid = Headers.string(list, TagFromName.TransferSyntaxUID);
        if (uid.isEmpty()) {
            throw new DicomReadException(
                    file, "the file meta information has no Transfer Syntax UID (0002,0010)", null);
        }
        return TransferSyntax.of(uid.get());
    }

    private static AttributeList parse(Path file, boolean headerOnly) throws DicomReadException {
        checkPart10(file);
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try {
            if (headerOnly) {
                list.read(file.toFile(), TagFromName.PixelData);
            } else {
                list.read(file.toFile());
            }
        } catch (IOException | DicomException | RuntimeException e) {
            Optional<String> uid = Headers.string(list, TagFromName.TransferSyntaxUID);
            String what = "cannot be parsed: " + e.getMessage();
            if (uid.isPresent()) {
                throw new DicomReadException(file, TransferSyntax.of(uid.get()), what, e);
            }
            throw new DicomReadException(file, what, e);
        }
        return list;
    }

    /** Whether the file starts like a DICOM Part 10 file (preamble, then {@code DICM}). */
    public static boolean isPart10(Path file) {
        try {
            checkPart10(file);
            return true;
        } catch (DicomReadException e) {
            return false;
        }
    }

    /** PS3.10 §7.1: a 128-byte preamble, then {@code DICM}. */
    private static void checkPart10(Path file) throws DicomReadException {
        if (!Files.isRegularFile(file)) {
            throw new DicomReadException(file, "no such file", null);
        }
        byte[] head = new byte[132];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new DicomReadException(file, "cannot be opened: " + e.getMessage(), e);
        }
        if (n < 132
                || head[128] != 'D'
                || head[129] != 'I'
                || head[130] != 'C'
                || head[131] != 'M') {
            throw new DicomReadException(
                    file, "not a DICOM Part 10 file (no 'DICM' after the 128-byte preamble)", null);
        }
    }
}
