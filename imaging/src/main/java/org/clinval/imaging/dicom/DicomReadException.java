package org.clinval.imaging.dicom;

import java.nio.file.Path;
import java.util.Optional;
import org.clinval.imaging.ImagingException;

/**
 * A DICOM file that cannot be read or decoded. The message names the file, its transfer syntax (UID
 * and name) when the header was readable, and what is wrong.
 */
public final class DicomReadException extends ImagingException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient TransferSyntax transferSyntax;
    private final String what;

    /** A failure in a file whose transfer syntax is known. */
    public DicomReadException(Path file, TransferSyntax transferSyntax, String what) {
        this(file, transferSyntax, what, null);
    }

    /** A failure in a file whose transfer syntax is known, with its cause. */
    public DicomReadException(
            Path file, TransferSyntax transferSyntax, String what, Throwable cause) {
        super(message(file, transferSyntax, what), cause);
        this.file = file;
        this.transferSyntax = transferSyntax;
        this.what = what;
    }

    /** A failure before the transfer syntax could be read. */
    public DicomReadException(Path file, String what, Throwable cause) {
        this(file, null, what, cause);
    }

    private static String message(Path file, TransferSyntax ts, String what) {
        return file + (ts == null ? "" : " [" + ts + "]") + ": " + what;
    }

    /**
     * What is wrong, with the transfer syntax when known but without the file's path: for messages
     * that must not carry a file name (a study names its files by pseudonyms).
     */
    public String what() {
        return (transferSyntax == null ? "" : "[" + transferSyntax + "] ") + what;
    }

    /** The file that failed. */
    public Path file() {
        return file;
    }

    /** Its transfer syntax, if the file meta information could be read. */
    public Optional<TransferSyntax> transferSyntax() {
        return Optional.ofNullable(transferSyntax);
    }
}
