package org.clinval.imaging.dicom.write.internal;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.clinval.imaging.ImagingException;

/** Reading and writing DICOM Part 10 files; every error names the file. */
public final class DicomFiles {

    /** The Source Application Entity Title of every file the suite writes. */
    public static final String SOURCE_AE = "CLINVAL";

    private DicomFiles() {}

    /** Returns whether {@code file} starts with the Part 10 preamble and {@code DICM} prefix. */
    public static boolean isPart10(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132
                    && head[128] == 'D'
                    && head[129] == 'I'
                    && head[130] == 'C'
                    && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a whole file, pixel data included. */
    public static AttributeList read(Path file) throws ImagingException {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile());
        } catch (IOException | DicomException | RuntimeException e) {
            throw new ImagingException(file + ": not a readable DICOM file: " + e.getMessage(), e);
        }
        if (list.isEmpty()) {
            throw new ImagingException(file + ": not a readable DICOM file: no attributes");
        }
        return list;
    }

    /**
     * Writes {@code list} as Explicit VR Little Endian with a fresh meta header; written to a
     * temporary file first, then moved into place, so a failure never leaves a partial file.
     */
    public static void write(AttributeList list, Path file) throws ImagingException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(
                    list, TransferSyntax.ExplicitVRLittleEndian, SOURCE_AE);
            tmp = Files.createTempFile(dir, ".clinval-", ".dcm.part");
            list.write(tmp.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | DicomException e) {
            throw new ImagingException(file + ": cannot write DICOM file: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
            }
        }
    }
}
