package org.clinval.imaging.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.clinval.common.Sha256;
import org.clinval.imaging.dicom.DicomImage;
import org.clinval.imaging.dicom.DicomMetadata;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.dicom.DicomReader;

/**
 * Checks one file of a study's image folder the way the study will use it: read, hashed, parsed,
 * decoded, and held against the protocol's modalities, the burned-in annotation rule and the
 * model's input. Never throws for a bad file: the verdict says what is wrong, in words that do not
 * name the file (its name may identify the patient).
 */
public final class FileChecker {

    /** Files that operating systems and viewers leave in folders; never case images. */
    private static final Set<String> SYSTEM_FILES =
            Set.of(".ds_store", "thumbs.db", "desktop.ini", "dicomdir", ".directory");

    private static final int PREFIX = 132;

    private FileChecker() {}

    /** Checks {@code file}, which lies below {@code root}. */
    public static FileCheck check(Path root, Path file, CheckOptions options) {
        Path relative =
                root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        long size;
        String sha;
        byte[] prefix;
        try {
            size = Files.size(file);
            sha = Sha256.of(file);
            prefix = prefix(file);
        } catch (IOException e) {
            return bad(relative, -1, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (SYSTEM_FILES.contains(name) || name.startsWith("._")) {
            return new FileCheck(
                    relative,
                    size,
                    sha,
                    FileStatus.IGNORED,
                    "a file operating systems or viewers leave in folders, not an image",
                    Optional.empty(),
                    Optional.empty());
        }
        if (size == 0) {
            return bad(relative, size, sha, "empty file (0 bytes)");
        }
        if (relative.toString().indexOf('\n') >= 0 || relative.toString().indexOf('\r') >= 0) {
            return bad(relative, size, sha, "its name holds a line break; rename it");
        }
        if (size < PREFIX
                || !"DICM".equals(new String(prefix, 128, 4, StandardCharsets.US_ASCII))) {
            return bad(
                    relative,
                    size,
                    sha,
                    "not a DICOM file: no 'DICM' after the 128-byte preamble (" + size + " bytes)");
        }
        if (size == PREFIX) {
            return bad(relative, size, sha, "a DICOM preamble and nothing else (132 bytes)");
        }
        DicomMetadata m;
        try {
            m = DicomReader.metadata(file);
        } catch (DicomReadException e) {
            return bad(relative, size, sha, "unreadable DICOM header: " + scrub(e.what(), file));
        }
        return image(file, relative, size, sha, m, options);
    }

    private static FileCheck image(
            Path file, Path relative, long size, String sha, DicomMetadata m, CheckOptions o) {
        Optional<DicomMetadata> meta = Optional.of(m);
        if (!m.image()) {
            String sop = m.sopClassName().orElse(m.sopClassUid());
            if (m.sopClassUid().isBlank() || sop.contains("Image Storage")) {
                return new FileCheck(
                        relative,
                        size,
                        sha,
                        FileStatus.BAD,
                        "the header describes no image (no Rows and Columns): truncated, or only"
                                + " the file meta information",
                        meta,
                        Optional.empty());
            }
            return new FileCheck(
                    relative,
                    size,
                    sha,
                    FileStatus.IGNORED,
                    "not an image: " + sop,
                    meta,
                    Optional.empty());
        }
        String modality = m.modality().orElse("");
        if (!o.modalities().contains(modality)) {
            return checked(
                    relative,
                    size,
                    sha,
                    meta,
                    "modality "
                            + (modality.isEmpty() ? "missing (0008,0060)" : modality)
                            + "; the protocol accepts "
                            + String.join(", ", o.modalities()));
        }
        if (m.burnedIn() && !o.allowBurnedIn()) {
            return checked(
                    relative,
                    size,
                    sha,
                    meta,
                    "Burned In Annotation (0028,0301) is YES: text in the pixels may identify the"
                            + " patient, and the protocol does not allow such images"
                            + " (dataset.allow_burned_in_annotation)");
        }
        DicomImage image;
        try {
            image = DicomReader.read(file);
        } catch (DicomReadException e) {
            return checked(
                    relative,
                    size,
                    sha,
                    meta,
                    "pixel data cannot be decoded: " + scrub(e.what(), file));
        } catch (RuntimeException | OutOfMemoryError e) {
            return checked(
                    relative,
                    size,
                    sha,
                    meta,
                    "pixel data cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
        Optional<String> problem = o.imageCheck().problem(file, image);
        if (problem.isPresent()) {
            return checked(relative, size, sha, meta, scrub(problem.get(), file));
        }
        return new FileCheck(relative, size, sha, FileStatus.IMAGE, "", meta, Optional.empty());
    }

    private static FileCheck checked(
            Path relative, long size, String sha, Optional<DicomMetadata> m, String why) {
        return new FileCheck(relative, size, sha, FileStatus.BAD, why, m, Optional.empty());
    }

    private static FileCheck bad(Path relative, long size, String sha, String why) {
        return new FileCheck(
                relative, size, sha, FileStatus.BAD, why, Optional.empty(), Optional.empty());
    }

    private static byte[] prefix(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(PREFIX);
            return b.length == PREFIX ? b : Arrays.copyOf(b, PREFIX);
        }
    }

    /**
     * Removes the file's path and name from a message of a library, which may quote them: the
     * message goes into study records, where files are named by pseudonyms.
     */
    static String scrub(String message, Path file) {
        String out = message;
        Path abs = file.toAbsolutePath().normalize();
        for (String s :
                new String[] {abs.toString(), file.toString(), abs.getFileName().toString()}) {
            if (!s.isEmpty()) {
                out = out.replace(s, "the file");
            }
        }
        return out;
    }
}
