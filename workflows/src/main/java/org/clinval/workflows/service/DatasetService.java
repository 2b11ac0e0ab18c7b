package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;
import org.clinval.workflows.protocol.StudyProtocol;

/** Registers a study's inputs and later locks them, proving they did not change in between. */
public interface DatasetService {

    /**
     * Copies the protocol into {@code runDir} and records the SHA-256 of every input file (model
     * descriptor, ground truth, each DICOM file).
     *
     * @throws DatasetException if an input is unusable, e.g. the model descriptor does not have the
     *     protocol's SHA-256
     */
    DatasetManifest register(StudyProtocol protocol, Path runDir)
            throws IOException, DatasetException;

    /**
     * Hashes the inputs again and writes {@code manifest.sha256} if nothing changed since {@link
     * #register}.
     *
     * @throws DatasetException naming every file changed, added or removed since registration
     */
    DatasetManifest lock(StudyProtocol protocol, Path runDir) throws IOException, DatasetException;
}
