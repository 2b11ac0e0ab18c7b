package org.clinval.app.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.app.cli.UserError;

/** The files a DICOM command works on: named files, and every regular file under named folders. */
final class DicomInputs {

    private DicomInputs() {}

    /**
     * Returns the regular files under {@code path} (itself if a file), sorted, for a stable order.
     */
    static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new UserError(path + ": no such file or folder");
        }
        try (Stream<Path> s = Files.walk(path)) {
            List<Path> out = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            return out;
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(path + ": cannot list the folder: " + e.getMessage(), e);
        }
    }
}
