package org.clinval.workflows.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.delegate.RequireSignature;
import org.clinval.workflows.delegate.StudyRecords;
import org.clinval.workflows.delegate.StudyStepException;
import org.clinval.workflows.signature.InvalidRegistryException;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.Signer;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserRegistry;

/**
 * Guards the investigation's user tasks as {@link RequireSignature} guards a study's. On {@code
 * create} it records the waiting task in the audit trail. On {@code complete} it refuses (and so
 * rolls back) the completion unless the assignee is a user of the verified registry in the task's
 * group whom {@link PostMarketInvestigation#dutyRefusal} lets sign, the task's record holds the
 * values being recorded, and the folder holds the assignee's site-key-signed electronic signature
 * for this very task on the record as it is now (same SHA-256) with an allowed meaning; then it
 * records the completion under the user's name. Every refusal is audited.
 */
public final class InvestigationSignature implements TaskListener {

    private final StudyRecords records;
    private final java.util.function.Supplier<Path> folder;

    public InvestigationSignature(StudyRecords records, java.util.function.Supplier<Path> folder) {
        this.records = records;
        this.folder = folder;
    }

    @Override
    public void notify(DelegateTask task) {
        Path folder = this.folder.get();
        String id = text(task, PostMarketInvestigation.VAR_INVESTIGATION_ID);
        String key = task.getTaskDefinitionKey();
        String group = PostMarketInvestigation.GROUPS.get(key);
        if (group == null) {
            throw new StudyStepException("task " + key + " is not a task of the investigation");
        }
        AuditTrail audit = records.trail(folder);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            audit.record(
                    AuditTrail.SYSTEM,
                    key + " is waiting",
                    "investigation " + id,
                    "task " + task.getId() + ", candidate group " + group,
                    Optional.empty());
            return;
        }
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String user = task.getAssignee();
        if (user == null) {
            throw new StudyStepException(
                    key + " of " + id + " needs an electronic signature: no signer claimed it");
        }
        String object = PostMarketInvestigation.record(id, key);
        String context = RequireSignature.context(key, task.getId());
        Path file = folder.resolve(object);
        try {
            if (!Files.exists(file)) {
                throw new StudyStepException(key + ": the signed record " + object + " is missing");
            }
            refuseUnless(audit, signer(task, user, group), user, object, context);
            JsonNode recorded =
                    Canonical.parse(Files.readString(file, StandardCharsets.UTF_8), object);
            JsonNode values =
                    Canonical.parse(task.getVariable(PostMarketInvestigation.valuesVariable(key)));
            if (!Canonical.sorted(recorded.path("values")).equals(Canonical.sorted(values))) {
                refuseUnless(
                        audit,
                        Optional.of("the values recorded are not those of the signed record"),
                        user,
                        object,
                        context);
            }
            String sha = Sha256.of(file);
            PublicSiteKey site = records.siteKey().publicKey();
            Signature sig =
                    Signer.signatures(folder).stream()
                            .filter(g -> g.verifies(site))
                            .filter(g -> g.context().equals(context) && g.userId().equals(user))
                            .filter(
                                    g ->
                                            PostMarketInvestigation.MEANINGS
                                                    .get(key)
                                                    .contains(g.meaning()))
                            .filter(g -> g.object().equals(object) && g.objectSha256().equals(sha))
                            .reduce((a, b) -> b)
                            .orElseThrow(
                                    () ->
                                            new StudyStepException(
                                                    key
                                                            + " of "
                                                            + id
                                                            + " needs an electronic signature of "
                                                            + user
                                                            + " on "
                                                            + object
                                                            + " (sha256 "
                                                            + sha
                                                            + ") meaning one of "
                                                            + PostMarketInvestigation.MEANINGS.get(
                                                                    key)
                                                            + "; none was found"));
            task.getExecution().setVariable(PostMarketInvestigation.signerVariable(key), user);
            audit.record(
                    user,
                    key + " completed",
                    object,
                    "signed " + sig.meaning().key() + " by " + sig.printedName(),
                    Optional.of(sha));
        } catch (IOException e) {
            throw new StudyStepException(
                    key + " of " + id + ": cannot read its records: " + e.getMessage(), e);
        }
    }

    /** Returns why the registry, the group or the duties exclude {@code user}, or empty. */
    private Optional<String> signer(DelegateTask task, String user, String group)
            throws IOException {
        try {
            UserRegistry users = UserRegistry.load(records.users(), records.siteKey().publicKey());
            Optional<UserAccount> account = users.find(user);
            if (account.isEmpty()) {
                return Optional.of("unknown user");
            }
            if (!account.get().isIn(group)) {
                return Optional.of("not in group " + group);
            }
            Object rootCause =
                    task.getVariable(
                            PostMarketInvestigation.signerVariable(
                                    PostMarketInvestigation.ROOT_CAUSE_ANALYSIS));
            return PostMarketInvestigation.dutyRefusal(
                    account.get(),
                    task.getTaskDefinitionKey(),
                    Optional.ofNullable(rootCause).map(Object::toString));
        } catch (InvalidRegistryException e) {
            return Optional.of("the user registry does not verify: " + e.getMessage());
        }
    }

    private static void refuseUnless(
            AuditTrail audit, Optional<String> why, String user, String object, String context) {
        if (why.isEmpty()) {
            return;
        }
        audit.record(
                user,
                "signature refused",
                object,
                why.get() + " (" + context + ")",
                Optional.empty());
        throw new StudyStepException(
                "signature of " + user + " refused: " + why.get() + " (" + context + ")");
    }

    static String text(org.camunda.bpm.engine.delegate.VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new StudyStepException("the investigation has no '" + name + "' variable: " + v);
        }
        return s;
    }
}
