package org.clinval.workflows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.clinval.workflows.signature.Meaning;

/**
 * A user task waiting for a signature.
 *
 * @param id the task id, unique across run folders
 * @param key the step, e.g. {@code ApproveProtocol}
 * @param name the step in words
 * @param candidateGroup who may complete it, e.g. {@code qa-lead}
 * @param created when it started waiting
 * @param runDir the study's run folder
 * @param studyId the study
 * @param signs what a signature completing it is on, relative to the run folder
 * @param meanings the meanings such a signature may have
 */
public record StudyTask(
        String id,
        String key,
        String name,
        String candidateGroup,
        Instant created,
        Path runDir,
        String studyId,
        String signs,
        Set<Meaning> meanings) {}
