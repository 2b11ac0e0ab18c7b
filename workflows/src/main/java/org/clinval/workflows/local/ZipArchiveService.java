package org.clinval.workflows.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clinval.common.Sha256;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.service.ArchiveResult;
import org.clinval.workflows.service.ArchiveService;

/**
 * Archives a run folder into {@code archive/<study>.zip} with {@code archive/archive.sha256}, the
 * checksum manifest of every archived file (also inside the zip). The process engine's database
 * folder ({@value #ENGINE}) is left out: it is open while the study runs, and what it holds is also
 * in the audit trail. Entries are sorted and carry a fixed time, so the same folder gives the same
 * archive bytes.
 */
public final class ZipArchiveService implements ArchiveService {

    /** The archive folder in the run folder. */
    public static final String ARCHIVE = "archive";

    /** The engine's database folder in the run folder. */
    public static final String ENGINE = "engine";

    /**
     * Returns whether {@code name} is the libraries' log the command line keeps in a run folder
     * ({@code clinval.log}, rotated to {@code clinval.log.1}): diagnostics, not a record, written
     * at any time (even after the seal), so neither archived nor sealed.
     */
    public static boolean isLibraryLog(String name) {
        return name.equals("clinval.log") || name.equals("clinval.log.1");
    }

    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01

    @Override
    public ArchiveResult archive(Path runDir, String studyId) throws IOException {
        ChecksumManifest m =
                ChecksumManifest.of(
                        runDir,
                        n ->
                                n.startsWith(ARCHIVE + "/")
                                        || n.startsWith(ENGINE + "/")
                                        || isLibraryLog(n)
                                        || n.endsWith(".tmp"));
        Path dir = runDir.resolve(ARCHIVE);
        Files.createDirectories(dir);
        Path manifest = dir.resolve("archive.sha256");
        m.write(manifest);
        Path zip = dir.resolve(studyId + ".zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : m.entries().keySet()) {
                entry(z, name, runDir.resolve(name));
            }
            entry(z, ARCHIVE + "/archive.sha256", manifest);
        }
        return new ArchiveResult(zip, Sha256.of(zip), manifest, m.entries().size());
    }

    private static void entry(ZipOutputStream z, String name, Path file) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(EPOCH);
        z.putNextEntry(e);
        Files.copy(file, z);
        z.closeEntry();
    }
}
