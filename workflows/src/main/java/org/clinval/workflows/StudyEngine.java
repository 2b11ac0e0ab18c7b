package org.clinval.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.delegate.RequireSignature;
import org.clinval.workflows.delegate.SignerDuties;
import org.clinval.workflows.delegate.StudyDelegates;
import org.clinval.workflows.delegate.StudyRecords;
import org.clinval.workflows.engine.OpenMarker;
import org.clinval.workflows.engine.StudyProcessEngine;
import org.clinval.workflows.protocol.InvalidProtocolException;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.signature.InvalidRegistryException;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import org.clinval.workflows.signature.Signer;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserRegistry;

/**
 * The facade of the study process for the command line: start a study in a run folder, list its
 * waiting tasks, complete one with an electronic signature, resume it after a restart. One engine
 * serves one run folder; its state is in the run folder's H2 database (or the configured one), so a
 * study survives the end of the program.
 *
 * <p>Not thread-safe; close it when done.
 */
public final class StudyEngine implements AutoCloseable {

    /** The marker file a run folder of a study holds. */
    public static final String STUDY_FILE = "study.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ProcessEngine engine;
    private final StudySettings settings;
    private final Path runDir;
    private final String studyId;
    private final String processInstanceId;
    private final OpenMarker marker;

    private StudyEngine(
            ProcessEngine engine,
            StudySettings settings,
            Path runDir,
            String studyId,
            String processInstanceId,
            OpenMarker marker) {
        this.engine = engine;
        this.settings = settings;
        this.runDir = runDir;
        this.studyId = studyId;
        this.processInstanceId = processInstanceId;
        this.marker = marker;
    }

    /**
     * Runs every check a study would run on the inputs of {@code protocolFile}, without starting
     * it: the protocol, the model, the ground truth, every image; {@code progress} receives the
     * number of image files checked.
     *
     * @throws IOException if a folder cannot be listed
     */
    public static StudyCheckReport check(
            Path protocolFile, StudySettings settings, java.util.function.LongConsumer progress)
            throws IOException {
        return check(protocolFile, settings.services().inputs(), progress);
    }

    /**
     * Runs every check of {@link #check(Path, StudySettings, java.util.function.LongConsumer)} with
     * {@code inputs} alone: no site key, user registry or database is needed to check.
     */
    public static StudyCheckReport check(
            Path protocolFile,
            org.clinval.workflows.service.InputCheckService inputs,
            java.util.function.LongConsumer progress)
            throws IOException {
        StudyProtocol protocol;
        String name = protocolFile.getFileName().toString();
        try {
            protocol = ProtocolReader.read(protocolFile);
        } catch (InvalidProtocolException e) {
            return new StudyCheckReport(
                    e.problems().stream()
                            .map(
                                    p ->
                                            new org.clinval.common.Problem(
                                                    p.path().isEmpty()
                                                            ? name
                                                            : name + ", " + p.path(),
                                                    p.message()))
                            .toList(),
                    Optional.empty());
        }
        Optional<org.clinval.workflows.readers.ReaderStudyCheck.Result> readers =
                org.clinval.workflows.readers.ReaderStudyCheck.check(protocol);
        org.clinval.workflows.service.InputCheck c =
                inputs.check(protocol, Optional.empty(), progress)
                        .withProblems(
                                readers.map(
                                                org.clinval.workflows.readers.ReaderStudyCheck
                                                                .Result
                                                        ::problems)
                                        .orElse(java.util.List.of()));
        return new StudyCheckReport(c.problems(), Optional.of(c), readers);
    }

    /**
     * Checks {@code protocolFile} and starts its study in {@code runDir}: the protocol is
     * registered and the study waits for {@code ApproveProtocol}.
     *
     * @throws InvalidProtocolException listing every problem of the protocol
     * @throws IllegalArgumentException if {@code runDir} already holds a study
     */
    public static StudyEngine start(Path protocolFile, Path runDir, StudySettings settings)
            throws InvalidProtocolException, InvalidStudyInputsException, IOException {
        StudyProtocol protocol = ProtocolReader.read(protocolFile);
        Path dir = runDir.toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(STUDY_FILE))) {
            throw new IllegalArgumentException(
                    "the run folder already holds a study, resume it or choose another folder: "
                            + dir);
        }
        StudyCheckReport report = check(protocolFile, settings, n -> {});
        if (!report.ok()) {
            throw new InvalidStudyInputsException(report);
        }
        Files.createDirectories(dir);
        OpenMarker marker = OpenMarker.take(dir);
        ProcessEngine engine;
        try {
            engine = open(dir, settings);
        } catch (RuntimeException e) {
            marker.close();
            throw e;
        }
        try {
            deploy(engine);
            ProcessInstance pi =
                    engine.getRuntimeService()
                            .startProcessInstanceByKey(
                                    ValidationStudy.PROCESS,
                                    protocol.id(),
                                    Map.of(
                                            ValidationStudy.VAR_RUN_DIR, dir.toString(),
                                            ValidationStudy.VAR_PROTOCOL_SOURCE,
                                                    protocol.file().toString(),
                                            ValidationStudy.VAR_PROTOCOL_BASE,
                                                    protocol.file().getParent().toString(),
                                            ValidationStudy.VAR_STUDY_ID, protocol.id()));
            ObjectNode o = JSON.createObjectNode();
            o.put("study", protocol.id());
            o.put("process_instance", pi.getId());
            o.put("protocol", protocol.file().toString());
            o.put("database", settings.database().map(Object::toString).orElse("run folder"));
            Files.writeString(
                    dir.resolve(STUDY_FILE),
                    JSON.writeValueAsString(o) + "\n",
                    StandardCharsets.UTF_8);
            return new StudyEngine(engine, settings, dir, protocol.id(), pi.getId(), marker);
        } catch (RuntimeException | IOException e) {
            if (!shared(engine)) engine.close();
            marker.close();
            throw e;
        }
    }

    /**
     * Opens the study of {@code runDir} again, e.g. after the program ended; pending asynchronous
     * steps continue.
     *
     * @throws IllegalArgumentException if the folder holds no study
     */
    public static StudyEngine resume(Path runDir, StudySettings settings) throws IOException {
        Path dir = runDir.toAbsolutePath().normalize();
        Path marker = dir.resolve(STUDY_FILE);
        if (!Files.exists(marker)) {
            throw new IllegalArgumentException(
                    "not a study run folder (no " + STUDY_FILE + "): " + dir);
        }
        JsonNode o = JSON.readTree(marker.toFile());
        OpenMarker open = OpenMarker.take(dir);
        ProcessEngine engine;
        try {
            engine = open(dir, settings);
        } catch (RuntimeException e) {
            open.close();
            throw e;
        }
        try {
            deploy(engine);
        } catch (RuntimeException e) {
            if (!shared(engine)) engine.close();
            open.close();
            throw e;
        }
        StudyEngine e =
                new StudyEngine(
                        engine,
                        settings,
                        dir,
                        o.path("study").asText(),
                        o.path("process_instance").asText(),
                        open);
        if (open.interrupted().isPresent()) {
            e.recoverFromInterruption(open.interrupted().get());
        }
        return e;
    }

    /**
     * After a program stopped in the middle of this study (killed, crashed, power lost): releases
     * the job locks it held, so the interrupted step runs again at once, and records the
     * interruption, so the repeated step is explained in the audit trail.
     */
    private void recoverFromInterruption(String who) {
        List<String> activities =
                engine.getRuntimeService()
                                        .createProcessInstanceQuery()
                                        .processInstanceId(processInstanceId)
                                        .count()
                                == 0
                        ? List.of()
                        : engine.getRuntimeService().getActiveActivityIds(processInstanceId);
        List<String> unlocked = StudyProcessEngine.unlockJobs(engine, processInstanceId);
        audit().record(
                        AuditTrail.SYSTEM,
                        "study interrupted",
                        activities.isEmpty() ? "study" : String.join(", ", activities),
                        "the program working on the study ("
                                + who
                                + ") stopped without closing it"
                                + (unlocked.isEmpty()
                                        ? ""
                                        : "; "
                                                + String.join(", ", unlocked)
                                                + " will run again from its start"),
                        Optional.empty());
    }

    private AuditTrail audit() {
        return AuditTrail.in(runDir, settings.siteKey(), settings.clock());
    }

    /**
     * Continues the study after an interruption or a restart: records who asked and why, then runs
     * the steps that are due.
     */
    public StudyStatus resumeSteps(String reason) {
        audit().record(
                        operator(),
                        "study resumed",
                        "study",
                        reason == null || reason.isBlank() ? "resume requested" : reason.trim(),
                        Optional.empty());
        if (settings.jobExecutor()) {
            awaitJobs(Duration.ofHours(24));
        } else {
            executeJobs();
        }
        return status();
    }

    /**
     * Runs the failed step of a study in an incident again, once its cause is fixed, without a new
     * protocol signature — only when the locked inputs are unchanged.
     *
     * @throws IllegalStateException if the study has no incident, or its locked inputs changed
     */
    public StudyStatus retry(String reason) throws IOException {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a retry needs a reason: say what was fixed");
        }
        List<Incident> incidents =
                engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(processInstanceId)
                        .list();
        if (incidents.isEmpty()) {
            throw new IllegalStateException(
                    "the study has no incident to retry; it is " + status().state().key());
        }
        List<String> changed = lockedInputChanges();
        if (!changed.isEmpty()) {
            audit().record(
                            operator(),
                            "retry refused",
                            "study",
                            "the locked inputs changed: " + String.join("; ", changed),
                            Optional.empty());
            throw new IllegalStateException(
                    "the locked inputs changed since the lock, so the study cannot be retried under"
                            + " its approved protocol: "
                            + String.join("; ", changed.subList(0, Math.min(5, changed.size())))
                            + ". Cancel it and start a new run.");
        }
        for (Incident i : incidents) {
            audit().record(
                            operator(),
                            "step retried",
                            i.getActivityId(),
                            reason.trim() + " (after: " + message(i) + ")",
                            Optional.empty());
            if (i.getConfiguration() != null) {
                engine.getManagementService().setJobRetries(i.getConfiguration(), 1);
            }
        }
        if (settings.jobExecutor()) {
            awaitJobs(Duration.ofHours(24));
        } else {
            executeJobs();
        }
        return status();
    }

    /**
     * Returns how the locked inputs differ from {@code manifest.sha256} now; empty if they do not.
     */
    private List<String> lockedInputChanges() throws IOException {
        Path manifest = runDir.resolve(org.clinval.workflows.local.FileDatasetService.MANIFEST);
        if (!Files.exists(manifest)) {
            return List.of(); // not locked yet: the lock will compare
        }
        List<String> out = new ArrayList<>();
        org.clinval.workflows.files.ChecksumManifest m =
                org.clinval.workflows.files.ChecksumManifest.read(manifest);
        for (var e : m.entries().entrySet()) {
            Path f = Path.of(e.getKey());
            if (!Files.isRegularFile(f)) {
                out.add(f.getFileName() + " is missing");
            } else if (!org.clinval.common.Sha256.of(f).equals(e.getValue())) {
                out.add(f.getFileName() + " changed");
            }
        }
        StudyProtocol p;
        try {
            p = ProtocolReader.read(runDir.resolve("protocol.yaml"), protocolBase(), false);
        } catch (InvalidProtocolException e) {
            out.add("the approved protocol copy no longer reads: " + e.getMessage());
            return out;
        }
        out.addAll(org.clinval.workflows.local.FileDatasetService.imageChanges(p, runDir));
        return out;
    }

    /**
     * Ends the study by a qa-lead's decision: the user's password is checked, the reason recorded,
     * and the process ended. The password array is cleared.
     *
     * @throws SignatureRefusedException if the user is unknown, not a qa-lead, or the password is
     *     wrong; the refusal is audited
     */
    public StudyStatus cancel(String user, char[] password, String reason)
            throws SignatureRefusedException, IOException {
        try {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("cancelling a study needs a reason");
            }
            if (status().ended()) {
                throw new IllegalStateException(
                        "the study has already ended: " + status().state().key());
            }
            UserRegistry users =
                    UserRegistry.load(settings.users(), settings.siteKey().publicKey());
            Optional<UserAccount> a = users.find(user);
            String why =
                    a.isEmpty()
                            ? "unknown user"
                            : !a.get().isIn(ValidationStudy.QA_LEAD)
                                    ? "not in group " + ValidationStudy.QA_LEAD
                                    : !a.get().password().matches(password)
                                            ? "wrong password"
                                            : null;
            if (why != null) {
                audit().record(
                                user == null || user.isBlank() ? "(none)" : user,
                                "cancel refused",
                                "study",
                                why,
                                Optional.empty());
                throw new SignatureRefusedException("cancel refused for " + user + ": " + why);
            }
            audit().record(user, "study cancelled", "study", reason.trim(), Optional.empty());
            engine.getRuntimeService()
                    .deleteProcessInstance(
                            processInstanceId, "cancelled by " + user + ": " + reason.trim());
            // A cancelled study is sealed like an ended one: what it holds can be verified.
            org.clinval.workflows.records.RunSeal.write(
                    runDir, settings.siteKey(), settings.clock());
            return status();
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** The operating-system account that runs the command, for operator actions in the trail. */
    private static String operator() {
        String name = System.getProperty("user.name", "");
        return "operator:" + (name.isBlank() ? "unknown" : name);
    }

    /** A process engine shared by the studies of this program on one database. */
    private static final class SharedEngine {
        final ProcessEngine engine;
        int handles;

        SharedEngine(ProcessEngine engine) {
            this.engine = engine;
        }
    }

    private static final Map<String, SharedEngine> SHARED = new java.util.HashMap<>();

    /** A hold on the shared engine of a database; closing the last hold closes the engine. */
    public static final class Sharing implements AutoCloseable {
        private final String key;
        private final SharedEngine shared;
        private boolean closed;

        private Sharing(String key, SharedEngine shared) {
            this.key = key;
            this.shared = shared;
        }

        @Override
        public void close() {
            synchronized (SHARED) {
                if (closed) return;
                closed = true;
                if (--shared.handles == 0) {
                    SHARED.remove(key);
                    shared.engine.close();
                }
            }
        }
    }

    /**
     * While the returned hold is open, every study this program starts or opens on the database of
     * {@code settings} runs on one process engine, built here from {@code settings} (its steps,
     * records and job executor setting), instead of an engine of its own per opening: the server
     * keeps one engine for all its studies this way. Closing a study does not close the shared
     * engine; closing the last hold does.
     *
     * @throws IllegalArgumentException if {@code settings} name no database (run folders' H2 files
     *     are one database per study and cannot be shared)
     */
    public static Sharing shareEngine(StudySettings settings) {
        StudySettings.Database d =
                settings.database()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "only a database given by URL can be shared, not"
                                                        + " the run folders' own H2 files"));
        String key = d.toString();
        synchronized (SHARED) {
            SharedEngine shared = SHARED.get(key);
            if (shared == null) {
                shared = new SharedEngine(build(null, settings));
                deploy(shared.engine);
                SHARED.put(key, shared);
            }
            shared.handles++;
            return new Sharing(key, shared);
        }
    }

    /** Whether {@code engine} is a shared one, which closing a study leaves open. */
    private static boolean shared(ProcessEngine engine) {
        synchronized (SHARED) {
            return SHARED.values().stream().anyMatch(x -> x.engine == engine);
        }
    }

    private static ProcessEngine open(Path dir, StudySettings s) {
        if (s.database().isPresent()) {
            synchronized (SHARED) {
                SharedEngine shared = SHARED.get(s.database().get().toString());
                if (shared != null) return shared.engine;
            }
        }
        return build(dir, s);
    }

    private static ProcessEngine build(Path dir, StudySettings s) {
        Map<Object, Object> beans =
                StudyDelegates.beans(
                        s.services(),
                        new StudyRecords(s.clock(), s.siteKey(), s.users(), s.ledger()));
        return s.database()
                .map(
                        d ->
                                StudyProcessEngine.create(
                                        d.url(), d.user(), d.password(), s.jobExecutor(), beans))
                .orElseGet(
                        () ->
                                StudyProcessEngine.create(
                                        StudyProcessEngine.h2Url(dir),
                                        "sa",
                                        "",
                                        s.jobExecutor(),
                                        beans));
    }

    private static void deploy(ProcessEngine engine) {
        engine.getRepositoryService()
                .createDeployment()
                .name(ValidationStudy.PROCESS)
                .addClasspathResource(ValidationStudy.RESOURCE)
                .enableDuplicateFiltering(true)
                .deploy();
    }

    /** Returns the run folder. */
    public Path runDir() {
        return runDir;
    }

    /** Returns the study id. */
    public String studyId() {
        return studyId;
    }

    /** Returns where the study stands. */
    public StudyStatus status() {
        ProcessInstance pi =
                engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .singleResult();
        if (pi != null) {
            List<String> incidents =
                    engine
                            .getRuntimeService()
                            .createIncidentQuery()
                            .processInstanceId(processInstanceId)
                            .list()
                            .stream()
                            .map(i -> i.getActivityId() + ": " + message(i))
                            .toList();
            return new StudyStatus(
                    runDir,
                    studyId,
                    processInstanceId,
                    incidents.isEmpty() ? StudyState.ACTIVE : StudyState.INCIDENT,
                    engine.getRuntimeService().getActiveActivityIds(processInstanceId),
                    tasks(),
                    incidents,
                    Optional.empty());
        }
        HistoricProcessInstance h =
                engine.getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .singleResult();
        if (h == null) {
            throw new IllegalStateException(
                    "the study's process instance is not in the database: " + processInstanceId);
        }
        if ("EXTERNALLY_TERMINATED".equals(h.getState())
                || "INTERNALLY_TERMINATED".equals(h.getState())) {
            return new StudyStatus(
                    runDir,
                    studyId,
                    processInstanceId,
                    StudyState.CANCELLED,
                    List.of(),
                    List.of(),
                    List.of(),
                    Optional.ofNullable(h.getDeleteReason()));
        }
        HistoricVariableInstance reason =
                engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .variableName(ValidationStudy.VAR_STOP_REASON)
                        .singleResult();
        return new StudyStatus(
                runDir,
                studyId,
                processInstanceId,
                StudyState.ofEndEvent(endEvent()),
                List.of(),
                List.of(),
                List.of(),
                Optional.ofNullable(reason).map(v -> String.valueOf(v.getValue())));
    }

    private String endEvent() {
        return engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityType("noneEndEvent")
                .finished()
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "the study's process ended without an end event: "
                                                + processInstanceId));
    }

    private String message(Incident i) {
        if (i.getConfiguration() == null) {
            return i.getIncidentMessage();
        }
        Job job =
                engine.getManagementService()
                        .createJobQuery()
                        .jobId(i.getConfiguration())
                        .singleResult();
        return job != null && job.getExceptionMessage() != null
                ? job.getExceptionMessage()
                : i.getIncidentMessage();
    }

    /** Returns the user tasks waiting, oldest first. */
    public List<StudyTask> tasks() {
        List<StudyTask> out = new ArrayList<>();
        for (Task t :
                engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .orderByTaskCreateTime()
                        .asc()
                        .list()) {
            out.add(
                    new StudyTask(
                            t.getId(),
                            t.getTaskDefinitionKey(),
                            t.getName(),
                            candidateGroup(t.getId()),
                            t.getCreateTime().toInstant(),
                            runDir,
                            studyId,
                            ValidationStudy.SIGNED_OBJECT.get(t.getTaskDefinitionKey()),
                            ValidationStudy.MEANINGS.get(t.getTaskDefinitionKey())));
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
     * Signs and completes a waiting task as {@code user}. The user must be in the task's candidate
     * group, the meaning allowed for the task, and the password right; every refusal is audited.
     * Recording a deviation needs a {@code reason}, which goes into {@code deviation.json}, the
     * record signed. The password array is cleared.
     *
     * @throws IllegalArgumentException if no such task waits or a deviation has no reason
     * @throws SignatureRefusedException if the signature is refused
     */
    public StudyStatus complete(
            String taskId, String user, Meaning meaning, char[] password, String reason)
            throws SignatureRefusedException, IOException {
        try {
            StudyTask task =
                    tasks().stream()
                            .filter(t -> t.id().equals(taskId))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "no task " + taskId + " waits in " + runDir));
            String context = RequireSignature.context(task.key(), task.id());
            UserRegistry users;
            try {
                users = UserRegistry.load(settings.users(), settings.siteKey().publicKey());
            } catch (InvalidRegistryException e) {
                new Signer(
                                UserRegistry.empty(settings.users()),
                                runDir,
                                settings.siteKey(),
                                settings.clock())
                        .refuse(
                                user,
                                task.signs(),
                                context,
                                "the user registry does not verify: " + e.getMessage());
                throw e; // not reached: refuse throws
            }
            Signer signer = new Signer(users, runDir, settings.siteKey(), settings.clock());
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
            Optional<String> duty =
                    SignerDuties.refusal(
                            account.get(),
                            task.key(),
                            SignerDuties.protocolAllowsBothRoles(runDir, protocolBase()),
                            SignerDuties.approvers(runDir, settings.siteKey().publicKey()));
            if (duty.isPresent()) {
                signer.refuse(user, task.signs(), context, duty.get());
            }
            if (task.key().equals(ValidationStudy.RECORD_DEVIATION)) {
                Deviation.write(runDir, user, reason, settings.clock().instant());
            }
            signer.sign(user, password, meaning, runDir.resolve(task.signs()), context);
            engine.getTaskService().claim(taskId, user);
            engine.getIdentityService().setAuthenticatedUserId(user);
            try {
                engine.getTaskService().complete(taskId);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            if (settings.jobExecutor()) {
                awaitJobs(Duration.ofHours(24));
            }
            return status();
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private Path protocolBase() {
        return Path.of(
                String.valueOf(
                        engine.getRuntimeService()
                                .getVariable(
                                        processInstanceId, ValidationStudy.VAR_PROTOCOL_BASE)));
    }

    /**
     * Runs the due asynchronous steps of this study in the calling thread until none is left (a
     * failed step is retried as its retry policy says, then left as an incident); returns the
     * number of executions. For use without the job executor.
     */
    public int executeJobs() {
        int runs = 0;
        for (int guard = 0; guard < 1000; guard++) {
            List<Job> jobs =
                    engine.getManagementService()
                            .createJobQuery()
                            .processInstanceId(processInstanceId)
                            .executable()
                            .list();
            if (jobs.isEmpty()) {
                return runs;
            }
            for (Job j : jobs) {
                runs++;
                try {
                    engine.getManagementService().executeJob(j.getId());
                } catch (RuntimeException e) {
                    // The engine has recorded the failure on the job (retries, incident).
                }
            }
        }
        throw new IllegalStateException("asynchronous steps did not settle after 1000 rounds");
    }

    /**
     * Waits until the job executor has no due step of this study left, or {@code timeout} passed.
     *
     * @return whether it settled in time
     */
    public boolean awaitJobs(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            long due =
                    engine.getManagementService()
                            .createJobQuery()
                            .processInstanceId(processInstanceId)
                            .executable()
                            .count();
            if (due == 0) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Returns the embedded engine, for tests of the process. */
    ProcessEngine processEngine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            if (!shared(engine)) engine.close();
        } finally {
            try {
                marker.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(
                        "cannot release the run folder " + runDir, e);
            }
        }
    }
}
