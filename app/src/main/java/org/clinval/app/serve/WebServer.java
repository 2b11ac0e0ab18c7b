package org.clinval.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.clinval.app.cli.Json;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.reports.pms.PmsInputException;
import org.clinval.workflows.StudySettings;
import org.clinval.workflows.investigation.PostMarketInvestigation;
import org.clinval.workflows.service.StudyServices;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code clinval serve}: the JSON API and the pages (served from the jar, with their JavaScript and
 * CSS; nothing from another site) on Javalin (Jetty 12).
 *
 * <p>Security, as a regulated system needs it:
 *
 * <ul>
 *   <li>Authentication against the suite's user registry (the same signed {@code users.json} the
 *       study commands use, read again at each log-in so an administrator's change applies at
 *       once); a session cookie {@code HttpOnly; Secure; SameSite=Strict} (browsers keep Secure
 *       cookies on {@code http://localhost}; anywhere else the server belongs behind TLS); lock-out
 *       after {@value Sessions#MAX_FAILURES} wrong passwords; idle time-out.
 *   <li>CSRF: every request that changes something carries the session's token in {@code
 *       X-CSRF-Token}; the cookie alone is refused.
 *   <li>Authorisation by group: the study pages for {@code qa-lead} and {@code qa-reviewer}, the
 *       surveillance pages for {@code pms-analyst} and {@code qa-lead}.
 *   <li>Headers: a Content-Security-Policy allowing this server's own scripts, styles and images
 *       only; no framing; no sniffing; no referrer; API answers not cached.
 *   <li>No PHI: the pages name folders by opaque ids, cases by their pseudonyms; errors say what is
 *       wrong without a stack trace or a path.
 * </ul>
 */
public final class WebServer implements AutoCloseable {

    static final String COOKIE = "clinval_session";
    static final String CSRF_HEADER = "X-CSRF-Token";

    static final Set<String> STUDY_GROUPS = Set.of(Roles.QA_LEAD, Roles.QA_REVIEWER);
    static final Set<String> PMS_GROUPS =
            Set.of(PostMarketInvestigation.PMS_ANALYST, Roles.QA_LEAD);

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The server's settings.
     *
     * @param home the folder whose runs and surveillance outputs are shown
     * @param users the user registry
     * @param key the site's public key: verifies the registry and the runs
     * @param signingKey the unlocked site key, when the server signs (investigation tasks)
     * @param host the address to listen on
     * @param port the port (0: any free one)
     * @param idle a session ends after this long without a request
     * @param lockFor how long repeated wrong passwords lock a user id
     * @param services the study steps, for the steps that follow a signature in the browser
     * @param database the process database of studies not kept in their run folder
     * @param ledger the dataset ledger's folder of the studies' steps; empty for the default
     */
    public record Settings(
            Path home,
            Path users,
            PublicSiteKey key,
            Optional<SiteKey> signingKey,
            String host,
            int port,
            Duration idle,
            Duration lockFor,
            java.util.function.Supplier<StudyServices> services,
            Optional<StudySettings.Database> database,
            Optional<Path> ledger) {

        /** Settings whose studies keep the dataset ledger in its default folder. */
        public Settings(
                Path home,
                Path users,
                PublicSiteKey key,
                Optional<SiteKey> signingKey,
                String host,
                int port,
                Duration idle,
                Duration lockFor,
                java.util.function.Supplier<StudyServices> services,
                Optional<StudySettings.Database> database) {
            this(
                    home,
                    users,
                    key,
                    signingKey,
                    host,
                    port,
                    idle,
                    lockFor,
                    services,
                    database,
                    Optional.empty());
        }
    }

    /** A refusal: its status and message reach the client as {@code {"error": message}}. */
    static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final Settings settings;
    private final Sessions sessions;
    private final StudyApi studies;
    private final PmsApi pms;
    private final InvestigationApi investigations;
    private final StudyDeskApi desk;
    private final Javalin app;

    private WebServer(Settings settings, Clock clock) {
        this.settings = settings;
        this.sessions = new Sessions(settings.idle(), settings.lockFor(), clock);
        Workspace ws = new Workspace(settings.home());
        this.studies = new StudyApi(ws, Optional.of(settings.key()));
        this.pms = new PmsApi(ws);
        this.investigations = new InvestigationApi(ws, settings.users(), settings.signingKey());
        this.desk =
                new StudyDeskApi(
                        ws,
                        settings.users(),
                        settings.signingKey(),
                        memoized(settings.services()),
                        settings.database(),
                        settings.ledger());
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.jetty.host = settings.host();
                            config.jetty.port = settings.port();
                            config.staticFiles.add(
                                    sf -> {
                                        sf.hostedPath = "/";
                                        sf.directory = "/clinval-web";
                                        sf.location = Location.CLASSPATH;
                                    });
                            config.staticFiles.enableWebjars();
                            config.routes.before(this::headers);
                            config.routes.before("/api/*", this::authenticate);
                            config.routes.exception(ApiError.class, this::refused);
                            config.routes.exception(Exception.class, this::failed);
                            config.routes.post("/api/login", this::login);
                            config.routes.post("/api/logout", this::logout);
                            config.routes.get("/api/me", this::me);
                            config.routes.get("/api/openapi.json", this::openapi);
                            config.routes.get("/api/studies", this::studyList);
                            config.routes.get("/api/runs/{id}", this::run);
                            config.routes.get("/api/runs/{id}/files/{name}", this::download);
                            config.routes.get("/api/tasks", this::studyTasks);
                            config.routes.post(
                                    "/api/runs/{id}/tasks/{task}/preview", this::studyPreview);
                            config.routes.post("/api/runs/{id}/tasks/{task}/sign", this::studySign);
                            config.routes.get("/api/pms", this::pmsList);
                            config.routes.get("/api/pms/{id}", this::dashboard);
                            config.routes.get("/api/pms/{id}/version", this::pmsVersion);
                            config.routes.get("/api/pms/{id}/tasks", this::tasks);
                            config.routes.post("/api/pms/{id}/tasks/{task}/preview", this::preview);
                            config.routes.post("/api/pms/{id}/tasks/{task}/sign", this::sign);
                        });
    }

    /** Starts the server; {@link #port()} tells where it listens. */
    public static WebServer start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    static WebServer start(Settings settings, Clock clock) {
        WebServer s = new WebServer(settings, clock);
        s.app.start();
        s.desk.lookAtAll();
        return s;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        investigations.close();
        desk.close();
    }

    // ---- security ----

    private void headers(Context ctx) {
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                        + " object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
                        + " form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ctx.path().startsWith("/api/")) ctx.header("Cache-Control", "no-store");
    }

    /** Every API path but log-in needs a live session; every change needs the CSRF token. */
    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.equals("/api/login") || path.equals("/api/openapi.json")) return;
        Sessions.Session s =
                sessions.find(ctx.cookie(COOKIE))
                        .orElseThrow(
                                () ->
                                        new ApiError(
                                                401,
                                                ctx.cookie(COOKIE) == null
                                                        ? "not logged in"
                                                        : "the session has ended (logged out or"
                                                                + " idle for "
                                                                + sessions.idle().toMinutes()
                                                                + " minutes): log in again"));
        if (changes(ctx.method())) {
            String token = ctx.header(CSRF_HEADER);
            if (token == null || !constantTimeEquals(token, s.csrf)) {
                LOG.warn(
                        "refused {} {} by {}: missing or wrong CSRF token",
                        ctx.method(),
                        path,
                        s.userId);
                throw new ApiError(403, "missing or wrong CSRF token (" + CSRF_HEADER + ")");
            }
        }
        ctx.attribute("session", s);
    }

    private static boolean changes(HandlerType m) {
        return m == HandlerType.POST
                || m == HandlerType.PUT
                || m == HandlerType.PATCH
                || m == HandlerType.DELETE;
    }

    private static Sessions.Session session(Context ctx) {
        return ctx.attribute("session");
    }

    private static void require(Context ctx, Set<String> groups, String what) {
        Sessions.Session s = session(ctx);
        if (s.groups.stream().noneMatch(groups::contains)) {
            throw new ApiError(
                    403,
                    s.userId
                            + " is not in a group that may see "
                            + what
                            + " ("
                            + String.join(" or ", new java.util.TreeSet<>(groups))
                            + ")");
        }
    }

    private void login(Context ctx) throws IOException {
        JsonNode body = body(ctx);
        String user = body.path("user").asText("");
        char[] password = body.path("password").asText("").toCharArray();
        try {
            if (user.isBlank() || password.length == 0) {
                throw new ApiError(400, "give a user and a password");
            }
            Optional<java.time.Instant> locked = sessions.lockedUntil(user);
            if (locked.isPresent()) {
                LOG.warn("refused log-in of {}: locked until {}", user, locked.get());
                throw new ApiError(
                        423,
                        "too many wrong passwords: "
                                + user
                                + " is locked until "
                                + locked.get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            UserRegistry registry = UserRegistry.load(settings.users(), settings.key());
            Optional<UserAccount> account = registry.find(user);
            if (account.isEmpty() || !account.get().password().matches(password)) {
                boolean nowLocked = sessions.failed(user);
                LOG.warn("wrong user or password for {}{}", user, nowLocked ? " (now locked)" : "");
                throw new ApiError(401, "wrong user or password");
            }
            Sessions.Session s = sessions.open(account.get());
            LOG.info("{} logged in", s.userId);
            ctx.cookie(new Cookie(COOKIE, s.token, "/", -1, true, true, null, SameSite.STRICT));
            json(ctx, me(s));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.removeCookie(COOKIE, "/");
        json(ctx, Json.object().put("logged_out", true));
    }

    private void me(Context ctx) {
        json(ctx, me(session(ctx)));
    }

    private ObjectNode me(Sessions.Session s) {
        ObjectNode o = Json.object();
        o.put("user", s.userId);
        o.put("name", s.name);
        var g = o.putArray("groups");
        new java.util.TreeSet<>(s.groups).forEach(g::add);
        o.put("csrf", s.csrf);
        o.put("idle_minutes", sessions.idle().toMinutes());
        o.put("may_see_studies", s.groups.stream().anyMatch(STUDY_GROUPS::contains));
        o.put("may_see_surveillance", s.groups.stream().anyMatch(PMS_GROUPS::contains));
        return o;
    }

    // ---- data ----

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream("/clinval-web/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    private void studyList(Context ctx) throws IOException {
        require(ctx, STUDY_GROUPS, "studies");
        json(ctx, studies.list());
    }

    private void run(Context ctx) throws IOException {
        require(ctx, STUDY_GROUPS, "studies");
        json(ctx, studies.run(ctx.pathParam("id")).orElseThrow(() -> notFound("run")));
    }

    private void download(Context ctx) throws IOException {
        require(ctx, STUDY_GROUPS, "studies");
        String name = ctx.pathParam("name");
        Path f = studies.download(ctx.pathParam("id"), name).orElseThrow(() -> notFound("file"));
        String file = f.getFileName().toString();
        String type =
                file.endsWith(".pdf")
                        ? "application/pdf"
                        : file.endsWith(".xlsx")
                                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                : file.endsWith(".json") ? "application/json" : "text/csv";
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.result(Files.readAllBytes(f));
    }

    private void studyTasks(Context ctx) throws IOException {
        require(ctx, STUDY_GROUPS, "studies");
        json(ctx, desk.tasks(session(ctx)));
    }

    private void studyPreview(Context ctx) throws IOException {
        require(ctx, STUDY_GROUPS, "studies");
        json(ctx, desk.preview(ctx.pathParam("id"), ctx.pathParam("task")));
    }

    private void studySign(Context ctx) throws IOException {
        require(ctx, STUDY_GROUPS, "studies");
        json(ctx, desk.sign(ctx.pathParam("id"), ctx.pathParam("task"), body(ctx), session(ctx)));
    }

    private void pmsList(Context ctx) throws IOException {
        require(ctx, PMS_GROUPS, "surveillance");
        json(ctx, pms.list());
    }

    private void dashboard(Context ctx) throws IOException {
        require(ctx, PMS_GROUPS, "surveillance");
        try {
            String json =
                    pms.dashboardJson(ctx.pathParam("id"))
                            .orElseThrow(() -> notFound("surveillance folder"));
            ctx.contentType("application/json").result(json);
        } catch (PmsInputException e) {
            throw new ApiError(422, "the surveillance outputs cannot be read: " + e.getMessage());
        }
    }

    private void pmsVersion(Context ctx) throws IOException {
        require(ctx, PMS_GROUPS, "surveillance");
        String v =
                pms.version(ctx.pathParam("id")).orElseThrow(() -> notFound("surveillance folder"));
        json(ctx, Json.object().put("version", v));
    }

    private void tasks(Context ctx) throws IOException {
        require(ctx, PMS_GROUPS, "surveillance");
        json(ctx, investigations.tasks(ctx.pathParam("id"), session(ctx)));
    }

    private void preview(Context ctx) throws IOException {
        require(ctx, PMS_GROUPS, "surveillance");
        json(ctx, investigations.preview(ctx.pathParam("id"), ctx.pathParam("task"), body(ctx)));
    }

    private void sign(Context ctx) throws IOException {
        require(ctx, PMS_GROUPS, "surveillance");
        Sessions.Session s = session(ctx);
        ObjectNode done =
                investigations.sign(ctx.pathParam("id"), ctx.pathParam("task"), body(ctx), s);
        LOG.info(
                "{} signed {} ({})",
                s.userId,
                done.get("signed").asText(),
                done.get("sha256").asText());
        json(ctx, done);
    }

    // ---- plumbing ----

    /** Builds the study services once, at their first use (they load the imaging stack). */
    private static <T> java.util.function.Supplier<T> memoized(
            java.util.function.Supplier<T> make) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
    }

    private static ApiError notFound(String what) {
        return new ApiError(404, "no such " + what);
    }

    private void refused(ApiError e, Context ctx) {
        ctx.status(e.status);
        json(ctx, Json.object().put("error", e.getMessage()));
    }

    private void failed(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(500);
        json(ctx, Json.object().put("error", "the server could not answer; its log says why"));
    }

    private static JsonNode body(Context ctx) {
        try {
            String text = ctx.body();
            // A client that writes its JSON as a UTF-8 file with a byte order mark sends one.
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject())
                throw new ApiError(400, "the body is not a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "the body is not JSON");
        }
    }

    private static void json(Context ctx, com.fasterxml.jackson.databind.JsonNode node) {
        ctx.contentType("application/json").result(Json.write(node));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
