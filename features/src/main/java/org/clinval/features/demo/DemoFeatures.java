package org.clinval.features.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The acceptance criteria of the demo study {@code CLV-DEMO-001} as a feature file on the class
 * path ({@value #RESOURCE}), tagged with the requirement, risk control and hazard ids of the demo
 * risk management file.
 */
public final class DemoFeatures {

    /** The feature file's class-path resource. */
    public static final String RESOURCE = "org/clinval/features/demo/nodule-classifier.feature";

    /** The file name it is written under. */
    public static final String FILE_NAME = "nodule-classifier.feature";

    private DemoFeatures() {}

    /**
     * Writes the demo feature file into folder {@code dir} (created if needed), e.g. the features
     * folder a demo protocol names, and returns the file.
     */
    public static Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(FILE_NAME);
        try (InputStream in = DemoFeatures.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new NoSuchFileException(RESOURCE + " is not on the class path");
            }
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }
}
