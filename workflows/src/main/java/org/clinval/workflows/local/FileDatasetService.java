package org.clinval.workflows.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clinval.common.Sha256;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.DatasetException;
import org.clinval.workflows.service.DatasetManifest;
import org.clinval.workflows.service.DatasetService;
import org.clinval.workflows.service.InputCheckService;

/**
 * Registers and locks the inputs of a study by their SHA-256: the approved copy of the protocol in
 * the run folder (the study reads only that copy), the model descriptor, the ground truth, a reader
 * study's reads file and its copy in the run folder ({@link
 * org.clinval.workflows.readers.ReadsCopy}), the image inventory (which holds the SHA-256 of every
 * image file under its pseudonymous id, so that no folder or file name of the images reaches the
 * manifest), and every file below the features folder. The images themselves are compared with the
 * inventory by the input check service. Registration writes {@value #REGISTRATION}; the lock hashes
 * the same folders again (so added and removed files show too) and writes {@value #MANIFEST} only
 * when nothing differs. Both use absolute paths, so {@code sha256sum -c} checks them from anywhere.
 */
public final class FileDatasetService implements DatasetService {

    /** The registration's file name in the run folder. */
    public static final String REGISTRATION = "registration.sha256";

    /** The lock's file name in the run folder. */
    public static final String MANIFEST = "manifest.sha256";

    /** The approved protocol's file name in the run folder. */
    public static final String PROTOCOL = "protocol.yaml";

    private static final int SHOWN = 10;

    @Override
    public DatasetManifest register(StudyProtocol protocol, Path runDir)
            throws IOException, DatasetException {
        Files.createDirectories(runDir);
        Path copy = runDir.resolve(PROTOCOL).toAbsolutePath().normalize();
        if (!copy.equals(protocol.file())) {
            Files.copy(protocol.file(), copy, StandardCopyOption.REPLACE_EXISTING);
        }
        String model = Sha256.of(protocol.device().model());
        if (!model.equals(protocol.device().sha256())) {
            throw new DatasetException(
                    "device.model "
                            + protocol.device().model()
                            + " has SHA-256 "
                            + model
                            + " but the protocol states "
                            + protocol.device().sha256());
        }
        if (protocol.readerStudy().isPresent()) {
            org.clinval.workflows.readers.ReadsCopy.write(
                    protocol.readerStudy().get().reads(),
                    runDir.resolve(org.clinval.workflows.readers.ReadsCopy.FILE),
                    InputCheckService.caseKey(runDir));
        }
        ChecksumManifest m = inputs(protocol, copy);
        Path file = runDir.resolve(REGISTRATION);
        return new DatasetManifest(file, m.write(file), m.entries().size());
    }

    @Override
    public DatasetManifest lock(StudyProtocol protocol, Path runDir)
            throws IOException, DatasetException {
        Path registration = runDir.resolve(REGISTRATION);
        if (!Files.exists(registration)) {
            throw new DatasetException(
                    "the inputs were never registered: " + registration + " is missing");
        }
        ChecksumManifest before = ChecksumManifest.read(registration);
        ChecksumManifest now =
                inputs(protocol, runDir.resolve(PROTOCOL).toAbsolutePath().normalize());
        List<String> diff = new ArrayList<>();
        before.differences(now).forEach((name, how) -> diff.add(name + " " + how));
        diff.addAll(imageChanges(protocol, runDir));
        if (!diff.isEmpty()) {
            throw new DatasetException(
                    "the inputs changed since registration ("
                            + diff.size()
                            + (diff.size() == 1 ? " change" : " changes")
                            + "): "
                            + String.join("; ", diff.subList(0, Math.min(SHOWN, diff.size())))
                            + (diff.size() > SHOWN ? "; …" : ""));
        }
        Path file = runDir.resolve(MANIFEST);
        return new DatasetManifest(file, now.write(file), now.entries().size());
    }

    /**
     * Returns how the images differ from the inventory registered in {@code runDir} (compared
     * through the case key beside it, files named by pseudonymous id); empty without an inventory.
     */
    public static List<String> imageChanges(StudyProtocol protocol, Path runDir)
            throws IOException {
        Path inventory = runDir.resolve(InputCheckService.INVENTORY);
        if (!Files.exists(inventory)) {
            return List.of();
        }
        Path key = InputCheckService.caseKey(runDir);
        if (!Files.exists(key)) {
            return List.of(
                    "the case key " + key.getFileName() + " beside the run folder is missing");
        }
        return org.clinval.common.ImageInventory.changes(
                protocol.dataset().dicom(), inventory, key);
    }

    private static ChecksumManifest inputs(StudyProtocol p, Path copy) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        add(out, copy);
        add(out, p.device().model());
        add(out, p.dataset().groundTruth());
        if (p.readerStudy().isPresent()) {
            // The reads as the readers gave them, and the run's copy the analysis reads.
            add(out, p.readerStudy().get().reads());
            add(out, copy.resolveSibling(org.clinval.workflows.readers.ReadsCopy.FILE));
        }
        // The images by their inventory (pseudonymous ids and SHA-256), never by their names.
        add(out, copy.resolveSibling(InputCheckService.INVENTORY));
        if (p.features().isPresent()) {
            folder(out, p.features().get());
        }
        return new ChecksumManifest(out);
    }

    private static void folder(SortedMap<String, String> out, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return; // a removed folder shows as every one of its files removed
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                add(out, f);
            }
        }
    }

    private static void add(SortedMap<String, String> out, Path f) throws IOException {
        Path abs = f.toAbsolutePath().normalize();
        if (Files.isRegularFile(abs)) {
            out.put(abs.toString().replace(java.io.File.separatorChar, '/'), Sha256.of(abs));
        }
    }
}
