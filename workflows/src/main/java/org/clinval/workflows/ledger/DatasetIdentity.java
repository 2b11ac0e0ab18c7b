package org.clinval.workflows.ledger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.Sha256;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.InputCheckService;

/**
 * The identity of a locked dataset across studies: the content SHA-256 ({@link
 * ChecksumManifest#contentSha256()}) of the dataset's part of a run's locked manifest — the ground
 * truth, named {@value #GROUND_TRUTH}, and every image file by its pseudonymous id under {@value
 * #IMAGES}, with the SHA-256 the locked image inventory records for it.
 *
 * <p>Why not the hash of the whole {@code manifest.sha256}: it also locks the protocol (whose
 * approved copy lives in the run folder, so its path differs from run to run), the model and the
 * acceptance criteria. A test set looked at by two model versions, or by the same one twice, must
 * keep one identity, or the ledger could not count the looks. No file is hashed again: the hashes
 * are those the lock checked.
 */
public final class DatasetIdentity {

    /** The ground truth's name in the dataset's manifest. */
    public static final String GROUND_TRUTH = "ground-truth";

    /** The folder of the images' pseudonymous ids in the dataset's manifest. */
    public static final String IMAGES = "images/";

    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private DatasetIdentity() {}

    /**
     * Returns the identity of the dataset locked in run folder {@code runDir} for {@code protocol}.
     *
     * @throws IOException if the run has no locked manifest, the manifest does not list the ground
     *     truth or the inventory, or the inventory changed since the lock
     */
    public static String of(StudyProtocol protocol, Path runDir) throws IOException {
        return manifest(protocol, runDir).contentSha256();
    }

    /**
     * Returns the identity of the dataset locked in finished run folder {@code runDir}, read with
     * the run's approved protocol.
     *
     * @throws IOException if the run's protocol or locked manifest cannot be read, or the inventory
     *     changed since the lock
     */
    public static String ofRun(Path runDir) throws IOException {
        return of(RunProtocol.read(runDir), runDir);
    }

    /** Returns the dataset's part of the locked manifest of {@code runDir}, as named above. */
    public static ChecksumManifest manifest(StudyProtocol protocol, Path runDir)
            throws IOException {
        Path file = runDir.resolve(FileDatasetService.MANIFEST);
        if (!Files.exists(file)) {
            throw new IOException("the dataset is not locked: " + file + " is missing");
        }
        ChecksumManifest locked = ChecksumManifest.read(file);
        SortedMap<String, String> out = new TreeMap<>();
        out.put(GROUND_TRUTH, locked(locked, protocol.dataset().groundTruth(), file));
        Path inventory = runDir.resolve(InputCheckService.INVENTORY);
        if (Files.exists(inventory)) {
            String sha = locked(locked, inventory, file);
            if (!Sha256.of(inventory).equals(sha)) {
                throw new IOException(
                        InputCheckService.INVENTORY + " changed after the lock in " + runDir);
            }
            try (Reader r = Files.newBufferedReader(inventory, StandardCharsets.UTF_8);
                    CSVParser p = CSVParser.parse(r, CSV)) {
                for (CSVRecord row : p) {
                    out.put(IMAGES + row.get("file_id"), row.get("sha256"));
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IOException(
                        InputCheckService.INVENTORY + " is not an inventory: " + e.getMessage(), e);
            }
        }
        return new ChecksumManifest(out);
    }

    private static String locked(ChecksumManifest locked, Path f, Path manifest)
            throws IOException {
        String name =
                f.toAbsolutePath().normalize().toString().replace(java.io.File.separatorChar, '/');
        String sha = locked.entries().get(name);
        if (sha == null) {
            throw new IOException(manifest + " does not list " + f.getFileName());
        }
        return sha;
    }
}
