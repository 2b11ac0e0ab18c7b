package org.clinval.app.dicom;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.deid.DeidPlan;

/**
 * The re-identification key of {@code clinval dicom deid}: a CSV of {@code patient_id,pseudonym},
 * readable as a later run's {@code --pseudonym-map}. It re-identifies the output, so it never goes
 * where the output goes: a key file inside OUT is refused, an existing one is never overwritten,
 * and it is created readable by its owner only (mode 600).
 */
final class KeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private KeyFile() {}

    /** Refuses {@code key} if it is inside {@code out} (symbolic links followed) or exists. */
    static void check(Path key, Path out) {
        if (Files.exists(key)) {
            throw new UserError(
                    key + ": the key file exists; not overwritten: choose a new file or move it");
        }
        if (RealPath.of(key).startsWith(RealPath.of(out))) {
            throw new UserError(
                    key
                            + ": the key file must not be inside OUT "
                            + out
                            + ": it re-identifies the output, so keep it apart");
        }
    }

    /** Writes {@code rows} to {@code key}, created with mode 600 where the file system allows. */
    static void write(Path key, List<DeidPlan.KeyRow> rows) {
        try {
            Path dir = key.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try {
                FileAttribute<Set<PosixFilePermission>> mode =
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY);
                Files.createFile(key, mode);
            } catch (UnsupportedOperationException e) {
                Files.createFile(key); // not a POSIX file system: its own access rules apply
            }
            CSVFormat format =
                    CSVFormat.RFC4180
                            .builder()
                            .setRecordSeparator("\n")
                            .setCommentMarker('#')
                            .setHeaderComments(
                                    "clinval dicom deid re-identification key: keep it apart"
                                            + " from the de-identified files")
                            .setHeader(PseudonymMap.PATIENT_ID, PseudonymMap.PSEUDONYM)
                            .get();
            try (Writer w = Files.newBufferedWriter(key, StandardCharsets.UTF_8);
                    CSVPrinter p = new CSVPrinter(w, format)) {
                for (DeidPlan.KeyRow r : rows) {
                    p.printRecord(r.patientId(), r.pseudonym());
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(key + ": the key file exists; not overwritten", e);
        } catch (IOException e) {
            throw new UserError(key + ": cannot write the key file: " + e.getMessage(), e);
        }
    }
}
