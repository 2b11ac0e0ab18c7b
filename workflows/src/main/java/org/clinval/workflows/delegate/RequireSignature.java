package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.clinval.common.Sha256;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.Signer;

/**
 * Guards the signed user tasks. On {@code create} it records the task in the audit trail. On {@code
 * complete} it refuses (and so rolls back) the completion unless the run folder holds an electronic
 * signature for this very task by its assignee, with a meaning allowed for the task, on the task's
 * record as it is now (same SHA-256); then it records the completion under the user's name. The
 * rule therefore holds however the task is completed, not only through the command line.
 */
public final class RequireSignature implements TaskListener {

    private final Clock clock;

    public RequireSignature(Clock clock) {
        this.clock = clock;
    }

    /** Returns the context a signature on task {@code taskId} carries. */
    public static String context(String taskKey, String taskId) {
        return "task " + taskKey + " " + taskId;
    }

    @Override
    public void notify(DelegateTask task) {
        StudyContext s = StudyContext.of(task, clock);
        String key = task.getTaskDefinitionKey();
        String object = ValidationStudy.SIGNED_OBJECT.get(key);
        if (object == null) {
            throw new StudyStepException("task " + key + " has no signed record");
        }
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            s.audit()
                    .record(
                            AuditTrail.SYSTEM,
                            key + " is waiting",
                            "task " + task.getId(),
                            "candidate group "
                                    + task.getCandidates().stream()
                                            .map(c -> c.getGroupId())
                                            .filter(g -> g != null)
                                            .findFirst()
                                            .orElse("(none)"),
                            Optional.empty());
            return;
        }
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String user = task.getAssignee();
        if (user == null) {
            throw new StudyStepException(
                    key + " needs an electronic signature: the task was not claimed by a signer");
        }
        Path file = s.file(object);
        try {
            if (!Files.exists(file)) {
                throw new StudyStepException(key + ": the signed record " + object + " is missing");
            }
            String sha = Sha256.of(file);
            List<Signature> all = Signer.signatures(s.runDir());
            Signature sig =
                    all.stream()
                            .filter(g -> g.context().equals(context(key, task.getId())))
                            .filter(g -> g.userId().equals(user))
                            .filter(g -> ValidationStudy.MEANINGS.get(key).contains(g.meaning()))
                            .filter(g -> g.object().equals(object) && g.objectSha256().equals(sha))
                            .reduce((a, b) -> b)
                            .orElseThrow(
                                    () ->
                                            new StudyStepException(
                                                    key
                                                            + " needs an electronic signature of "
                                                            + user
                                                            + " on "
                                                            + object
                                                            + " (sha256 "
                                                            + sha
                                                            + ") meaning one of "
                                                            + ValidationStudy.MEANINGS.get(key)
                                                            + "; none was found"));
            s.audit()
                    .record(
                            user,
                            key + " completed",
                            object,
                            "signed " + sig.meaning().key() + " by " + sig.printedName(),
                            Optional.of(sha));
        } catch (IOException e) {
            throw new StudyStepException(
                    key + ": cannot read the signatures: " + e.getMessage(), e);
        }
    }
}
