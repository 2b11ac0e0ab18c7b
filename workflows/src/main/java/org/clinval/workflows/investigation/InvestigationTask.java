package org.clinval.workflows.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.clinval.workflows.signature.Meaning;

/**
 * A task of an investigation waiting for its signature.
 *
 * @param id the task id
 * @param key the step, e.g. {@code Triage}
 * @param name the step in words
 * @param candidateGroup who may complete it, e.g. {@code pms-analyst}
 * @param investigationId the investigation, e.g. {@code INV-0001}
 * @param created when it started waiting
 * @param fields the values completing it records, all required
 * @param signs the record a signature completing it is on, relative to the investigations folder
 * @param meanings the meanings such a signature may have
 */
public record InvestigationTask(
        String id,
        String key,
        String name,
        String candidateGroup,
        String investigationId,
        Instant created,
        List<String> fields,
        String signs,
        Set<Meaning> meanings) {

    public InvestigationTask {
        fields = List.copyOf(fields);
        meanings = Set.copyOf(meanings);
    }
}
