package org.clinval.workflows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a study stands.
 *
 * @param runDir the run folder
 * @param studyId the study
 * @param processInstanceId the process instance
 * @param state active, incident, or an end state
 * @param activities the steps the study is at (empty once ended)
 * @param tasks the user tasks waiting
 * @param incidents the messages of the incidents that stop it
 * @param stopReason why the study stopped, when it did
 */
public record StudyStatus(
        Path runDir,
        String studyId,
        String processInstanceId,
        StudyState state,
        List<String> activities,
        List<StudyTask> tasks,
        List<String> incidents,
        Optional<String> stopReason) {

    public StudyStatus {
        activities = List.copyOf(activities);
        tasks = List.copyOf(tasks);
        incidents = List.copyOf(incidents);
    }

    /** Returns whether the study has ended. */
    public boolean ended() {
        return state == StudyState.PASSED
                || state == StudyState.FAILED
                || state == StudyState.STOPPED
                || state == StudyState.CANCELLED;
    }
}
