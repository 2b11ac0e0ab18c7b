package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Checks a study's inputs the way the study will use them: the model descriptor and its weights,
 * the ground truth, every file of the image folder (readable, decodable, of an accepted modality,
 * without burned-in text, of a size the model takes, not a duplicate), and the join of images and
 * ground truth into pseudonymous cases.
 */
public interface InputCheckService {

    /** The inventory of every image file, by pseudonymous id, in a run folder. */
    String INVENTORY = "dataset-inventory.csv";

    /**
     * Returns where the case key of run folder {@code runDir} is kept: beside it, as {@code
     * <run>.case-key.csv}, never inside it (it maps pseudonyms to file names, which may identify
     * patients).
     */
    static Path caseKey(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".case-key.csv");
    }

    /**
     * Checks the inputs of {@code protocol}. With a run folder, also writes {@value #INVENTORY}
     * into it and the case key (pseudonyms to file names) beside it, never into it.
     *
     * @param progress receives the number of image files checked so far
     */
    InputCheck check(StudyProtocol protocol, Optional<Path> runDir, LongConsumer progress)
            throws IOException;
}
