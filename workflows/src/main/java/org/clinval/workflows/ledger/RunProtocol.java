package org.clinval.workflows.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.protocol.InvalidProtocolException;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The approved protocol of a run folder, read after the study: the copy in the run folder, its
 * relative paths resolved from the folder of the protocol the study was started with (which {@code
 * study.json} records), as the study's own steps read it.
 */
final class RunProtocol {

    private RunProtocol() {}

    /**
     * Reads the approved protocol of run folder {@code runDir}.
     *
     * @throws IOException if the run has no {@code study.json} or protocol copy, or the copy does
     *     not read as a protocol
     */
    static StudyProtocol read(Path runDir) throws IOException {
        Path study = runDir.resolve(StudyEngine.STUDY_FILE);
        Path copy = runDir.resolve(FileDatasetService.PROTOCOL);
        if (!Files.isRegularFile(study) || !Files.isRegularFile(copy)) {
            throw new IOException(
                    runDir
                            + " is not a study run folder: no "
                            + study.getFileName()
                            + " or "
                            + copy.getFileName());
        }
        JsonNode s = new ObjectMapper().readTree(study.toFile());
        String started = s.path("protocol").asText("");
        if (started.isEmpty()) {
            throw new IOException(study + " does not name the study's protocol");
        }
        Path base = Path.of(started).toAbsolutePath().getParent();
        try {
            return ProtocolReader.read(copy, base, false);
        } catch (InvalidProtocolException e) {
            throw new IOException(copy + " is not a protocol: " + e.getMessage(), e);
        }
    }
}
