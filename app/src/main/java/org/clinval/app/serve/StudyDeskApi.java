package org.clinval.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.clinval.app.cli.Json;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudySettings;
import org.clinval.workflows.StudyState;
import org.clinval.workflows.StudyStatus;
import org.clinval.workflows.StudyTask;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.service.StudyServices;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The study desk: the user tasks of every study under the server's home folder (approve the
 * protocol, sign off the reports, record a deviation), what a signature would be on (file and
 * SHA-256, shown before signing), and the signature itself, by the same {@link StudyEngine} the
 * {@code clinval task complete} command uses, so the refusals (group, meaning, separation of
 * duties, password) and the audit trail are the same.
 *
 * <p>A study's process engine is opened for a look or a signature and closed again, so that the
 * command line can work on the study between two requests; what waits is looked at again only when
 * the study's audit trail changed (every task created or completed leaves a line in it). After a
 * signature the server runs the steps that follow (de-identification, inference, reports) in the
 * background, holding the study meanwhile: a command that tries to open it is told so, and the page
 * says the steps are running. Requests on one study take turns; of simultaneous signatures on one
 * task, the first completes it and the others are told it no longer waits.
 */
final class StudyDeskApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StudyDeskApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is known of one study, looked at when its trail changes. */
    private static final class Desk {
        // Written under the desk's lock, read without it by the listing.
        volatile String token;
        volatile String state = "";
        volatile String problem;
        volatile List<StudyTask> tasks = List.of();
        volatile boolean running;
    }

    private final Map<Path, Desk> desks = new ConcurrentHashMap<>();
    private final ExecutorService steps =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "clinval-serve-study-steps");
                        t.setDaemon(true);
                        return t;
                    });

    private final Workspace workspace;
    private final Path users;
    private final Optional<SiteKey> key;
    private final Supplier<StudyServices> services;
    private final Optional<StudySettings.Database> database;
    private final Optional<Path> ledger;

    StudyDeskApi(
            Workspace workspace,
            Path users,
            Optional<SiteKey> key,
            Supplier<StudyServices> services,
            Optional<StudySettings.Database> database,
            Optional<Path> ledger) {
        this.workspace = workspace;
        this.users = users;
        this.key = key;
        this.services = services;
        this.database = database;
        this.ledger = ledger;
    }

    /**
     * Looks at every study once, in the background: a study whose steps were running when the
     * server (or a command) stopped continues now, not at the first request.
     */
    void lookAtAll() {
        if (!signing()) return;
        Thread t =
                new Thread(
                        () -> {
                            for (Workspace.Found f : workspace.studies()) {
                                try {
                                    look(f.dir());
                                } catch (IOException | RuntimeException e) {
                                    LOG.warn(
                                            "cannot look at the study in {}: {}",
                                            f.dir(),
                                            e.getMessage());
                                }
                            }
                        },
                        "clinval-serve-studies");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        steps.shutdownNow();
        synchronized (this) {
            if (sharing != null) sharing.close();
        }
    }

    boolean signing() {
        return key.isPresent();
    }

    /** Every study's state and the tasks waiting, each saying whether {@code s}'s user may sign. */
    ObjectNode tasks(Sessions.Session s) throws IOException {
        ObjectNode o = Json.object();
        o.put("signing", signing());
        if (!signing()) {
            o.put(
                    "why",
                    "the server was started without the site key's passphrase"
                            + " (--key-passphrase-file): it shows, it does not sign");
        }
        ArrayNode studies = o.putArray("studies");
        ArrayNode out = o.putArray("tasks");
        if (!signing()) return o;
        for (Workspace.Found f : workspace.studies()) {
            Desk d = look(f.dir());
            ObjectNode st = studies.addObject();
            st.put("run", f.id());
            st.put("study", studyId(f.dir()));
            st.put("state", d.running ? "running steps" : d.state);
            if (d.problem != null) st.put("problem", d.problem);
            st.put("has_results", Files.isRegularFile(f.dir().resolve("metrics.json")));
            Path trail = f.dir().resolve(AuditTrail.FILE);
            if (Files.isRegularFile(trail)) {
                st.put("last_activity", Files.getLastModifiedTime(trail).toInstant().toString());
            }
            for (StudyTask t : d.tasks) {
                ObjectNode n = out.addObject();
                n.put("id", t.id());
                n.put("run", f.id());
                n.put("study", t.studyId());
                n.put("key", t.key());
                n.put("name", t.name());
                n.put("group", t.candidateGroup());
                n.put("created", t.created().toString());
                n.put("mine", s.groups.contains(t.candidateGroup()));
                n.put("signs", t.signs());
                n.put("needs_reason", t.key().equals(ValidationStudy.RECORD_DEVIATION));
                ArrayNode m = n.putArray("meanings");
                t.meanings().stream().map(Meaning::key).sorted().forEach(m::add);
            }
        }
        return o;
    }

    /** The file and SHA-256 a signature on task {@code taskId} of run {@code runId} would be on. */
    ObjectNode preview(String runId, String taskId) throws IOException {
        requireSigning();
        Path dir = dir(runId);
        Desk d = look(dir);
        synchronized (d) {
            if (d.running) throw running();
            StudyTask t = task(d, taskId);
            return shown(dir, t);
        }
    }

    private static ObjectNode shown(Path dir, StudyTask t) throws IOException {
        ObjectNode o = Json.object();
        o.put("file", t.signs());
        if (t.key().equals(ValidationStudy.RECORD_DEVIATION)) {
            // The deviation record is written from the signer's reason at the signature.
            o.putNull("sha256");
            o.put("written", "from your reason when you sign; its SHA-256 is shown then");
        } else {
            Path f = dir.resolve(t.signs());
            if (!Files.isRegularFile(f)) {
                throw new WebServer.ApiError(409, "the record to sign is missing: " + t.signs());
            }
            o.put("sha256", Sha256.of(f));
        }
        return o;
    }

    /**
     * Signs and completes the task as the session's user, with the password given again, then runs
     * the steps that follow in the background.
     */
    ObjectNode sign(String runId, String taskId, JsonNode body, Sessions.Session s)
            throws IOException {
        requireSigning();
        Path dir = dir(runId);
        Meaning meaning;
        try {
            meaning = Meaning.parse(body.path("meaning").asText(""));
        } catch (IllegalArgumentException e) {
            throw new WebServer.ApiError(400, e.getMessage());
        }
        char[] password = body.path("password").asText("").toCharArray();
        if (password.length == 0) {
            throw new WebServer.ApiError(400, "a signature needs the signer's password");
        }
        String reason = body.path("reason").asText("");
        String shownSha = body.path("sha256").asText("");
        Desk d = desks.computeIfAbsent(dir, x -> new Desk());
        synchronized (d) {
            if (d.running) throw running();
            StudyEngine engine = open(dir);
            boolean handedOver = false;
            try {
                StudyTask t =
                        engine.tasks().stream()
                                .filter(x -> x.id().equals(taskId))
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new WebServer.ApiError(
                                                        409,
                                                        "this task no longer waits (someone"
                                                                + " completed it): look again"));
                if (t.key().equals(ValidationStudy.RECORD_DEVIATION)) {
                    if (reason.isBlank()) {
                        throw new WebServer.ApiError(400, "a deviation needs its reason");
                    }
                } else {
                    String now = shown(dir, t).path("sha256").asText();
                    if (!now.equals(shownSha)) {
                        throw new WebServer.ApiError(
                                409,
                                "the record to sign is not the one you were shown (SHA-256 "
                                        + now
                                        + "): look at it again");
                    }
                }
                StudyStatus status;
                try {
                    status = engine.complete(taskId, s.userId, meaning, password, reason);
                } catch (SignatureRefusedException e) {
                    throw new WebServer.ApiError(403, e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw new WebServer.ApiError(
                            409, e.getMessage().replace(dir.toString(), "the run folder"));
                }
                s.passwordConfirmed = java.time.Instant.now();
                String sha = Sha256.of(dir.resolve(t.signs()));
                LOG.info("{} signed {} of study {} ({})", s.userId, t.signs(), t.studyId(), sha);
                ObjectNode o = Json.object();
                o.put("signed", t.signs());
                o.put("sha256", sha);
                o.put("study", t.studyId());
                d.token = null;
                d.tasks = status.tasks();
                d.state = state(status);
                if (!status.ended() && status.tasks().isEmpty()) {
                    d.running = true;
                    handedOver = true;
                    steps.submit(() -> runSteps(dir, d, engine, null));
                    o.put("state", "running steps");
                    o.put(
                            "next",
                            "its next steps run on the server, and this page shows when they"
                                    + " have finished");
                } else {
                    o.put("state", state(status));
                }
                return o;
            } finally {
                java.util.Arrays.fill(password, '\0');
                if (!handedOver) engine.close();
            }
        }
    }

    /** Runs the study's due steps, then closes its engine so the command line may use it. */
    private static void runSteps(Path dir, Desk d, StudyEngine engine, String resumeReason) {
        try {
            if (resumeReason == null) {
                engine.executeJobs();
            } else {
                engine.resumeSteps(resumeReason);
            }
            LOG.info("study {}: steps finished, now {}", engine.studyId(), state(engine.status()));
        } catch (RuntimeException e) {
            LOG.error("study {}: its steps failed", engine.studyId(), e);
        } finally {
            try {
                engine.close();
            } finally {
                synchronized (d) {
                    d.running = false;
                    d.token = null;
                }
            }
        }
    }

    /** The study's desk, looked at again if its audit trail changed since. */
    private Desk look(Path dir) throws IOException {
        Desk d = desks.computeIfAbsent(dir, x -> new Desk());
        synchronized (d) {
            if (d.running) return d;
            String token = token(dir);
            if (token.equals(d.token)) return d;
            StudyEngine engine = null;
            try {
                engine = open(dir);
                StudyStatus status = engine.status();
                d.state = state(status);
                d.tasks = status.tasks();
                d.problem =
                        status.incidents().isEmpty() ? null : String.join("; ", status.incidents());
                // Opening may itself add a line (an interruption found): look at the trail after.
                d.token = token(dir);
                if (signing()
                        && status.state() == StudyState.ACTIVE
                        && status.tasks().isEmpty()
                        && status.incidents().isEmpty()) {
                    // Steps are due and no program works on them (the one that did stopped, the
                    // server itself perhaps): the server runs them, as study resume would.
                    d.running = true;
                    StudyEngine handed = engine;
                    engine = null;
                    steps.submit(
                            () ->
                                    runSteps(
                                            dir,
                                            d,
                                            handed,
                                            "the server found the study's steps due with no"
                                                    + " program working on them"));
                }
            } catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).contains("open in another program")) {
                    // The command line is working on the study: look again at the next request.
                    d.state = "open in another program";
                    d.tasks = List.of();
                    d.problem = null;
                    d.token = null;
                } else {
                    unreadable(d, dir, token, e);
                }
            } catch (RuntimeException e) {
                unreadable(d, dir, token, e);
            } finally {
                if (engine != null) engine.close();
            }
            return d;
        }
    }

    private static void unreadable(Desk d, Path dir, String token, RuntimeException e) {
        LOG.warn("cannot open the study in {}: {}", dir, e.getMessage());
        d.state = "not readable";
        d.tasks = List.of();
        d.problem = String.valueOf(e.getMessage()).replace(dir.toString(), "the run folder");
        d.token = token;
    }

    private StudyEngine open(Path dir) throws IOException {
        String where = database(dir);
        if (where.equals("run folder")) {
            if (!Files.isRegularFile(dir.resolve("engine").resolve("study.mv.db"))) {
                // Opening would create an empty database in the folder: a look changes nothing.
                throw new IllegalArgumentException("the run folder has no process database");
            }
            return StudyEngine.resume(dir, settings(Optional.empty()));
        }
        if (database.isEmpty() || !database.get().toString().equals(where)) {
            throw new IllegalArgumentException(
                    "the study's process is in the database "
                            + where
                            + ": start the server with --db on it");
        }
        return StudyEngine.resume(dir, sharedSettings());
    }

    private StudySettings settings(Optional<StudySettings.Database> db) {
        StudySettings.Builder b =
                StudySettings.builder()
                        .setServices(services.get())
                        .setUsers(users)
                        .setSiteKey(key.get())
                        .optJobExecutor(false)
                        .optLedger(ledger.orElse(null));
        db.ifPresent(d -> b.optDatabase(d.url(), d.user(), d.password()));
        return b.build();
    }

    private StudySettings shared;
    private StudyEngine.Sharing sharing;

    /**
     * The settings of the studies in the server's database, all on one process engine, built at the
     * first such study and kept until the server stops.
     */
    private synchronized StudySettings sharedSettings() {
        if (shared == null) {
            StudySettings s = settings(database);
            sharing = StudyEngine.shareEngine(s);
            shared = s;
        }
        return shared;
    }

    /** Where the study's process is: "run folder", or its database as the study records it. */
    private static String database(Path dir) throws IOException {
        JsonNode o = JSON.readTree(dir.resolve(StudyEngine.STUDY_FILE).toFile());
        return o.path("database").asText("run folder");
    }

    private static String studyId(Path dir) {
        try {
            return JSON.readTree(dir.resolve(StudyEngine.STUDY_FILE).toFile())
                    .path("study")
                    .asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String token(Path dir) throws IOException {
        Path trail = dir.resolve(AuditTrail.FILE);
        return Files.isRegularFile(trail)
                ? Files.size(trail) + "@" + Files.getLastModifiedTime(trail).toMillis()
                : "none";
    }

    private static String state(StudyStatus s) {
        if (s.state() == StudyState.ACTIVE && !s.tasks().isEmpty()) return "waiting for signature";
        return s.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static StudyTask task(Desk d, String taskId) {
        return d.tasks.stream()
                .filter(t -> t.id().equals(taskId))
                .findFirst()
                .orElseThrow(
                        () ->
                                new WebServer.ApiError(
                                        409, "this task no longer waits (someone completed it)"));
    }

    private Path dir(String runId) {
        return workspace
                .study(runId)
                .orElseThrow(() -> new WebServer.ApiError(404, "no such study run"))
                .dir();
    }

    private static WebServer.ApiError running() {
        return new WebServer.ApiError(
                409, "the study's steps are running on the server; try again when they finish");
    }

    private void requireSigning() {
        if (!signing()) {
            throw new WebServer.ApiError(
                    409,
                    "the server was started without the site key's passphrase"
                            + " (--key-passphrase-file): it cannot sign");
        }
    }
}
