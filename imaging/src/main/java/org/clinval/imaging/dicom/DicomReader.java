package org.clinval.imaging.dicom;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.dicom.internal.PixelMedReader;

/**
 * Reads DICOM Part 10 files (PS3.10): images into {@link DicomImage}, headers into {@link
 * DicomMetadata}, DICOMDIRs into the files they reference.
 *
 * <p>Supported: native Pixel Data in implicit/explicit little endian, explicit big endian and
 * deflated explicit little endian; encapsulated RLE Lossless, JPEG Baseline (8-bit), JPEG Lossless
 * (processes 14 and 14 SV1) and JPEG 2000 (lossless and lossy); grey-scale (MONOCHROME1/2, 1, 8 or
 * 16 bits allocated) and colour (RGB, YBR) with one or more frames. Everything else — JPEG Extended
 * 12-bit, JPEG-LS, 32-bit data, PALETTE COLOR, files without the Part 10 preamble, truncated Pixel
 * Data — fails with a {@link DicomReadException} naming the file and the transfer syntax, never
 * with a wrong image.
 */
public final class DicomReader {

    private DicomReader() {}

    /**
     * Reads and decodes an image file; pixel values leave as physical values (after the modality
     * LUT).
     *
     * @throws DicomReadException if the file is not a readable DICOM image or its Pixel Data cannot
     *     be decoded
     */
    public static DicomImage read(Path file) throws DicomReadException {
        return PixelMedReader.read(file);
    }

    /**
     * Reads the header of any DICOM Part 10 file (image or not), stopping before Pixel Data.
     *
     * @throws DicomReadException if the file is not a readable DICOM file
     */
    public static DicomMetadata metadata(Path file) throws DicomReadException {
        return PixelMedReader.metadata(file);
    }

    /**
     * Whether the file starts like a DICOM Part 10 file: a 128-byte preamble, then {@code DICM}
     * (PS3.10 §7.1). Reads 132 bytes; says nothing about the rest.
     */
    public static boolean isPart10(Path file) {
        return PixelMedReader.isPart10(file);
    }

    /**
     * Returns the files a DICOMDIR references, resolved against its folder, in record order. Listed
     * files are not checked for existence; reading a missing one fails with its name.
     *
     * @throws DicomReadException if the file is not a readable DICOMDIR, or a Referenced File ID
     *     would leave its folder
     */
    public static List<Path> referencedFiles(Path dicomdir) throws DicomReadException {
        return PixelMedReader.referencedFiles(dicomdir);
    }
}
