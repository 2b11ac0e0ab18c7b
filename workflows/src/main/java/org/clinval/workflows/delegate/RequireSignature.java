package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.signature.InvalidRegistryException;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.Signer;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserRegistry;

/**
 * Guards the signed user tasks. On {@code create} it records the task in the audit trail. On {@code
 * complete} it refuses (and so rolls back) the completion unless the assignee is a user of the
 * (verified) registry in the task's group whom {@link SignerDuties} lets sign, and the run folder
 * holds a site-key-signed electronic signature for this very task by the assignee, with a meaning
 * allowed for the task, on the task's record as it is now (same SHA-256); then it records the
 * completion under the user's name. Every refusal is audited. The rules therefore hold however the
 * task is completed, not only through the command line.
 */
public final class RequireSignature implements TaskListener {

    private final StudyRecords records;

    public RequireSignature(StudyRecords records) {
        this.records = records;
    }

    /** Returns the context a signature on task {@code taskId} carries. */
    public static String context(String taskKey, String taskId) {
        return "task " + taskKey + " " + taskId;
    }

    @Override
    public void notify(DelegateTask task) {
        StudyContext s = StudyContext.of(task, records);
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
                            "candidate group " + group(task),
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
            PublicSiteKey site = records.siteKey().publicKey();
            List<Signature> all =
                    Signer.signatures(s.runDir()).stream().filter(g -> g.verifies(site)).toList();
            signer(s, task, user, object);
            String sha = Sha256.of(file);
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

    /** Refuses (audited) a signer the registry, the task's group or the duties rule exclude. */
    private void signer(StudyContext s, DelegateTask task, String user, String object)
            throws IOException {
        String key = task.getTaskDefinitionKey();
        String why;
        try {
            UserRegistry users = UserRegistry.load(records.users(), records.siteKey().publicKey());
            Optional<UserAccount> account = users.find(user);
            String group = group(task);
            if (account.isEmpty()) {
                why = "unknown user";
            } else if (!account.get().isIn(group)) {
                why = "not in group " + group;
            } else {
                boolean both = SignerDuties.protocolAllowsBothRoles(s.runDir(), s.protocolBase());
                why =
                        SignerDuties.refusal(
                                        account.get(),
                                        key,
                                        both,
                                        SignerDuties.approvers(
                                                s.runDir(), records.siteKey().publicKey()))
                                .orElse(null);
            }
        } catch (InvalidRegistryException e) {
            why = "the user registry does not verify: " + e.getMessage();
        }
        if (why == null) {
            return;
        }
        String context = context(key, task.getId());
        s.audit()
                .record(
                        user,
                        "signature refused",
                        object,
                        why + " (" + context + ")",
                        Optional.empty());
        throw new StudyStepException(
                key + ": signature of " + user + " refused: " + why + " (" + context + ")");
    }

    private static String group(DelegateTask task) {
        return task.getCandidates().stream()
                .map(c -> c.getGroupId())
                .filter(g -> g != null)
                .findFirst()
                .orElse("(none)");
    }
}
