package org.clinval.workflows.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.records.RunVerification.Finding;
import org.clinval.workflows.records.RunVerification.Kind;
import org.clinval.workflows.service.InputCheckService;

/**
 * Checks the files whose SHA-256 the run recorded: every file the trail recorded with a hash (the
 * last record of each name, in the order of those records), every file {@code reports.sha256}
 * lists, and the locked inputs of {@code manifest.sha256}.
 *
 * <p>The lock names files by absolute path. Its entry for the run's own protocol copy (the {@code
 * protocol.yaml} with the hash the approval recorded) is checked in the run folder wherever it now
 * is. The other inputs are checked where they were locked; when the deepest folder holding all of
 * them is absent (the run was copied to another machine), they are reported as not available here,
 * not as failures; when it exists, a missing or changed input fails.
 */
final class RecordedFiles {

    private final Path dir;
    private final List<AuditEntry> entries;
    private final List<String> notes = new ArrayList<>();
    private int files;
    private int inputs;

    RecordedFiles(Path dir, List<AuditEntry> entries) {
        this.dir = dir;
        this.entries = entries;
    }

    int files() {
        return files;
    }

    int inputs() {
        return inputs;
    }

    List<String> notes() {
        return notes;
    }

    Optional<Finding> check() throws IOException {
        Map<String, AuditEntry> last = new LinkedHashMap<>();
        for (AuditEntry e : entries) {
            if (e.objectSha256().isPresent()) {
                last.remove(e.object()); // keeps the order of the last records
                last.put(e.object(), e);
            }
        }
        for (AuditEntry e : last.values()) {
            Optional<Finding> f = trailFile(e);
            if (f.isPresent()) return f;
        }
        AuditEntry reports = last.get(ValidationStudy.REPORTS_MANIFEST);
        if (reports != null) {
            Optional<Finding> f = reports(reports);
            if (f.isPresent()) return f;
        }
        if (Files.exists(dir.resolve(FileDatasetService.MANIFEST))) {
            AuditEntry protocol = last.get(FileDatasetService.PROTOCOL);
            Optional<Finding> f =
                    inputs(protocol == null ? Optional.empty() : protocol.objectSha256());
            if (f.isPresent()) return f;
            return images();
        }
        return Optional.empty();
    }

    /**
     * Checks the images against the locked inventory through the case key, which is kept beside the
     * run folder (it holds their names); without it, or without the images, says so in a note.
     */
    private Optional<Finding> images() throws IOException {
        Path inventory = dir.resolve(InputCheckService.INVENTORY);
        if (!Files.exists(inventory)) {
            return Optional.empty();
        }
        Path key = InputCheckService.caseKey(dir);
        if (!Files.exists(key)) {
            notes.add(
                    "images not checked here: their case key "
                            + key.getFileName()
                            + " is kept beside the run folder and is not there");
            return Optional.empty();
        }
        Optional<Path> images = imageFolder();
        if (images.isEmpty() || !Files.isDirectory(images.get())) {
            notes.add("images not available here: the image folder of the protocol is absent");
            return Optional.empty();
        }
        java.util.List<String> changes =
                org.clinval.common.ImageInventory.changes(images.get(), inventory, key);
        if (!changes.isEmpty()) {
            return bad(
                    InputCheckService.INVENTORY,
                    "a locked image changed since the lock: "
                            + String.join("; ", changes.subList(0, Math.min(5, changes.size()))));
        }
        inputs += org.clinval.common.ImageInventory.files(key);
        return Optional.empty();
    }

    /** Returns the protocol's image folder, read from the run's protocol copy. */
    private Optional<Path> imageFolder() {
        try {
            com.fasterxml.jackson.databind.JsonNode study =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(
                                    dir.resolve(org.clinval.workflows.StudyEngine.STUDY_FILE)
                                            .toFile());
            Path base = Path.of(study.path("protocol").asText()).toAbsolutePath().getParent();
            return Optional.of(
                    org.clinval.workflows.protocol.ProtocolReader.read(
                                    dir.resolve(FileDatasetService.PROTOCOL), base, false)
                            .dataset()
                            .dicom());
        } catch (IOException
                | RuntimeException
                | org.clinval.workflows.protocol.InvalidProtocolException e) {
            return Optional.empty();
        }
    }

    private Optional<Finding> trailFile(AuditEntry e) throws IOException {
        String name = e.object();
        Path f = Path.of(name).isAbsolute() ? Path.of(name) : dir.resolve(name);
        String at = "the trail recorded at entry " + e.sequence() + " (" + e.action() + ")";
        if (!Files.isRegularFile(f)) {
            if (Path.of(name).isAbsolute()) {
                notes.add(name + " (recorded at entry " + e.sequence() + ") is not available here");
                return Optional.empty();
            }
            return bad(name, name + " is missing: " + at + " its SHA-256");
        }
        if (!Sha256.of(f).equals(e.objectSha256().get())) {
            return bad(name, name + " changed: its SHA-256 is not the one " + at);
        }
        files++;
        return Optional.empty();
    }

    private Optional<Finding> reports(AuditEntry recorded) throws IOException {
        Path manifest = dir.resolve(ValidationStudy.REPORTS_MANIFEST);
        for (Map.Entry<String, String> x : ChecksumManifest.read(manifest).entries().entrySet()) {
            String name = x.getKey();
            Path f = dir.resolve(name);
            String by =
                    ValidationStudy.REPORTS_MANIFEST
                            + " (recorded at entry "
                            + recorded.sequence()
                            + ")";
            if (!Files.isRegularFile(f)) {
                return bad(name, name + " is missing: " + by + " lists it");
            }
            if (!Sha256.of(f).equals(x.getValue())) {
                return bad(name, name + " changed: its SHA-256 is not the one " + by + " lists");
            }
            files++;
        }
        return Optional.empty();
    }

    private Optional<Finding> inputs(Optional<String> approvedProtocol) throws IOException {
        Path copy = dir.resolve(FileDatasetService.PROTOCOL);
        String protocolSha = approvedProtocol.orElse(Files.exists(copy) ? Sha256.of(copy) : "");
        Map<Path, String> locked = new LinkedHashMap<>();
        String lock = FileDatasetService.MANIFEST;
        for (Map.Entry<String, String> x :
                ChecksumManifest.read(dir.resolve(lock)).entries().entrySet()) {
            Path p = Path.of(x.getKey());
            Path f = p.isAbsolute() ? p : dir.resolve(p);
            boolean runCopy =
                    f.getFileName().toString().equals(FileDatasetService.PROTOCOL)
                            && x.getValue().equals(protocolSha);
            if (f.getFileName().toString().equals(InputCheckService.INVENTORY)) {
                // The image inventory is the run's own: checked in the run folder wherever it is.
                Path own = dir.resolve(InputCheckService.INVENTORY);
                if (!Files.isRegularFile(own) || !Sha256.of(own).equals(x.getValue())) {
                    return bad(
                            InputCheckService.INVENTORY,
                            InputCheckService.INVENTORY + " changed since the lock (" + lock + ")");
                }
                continue;
            }
            if (!runCopy) {
                locked.put(f, x.getValue());
                continue;
            }
            if (!Files.isRegularFile(copy) || !Sha256.of(copy).equals(x.getValue())) {
                return bad(
                        FileDatasetService.PROTOCOL,
                        FileDatasetService.PROTOCOL + " changed since the lock (" + lock + ")");
            }
        }
        Path root = commonFolder(List.copyOf(locked.keySet()));
        if (root != null && !Files.isDirectory(root)) {
            notes.add("inputs not available here: " + root + " is absent");
            return Optional.empty();
        }
        for (Map.Entry<Path, String> x : locked.entrySet()) {
            String name = x.getKey().toString();
            if (!Files.isRegularFile(x.getKey())) {
                return bad(name, "a locked input is missing: " + name + " (" + lock + " lists it)");
            }
            if (!Sha256.of(x.getKey()).equals(x.getValue())) {
                return bad(
                        name, "a locked input changed since the lock: " + name + " (" + lock + ")");
            }
            inputs++;
        }
        return Optional.empty();
    }

    /** Returns the deepest folder holding every one of {@code files}, or null for none. */
    static Path commonFolder(List<Path> files) {
        Path root = null;
        for (Path f : files) {
            Path parent = f.toAbsolutePath().normalize().getParent();
            if (root == null) {
                root = parent;
            }
            while (root != null && !parent.startsWith(root)) {
                root = root.getParent();
            }
        }
        return root;
    }

    private static Optional<Finding> bad(String what, String problem) {
        return Optional.of(new Finding(Kind.FILE, what, problem));
    }
}
