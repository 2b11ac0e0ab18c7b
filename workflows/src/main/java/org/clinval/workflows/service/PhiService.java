package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;

/** Finds identifying data in images and removes it. */
public interface PhiService {

    /** Scans every file below {@code images} for identifying data. */
    PhiScan scan(Path images) throws IOException;

    /**
     * Writes de-identified copies of every file below {@code images} into {@code out} (same
     * relative names) and returns {@code out}.
     */
    Path deidentify(Path images, Path out) throws IOException;
}
