package org.clinval.app.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a path really points, even when its last parts do not exist yet. */
final class RealPath {

    private RealPath() {}

    /**
     * Returns {@code p} absolute and normalised, with its deepest existing ancestor resolved
     * through symbolic links, so that a path into OUT through a link is still seen as inside OUT.
     */
    static Path of(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
