package org.clinval.imaging.dicom;

import java.util.Map;
import java.util.Objects;

/**
 * A DICOM transfer syntax (PS3.5 §10 and Annex A): how a file's data set and Pixel Data are
 * encoded.
 *
 * @param uid the transfer syntax UID, e.g. {@code 1.2.840.10008.1.2.1}
 * @param name its name from PS3.6 Table A-1, or {@code "unknown transfer syntax"}
 * @param encapsulated whether Pixel Data is compressed in fragments (JPEG, JPEG-LS, JPEG 2000,
 *     RLE…)
 * @param lossy whether the compression may change pixel values (decoders may then differ by a few
 *     grey levels)
 */
public record TransferSyntax(String uid, String name, boolean encapsulated, boolean lossy) {

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    private static final Map<String, TransferSyntax> KNOWN =
            Map.ofEntries(
                    known(IMPLICIT_VR_LITTLE_ENDIAN, "Implicit VR Little Endian", false, false),
                    known(EXPLICIT_VR_LITTLE_ENDIAN, "Explicit VR Little Endian", false, false),
                    known(
                            DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
                            "Deflated Explicit VR Little Endian",
                            false,
                            false),
                    known(EXPLICIT_VR_BIG_ENDIAN, "Explicit VR Big Endian", false, false),
                    known(RLE_LOSSLESS, "RLE Lossless", true, false),
                    known("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, true),
                    known("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, true),
                    known("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)", true, false),
                    known(
                            "1.2.840.10008.1.2.4.70",
                            "JPEG Lossless, First-Order Prediction (Process 14, Selection Value 1)",
                            true,
                            false),
                    known("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", true, false),
                    known("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", true, true),
                    known("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)", true, false),
                    known("1.2.840.10008.1.2.4.91", "JPEG 2000", true, true),
                    known(
                            "1.2.840.10008.1.2.4.92",
                            "JPEG 2000 Part 2 (Lossless Only)",
                            true,
                            false),
                    known("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2", true, true),
                    known("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", true, true),
                    known("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile", true, true),
                    known(
                            "1.2.840.10008.1.2.4.201",
                            "High-Throughput JPEG 2000 (Lossless Only)",
                            true,
                            false),
                    known("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000", true, true));

    public TransferSyntax {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(name, "name");
    }

    private static Map.Entry<String, TransferSyntax> known(
            String uid, String name, boolean encapsulated, boolean lossy) {
        return Map.entry(uid, new TransferSyntax(uid, name, encapsulated, lossy));
    }

    /**
     * Returns the transfer syntax with this UID; an unknown UID gets the name {@code "unknown
     * transfer syntax"} and is taken to be encapsulated and lossy, so that nothing is assumed about
     * it.
     */
    public static TransferSyntax of(String uid) {
        Objects.requireNonNull(uid, "uid");
        String u = uid.trim();
        TransferSyntax t = KNOWN.get(u);
        return t != null ? t : new TransferSyntax(u, "unknown transfer syntax", true, true);
    }

    /** Returns {@code "NAME (UID)"}, the form error messages use. */
    @Override
    public String toString() {
        return name + " (" + uid + ")";
    }
}
