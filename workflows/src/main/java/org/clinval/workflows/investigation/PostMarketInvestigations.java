package org.clinval.workflows.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.delegate.RequireSignature;
import org.clinval.workflows.delegate.StudyRecords;
import org.clinval.workflows.engine.OpenMarker;
import org.clinval.workflows.engine.StudyProcessEngine;
import org.clinval.workflows.records.RunVerification;
import org.clinval.workflows.records.RunVerifier;
import org.clinval.workflows.signature.InvalidRegistryException;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import org.clinval.workflows.signature.Signer;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserRegistry;

/**
 * The post-market investigations of one surveillance output folder: opens one for an alarm (or
 * attaches the alarm to the open investigation of the same kind, stratum and metric), lists the
 * tasks waiting, completes one with an electronic signature. Everything lives in {@code
 * OUT/investigations/} as a study lives in its run folder: the engine's H2 database ({@code
 * engine/}), {@code audit-trail.jsonl} with its head and checkpoints, {@code signatures.jsonl}, one
 * folder per investigation ({@code INV-0001/}: each alarm as received and each task's signed
 * record) and {@code investigations.json}, refreshed after every change. The site key stays
 * outside; {@link #verify} checks the folder as {@code clinval audit verify} checks a run.
 *
 * <p>Not thread-safe; close it when done.
 */
public final class PostMarketInvestigations implements AutoCloseable {

    /** The folder of the investigations in a surveillance output folder. */
    public static final String DIR = "investigations";

    /** The summary of every investigation, in {@link #DIR}. */
    public static final String FILE = "investigations.json";

    private final ProcessEngine engine;
    private final StudyRecords records;
    private final Path dir;
    private final OpenMarker marker;
    private final InvestigationHistory history;

    private PostMarketInvestigations(
            ProcessEngine engine, StudyRecords records, Path dir, OpenMarker marker) {
        this.engine = engine;
        this.records = records;
        this.dir = dir;
        this.marker = marker;
        this.history = new InvestigationHistory(engine, dir, records.siteKey().publicKey());
    }

    /**
     * Opens the investigations of surveillance output folder {@code out}, creating {@code
     * out/investigations/} if needed.
     *
     * @param users the user registry file the signatures are checked against
     * @param siteKey the unlocked site key that signs the trail and the signatures
     * @param clock the clock of audit and signature times
     * @param revalidation what a revalidation decision asks of the application
     * @throws IllegalStateException if another program has the folder open
     */
    public static PostMarketInvestigations in(
            Path out, Path users, SiteKey siteKey, Clock clock, RevalidationRequests revalidation)
            throws IOException {
        Path dir = Files.createDirectories(out.toAbsolutePath().normalize().resolve(DIR));
        StudyRecords records = new StudyRecords(clock, siteKey, users);
        OpenMarker marker = OpenMarker.take(dir);
        try {
            ProcessEngine engine =
                    StudyProcessEngine.create(
                            StudyProcessEngine.h2Url(dir),
                            "sa",
                            "",
                            false,
                            InvestigationDelegates.beans(revalidation, records, dir));
            engine.getRepositoryService()
                    .createDeployment()
                    .name(PostMarketInvestigation.PROCESS)
                    .addClasspathResource(PostMarketInvestigation.RESOURCE)
                    .enableDuplicateFiltering(true)
                    .deploy();
            return new PostMarketInvestigations(engine, records, dir, marker);
        } catch (RuntimeException e) {
            marker.close();
            throw e;
        }
    }

    /** As {@link #in(Path, Path, SiteKey, Clock, RevalidationRequests)} on the system clock. */
    public static PostMarketInvestigations in(
            Path out, Path users, SiteKey siteKey, RevalidationRequests revalidation)
            throws IOException {
        return in(out, users, siteKey, Clock.systemUTC(), revalidation);
    }

    /**
     * Verifies the investigations folder of {@code out} with the site's public key, as {@code
     * clinval audit verify out/investigations} does: the trail's chain and every entry, head and
     * checkpoint signature, every electronic signature and every file the trail recorded.
     */
    public static RunVerification verify(Path out, PublicSiteKey key) throws IOException {
        return RunVerifier.verify(out.resolve(DIR), key);
    }

    /** Returns the investigations folder, {@code OUT/investigations}. */
    public Path folder() {
        return dir;
    }

    /**
     * Opens an investigation for {@code alarm}, or attaches the alarm to the open investigation of
     * the same kind, stratum and metric (recorded in the audit trail); refreshes {@value #FILE}. An
     * alarm already recorded (a re-run over the same alarms) changes nothing.
     *
     * @return the investigation the alarm opened or was attached to now; empty if it was already
     *     recorded (see {@link #investigationOf})
     */
    public Optional<String> open(AlarmInput alarm) throws IOException {
        if (investigationOf(alarm.alarmId()).isPresent()) {
            return Optional.empty();
        }
        Optional<ProcessInstance> same =
                engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(PostMarketInvestigation.PROCESS)
                        .variableValueEquals(PostMarketInvestigation.VAR_KIND, alarm.kind())
                        .variableValueEquals(PostMarketInvestigation.VAR_STRATUM, alarm.stratum())
                        .variableValueEquals(PostMarketInvestigation.VAR_METRIC, alarm.metric())
                        .orderByBusinessKey()
                        .asc()
                        .list()
                        .stream()
                        .findFirst();
        String id = same.map(ProcessInstance::getBusinessKey).orElseGet(this::nextId);
        Path file = alarmFile(id, alarm.alarmId());
        Files.createDirectories(file.getParent());
        Files.write(file, Canonical.bytes(alarm.toJson()));
        if (same.isPresent()) {
            attach(same.get(), id, alarm, file);
        } else {
            audit().recordFile(
                            AuditTrail.SYSTEM,
                            "investigation opened",
                            file,
                            id + " for alarm " + alarm.alarmId() + " (" + alarm.subject() + ")");
            ArrayNode alarms = Canonical.array().add(alarm.toJson());
            Map<String, Object> vars = new HashMap<>();
            vars.put(PostMarketInvestigation.VAR_FOLDER, dir.toString());
            vars.put(PostMarketInvestigation.VAR_INVESTIGATION_ID, id);
            vars.put(PostMarketInvestigation.VAR_KIND, alarm.kind());
            vars.put(PostMarketInvestigation.VAR_STRATUM, alarm.stratum());
            vars.put(PostMarketInvestigation.VAR_METRIC, alarm.metric());
            vars.put(PostMarketInvestigation.VAR_WINDOW_START, alarm.windowStart());
            vars.put(PostMarketInvestigation.VAR_WINDOW_END, alarm.windowEnd());
            vars.put(PostMarketInvestigation.VAR_OPENED, records.clock().instant().toString());
            vars.put(PostMarketInvestigation.VAR_ALARMS, Canonical.bytes(alarms));
            engine.getRuntimeService()
                    .startProcessInstanceByKey(PostMarketInvestigation.PROCESS, id, vars);
        }
        refresh();
        return Optional.of(id);
    }

    private void attach(ProcessInstance p, String id, AlarmInput alarm, Path file) {
        audit().recordFile(
                        AuditTrail.SYSTEM,
                        "alarm attached",
                        file,
                        "alarm "
                                + alarm.alarmId()
                                + " attached to "
                                + id
                                + ", open on the same "
                                + alarm.subject());
        var runtime = engine.getRuntimeService();
        ArrayNode alarms =
                (ArrayNode)
                        Canonical.parse(
                                runtime.getVariable(p.getId(), PostMarketInvestigation.VAR_ALARMS));
        alarms.add(alarm.toJson());
        runtime.setVariable(p.getId(), PostMarketInvestigation.VAR_ALARMS, Canonical.bytes(alarms));
        String start =
                (String) runtime.getVariable(p.getId(), PostMarketInvestigation.VAR_WINDOW_START);
        String end =
                (String) runtime.getVariable(p.getId(), PostMarketInvestigation.VAR_WINDOW_END);
        if (alarm.windowStart().compareTo(start) < 0) {
            runtime.setVariable(
                    p.getId(), PostMarketInvestigation.VAR_WINDOW_START, alarm.windowStart());
        }
        if (alarm.windowEnd().compareTo(end) > 0) {
            runtime.setVariable(
                    p.getId(), PostMarketInvestigation.VAR_WINDOW_END, alarm.windowEnd());
        }
    }

    /** Returns the investigation that holds alarm {@code alarmId}, if one does. */
    public Optional<String> investigationOf(String alarmId) {
        for (HistoricProcessInstance p : history.instances()) {
            for (JsonNode a : InvestigationHistory.alarms(history.variables(p.getId()))) {
                if (a.path("alarm_id").asText().equals(alarmId)) {
                    return Optional.of(p.getBusinessKey());
                }
            }
        }
        return Optional.empty();
    }

    private String nextId() {
        long n =
                engine.getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(PostMarketInvestigation.PROCESS)
                        .count();
        return String.format(java.util.Locale.ROOT, "INV-%04d", n + 1);
    }

    private Path alarmFile(String id, String alarmId) {
        String name =
                alarmId.matches("[A-Za-z0-9._-]{1,64}") && !alarmId.startsWith(".")
                        ? alarmId
                        : org.clinval.common.Sha256.ofText(alarmId).substring(0, 16);
        return dir.resolve(id).resolve("alarm-" + name + ".json");
    }

    /** Returns every investigation, by id. */
    public List<Investigation> investigations() throws IOException {
        return history.all();
    }

    /** Returns the tasks waiting, oldest first. */
    public List<InvestigationTask> tasks() {
        List<InvestigationTask> out = new ArrayList<>();
        for (Task t :
                engine.getTaskService()
                        .createTaskQuery()
                        .processDefinitionKey(PostMarketInvestigation.PROCESS)
                        .orderByTaskCreateTime()
                        .asc()
                        .list()) {
            String key = t.getTaskDefinitionKey();
            String id =
                    (String)
                            engine.getRuntimeService()
                                    .getVariable(
                                            t.getProcessInstanceId(),
                                            PostMarketInvestigation.VAR_INVESTIGATION_ID);
            out.add(
                    new InvestigationTask(
                            t.getId(),
                            key,
                            t.getName(),
                            candidateGroup(t.getId()),
                            id,
                            t.getCreateTime().toInstant(),
                            PostMarketInvestigation.FIELDS.get(key),
                            PostMarketInvestigation.record(id, key),
                            PostMarketInvestigation.MEANINGS.get(key)));
        }
        return out;
    }

    private String candidateGroup(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .findFirst()
                .orElse("");
    }

    /**
     * Records {@code values} for a waiting task and signs and completes it as {@code user}. The
     * values are checked first (every field of {@link InvestigationTask#fields()}, a known priority
     * and decision); then the user must be in the task's group, the meaning allowed, the duties
     * rule kept and the password right; every refusal is audited. The signature is on the task's
     * record: the canonical JSON of the investigation's alarms, the values recorded by earlier
     * tasks and this task's values. The password array is cleared.
     *
     * @return the investigation as it is after the completion
     * @throws IllegalArgumentException if no such task waits or a value is missing or unknown
     * @throws SignatureRefusedException if the signature is refused
     */
    public Investigation complete(
            String taskId,
            String user,
            char[] password,
            Meaning meaning,
            Map<String, String> values)
            throws SignatureRefusedException, IOException {
        try {
            InvestigationTask task = task(taskId);
            Map<String, String> recorded = normalised(task.key(), values);
            String context = RequireSignature.context(task.key(), task.id());
            UserRegistry users = registry(user, task, context);
            Signer signer = new Signer(users, dir, records.siteKey(), records.clock());
            UserAccount account = account(signer, users, user, task, meaning, context);
            ProcessInstance p = instance(task);
            Map<String, Object> vars = engine.getRuntimeService().getVariables(p.getId());
            Optional<String> duty =
                    PostMarketInvestigation.dutyRefusal(
                            account,
                            task.key(),
                            Optional.ofNullable(
                                            vars.get(
                                                    PostMarketInvestigation.signerVariable(
                                                            PostMarketInvestigation
                                                                    .ROOT_CAUSE_ANALYSIS)))
                                    .map(Object::toString));
            if (duty.isPresent()) {
                signer.refuse(user, task.signs(), context, duty.get());
            }
            ObjectNode valueJson = Canonical.object();
            recorded.forEach(valueJson::put);
            Path file = dir.resolve(task.signs());
            Files.write(file, Canonical.bytes(record(task, vars, valueJson)));
            signer.sign(user, password, meaning, file, context);
            Map<String, Object> out = new HashMap<>();
            out.put(PostMarketInvestigation.valuesVariable(task.key()), Canonical.bytes(valueJson));
            if (task.key().equals(PostMarketInvestigation.DECISION)) {
                out.put(
                        PostMarketInvestigation.VAR_DECISION,
                        recorded.get(PostMarketInvestigation.VAR_DECISION));
                out.put(PostMarketInvestigation.VAR_CLOSED, records.clock().instant().toString());
            }
            engine.getTaskService().claim(taskId, user);
            engine.getIdentityService().setAuthenticatedUserId(user);
            try {
                engine.getTaskService().complete(taskId, out);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            refresh();
            return history.all().stream()
                    .filter(i -> i.investigationId().equals(task.investigationId()))
                    .findFirst()
                    .orElseThrow();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * What a signature completing task {@code taskId} with {@code values} would be on: the record's
     * file (relative to the investigations folder) and the SHA-256 of the bytes {@link #complete}
     * would write, so a signer sees what is signed before signing it. Nothing is written.
     *
     * @throws IllegalArgumentException if no such task waits or a value is missing or unknown
     */
    public SignedRecord preview(String taskId, Map<String, String> values) {
        InvestigationTask task = task(taskId);
        Map<String, String> recorded = normalised(task.key(), values);
        ObjectNode valueJson = Canonical.object();
        recorded.forEach(valueJson::put);
        Map<String, Object> vars = engine.getRuntimeService().getVariables(instance(task).getId());
        byte[] bytes = Canonical.bytes(record(task, vars, valueJson));
        return new SignedRecord(task.signs(), org.clinval.common.Sha256.of(bytes));
    }

    /**
     * The record a signature is on.
     *
     * @param file its name, relative to the investigations folder
     * @param sha256 the SHA-256 of its bytes
     */
    public record SignedRecord(String file, String sha256) {}

    private InvestigationTask task(String taskId) {
        return tasks().stream()
                .filter(t -> t.id().equals(taskId))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no investigation task " + taskId + " waits in " + dir));
    }

    /** Returns the values checked, trimmed, the decision as its key. */
    private static Map<String, String> normalised(String key, Map<String, String> values) {
        PostMarketInvestigation.checkValues(key, values);
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.trim()));
        if (out.containsKey(PostMarketInvestigation.VAR_DECISION)) {
            out.put(
                    PostMarketInvestigation.VAR_DECISION,
                    Decision.parse(out.get(PostMarketInvestigation.VAR_DECISION)).key());
        }
        return out;
    }

    /** Returns the verified user registry; a registry that does not verify refuses, audited. */
    private UserRegistry registry(String user, InvestigationTask task, String context)
            throws IOException, SignatureRefusedException {
        try {
            return UserRegistry.load(records.users(), records.siteKey().publicKey());
        } catch (InvalidRegistryException e) {
            new Signer(UserRegistry.empty(records.users()), dir, records.siteKey(), records.clock())
                    .refuse(
                            user,
                            task.signs(),
                            context,
                            "the user registry does not verify: " + e.getMessage());
            throw e; // not reached: refuse throws
        }
    }

    private UserAccount account(
            Signer signer,
            UserRegistry users,
            String user,
            InvestigationTask task,
            Meaning meaning,
            String context)
            throws SignatureRefusedException {
        Optional<UserAccount> account = users.find(user);
        if (account.isEmpty()) {
            signer.refuse(user, task.signs(), context, "unknown user");
        } else if (!account.get().isIn(task.candidateGroup())) {
            signer.refuse(user, task.signs(), context, "not in group " + task.candidateGroup());
        } else if (!task.meanings().contains(meaning)) {
            signer.refuse(
                    user,
                    task.signs(),
                    context,
                    "meaning " + meaning.key() + " is not one of " + task.meanings());
        }
        return account.get();
    }

    private ProcessInstance instance(InvestigationTask task) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(task.investigationId())
                .processDefinitionKey(PostMarketInvestigation.PROCESS)
                .singleResult();
    }

    /** The signed record of a task: the alarms, the earlier tasks' values and its own. */
    private static ObjectNode record(
            InvestigationTask task, Map<String, Object> vars, ObjectNode values) {
        ObjectNode o = Canonical.object();
        o.put("investigation_id", task.investigationId());
        o.put("task", task.key());
        o.set("alarms", Canonical.parse(vars.get(PostMarketInvestigation.VAR_ALARMS)));
        ObjectNode earlier = o.putObject("recorded");
        for (String k :
                List.of(
                        PostMarketInvestigation.TRIAGE,
                        PostMarketInvestigation.ROOT_CAUSE_ANALYSIS)) {
            Map<String, String> v = InvestigationHistory.values(vars, k);
            if (!v.isEmpty() && !k.equals(task.key())) {
                ObjectNode n = earlier.putObject(PostMarketInvestigation.JSON_KEYS.get(k));
                v.forEach(n::put);
            }
        }
        o.set("values", values);
        return o;
    }

    private AuditTrail audit() {
        return records.trail(dir);
    }

    private void refresh() throws IOException {
        InvestigationsJson.write(dir.resolve(FILE), history.all());
    }

    /** Returns the embedded engine, for tests of the process. */
    ProcessEngine processEngine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            try {
                marker.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release " + dir, e);
            }
        }
    }
}
