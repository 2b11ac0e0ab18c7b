package org.clinval.features.suite;

import io.cucumber.java.After;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A scenario's scratch folder, removed after the scenario. */
public final class SuiteWorld {

    private Path dir;

    /** Returns the scenario's folder, created on first use. */
    public Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("clinval-srs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** Removes the folder; a hook of this class, so it runs once per scenario. */
    @After
    public void cleanUp() throws IOException {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
