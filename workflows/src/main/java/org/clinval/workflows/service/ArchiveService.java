package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;

/** Archives a run folder with a checksum manifest of its content. */
public interface ArchiveService {

    /** Archives {@code runDir} (without the archive folder itself) and returns what was written. */
    ArchiveResult archive(Path runDir, String studyId) throws IOException;
}
