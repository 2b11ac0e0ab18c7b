package org.clinval.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.workflows.investigation.AlarmInput;
import org.clinval.workflows.investigation.PostMarketInvestigations;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.UserAdministration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's defences, tried as an attacker would over HTTP: no session, a wrong password until
 * the lock-out, a change without the CSRF token, a session left idle, a user outside the group, and
 * a home folder whose run folder is named after a patient.
 */
class WebServerTest {

    static final String PASSWORD = "test-only-password";
    static final String PHI_FOLDER = "DOE^JOHN-MRN4471";

    @TempDir static Path dir;
    static WebServer server;
    static MovableClock clock;
    static String base;
    static Path pmsDir;

    static final ObjectMapper JSON = new ObjectMapper();

    /** A clock a test moves forward. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-05T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("keys").resolve("site-key.json");
        Files.createDirectories(keystore.getParent());
        SiteKey key = SiteKeyStore.create(keystore, "keystore-passphrase".toCharArray());
        Path users = dir.resolve("users.json");
        UserAdministration a = UserAdministration.open(users, key, Clock.systemUTC());
        a.initialize("admin", "Admin", PASSWORD.toCharArray());
        var admin = new UserAdministration.Credentials("admin", PASSWORD.toCharArray());
        a.add(admin, "lead", "Lee Lead", Set.of(Roles.QA_LEAD), PASSWORD.toCharArray(), false);
        a.add(
                new UserAdministration.Credentials("admin", PASSWORD.toCharArray()),
                "analyst",
                "Ana Lyst",
                Set.of("pms-analyst"),
                PASSWORD.toCharArray(),
                false);
        a.add(
                new UserAdministration.Credentials("admin", PASSWORD.toCharArray()),
                "reviewer",
                "Rev Iewer",
                Set.of(Roles.QA_REVIEWER),
                PASSWORD.toCharArray(),
                false);

        // A run folder named after a patient, whose records quote that name in a path.
        Path home = dir.resolve("home");
        Path run = Files.createDirectories(home.resolve("studies").resolve(PHI_FOLDER));
        Files.writeString(
                run.resolve("study.json"),
                "{\"study\": \"S-1\", \"protocol\": \"/data/" + PHI_FOLDER + "/protocol.yaml\"}");
        Files.writeString(
                run.resolve("metrics.json"),
                "{\"study\": \"S-1\", \"title\": \"A test study\", \"verdict\": \"PASS\","
                        + " \"task\": \"classification\", \"cases\": 2, \"endpoints\": []}");
        Files.writeString(
                run.resolve("acceptance.json"),
                "{\"scenarios\": [{\"feature\": \"F\", \"uri\": \"file:///data/"
                        + PHI_FOLDER
                        + "/f.feature\", \"name\": \"N\", \"tags\": [], \"status\":"
                        + " \"passed\"}]}");
        Files.writeString(
                run.resolve("quarantine.csv"),
                "case_id,input,stage,reason\nC0002,/data/"
                        + PHI_FOLDER
                        + "/x.dcm,load,unreadable\n");

        // A surveillance folder with one investigation waiting for triage.
        Path pms = Files.createDirectories(home.resolve("surveillance"));
        Files.writeString(pms.resolve("windows.csv"), "");
        Files.writeString(pms.resolve("baseline.json"), "{}");
        try (PostMarketInvestigations inv = PostMarketInvestigations.in(pms, users, key, r -> {})) {
            inv.open(
                    new AlarmInput(
                            "ALM-1",
                            "cusum",
                            "site=A",
                            "specificity",
                            "2026-03-01",
                            "2026-03-02",
                            "2026-03-02T00:00:00Z",
                            "CUSUM of daily specificity crossed h",
                            List.of("REQ-1"),
                            List.of("RCM-1"),
                            "{}"));
        }
        pmsDir = pms;

        clock = new MovableClock();
        server =
                WebServer.start(
                        new WebServer.Settings(
                                home,
                                users,
                                SiteKeyStore.publicKey(keystore),
                                Optional.of(key),
                                "127.0.0.1",
                                0,
                                Duration.ofMinutes(15),
                                Duration.ofMinutes(15),
                                () ->
                                        org.clinval.app.study.Studies.services(
                                                new java.io.PrintWriter(System.err, true),
                                                java.time.Clock.systemUTC()),
                                Optional.empty()),
                        clock);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /**
     * A browser of its own. It keeps the session cookie itself: the JDK's cookie manager, unlike a
     * browser, does not send a Secure cookie to http://127.0.0.1.
     */
    static final class Client {
        final HttpClient http = HttpClient.newHttpClient();
        final String root;
        String csrf;
        String cookie;

        Client() {
            this(base);
        }

        Client(String root) {
            this.root = root;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).GET();
            if (cookie != null) b.header("Cookie", cookie);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, boolean withCsrf) throws Exception {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(root + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body));
            if (withCsrf && csrf != null) b.header(WebServer.CSRF_HEADER, csrf);
            if (cookie != null) b.header("Cookie", cookie);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String user, String password) throws Exception {
            HttpResponse<String> r =
                    post(
                            "/api/login",
                            "{\"user\": \"" + user + "\", \"password\": \"" + password + "\"}",
                            false);
            if (r.statusCode() == 200) {
                csrf = JSON.readTree(r.body()).get("csrf").asText();
                cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            }
            return r;
        }
    }

    static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    @Test
    void withoutASessionOnlyTheLoginAndTheApiDocumentAnswer() throws Exception {
        Client c = new Client();
        for (String path : new String[] {"/api/studies", "/api/pms", "/api/me", "/api/runs/x"}) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(error(r)).isEqualTo("not logged in");
        }
        HttpResponse<String> doc = c.get("/api/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(doc.body()).get("paths");
        for (String p :
                new String[] {
                    "/api/login",
                    "/api/logout",
                    "/api/me",
                    "/api/openapi.json",
                    "/api/studies",
                    "/api/runs/{id}",
                    "/api/runs/{id}/files/{name}",
                    "/api/tasks",
                    "/api/runs/{id}/tasks/{task}/preview",
                    "/api/runs/{id}/tasks/{task}/sign",
                    "/api/pms",
                    "/api/pms/{id}",
                    "/api/pms/{id}/version",
                    "/api/pms/{id}/tasks",
                    "/api/pms/{id}/tasks/{task}/preview",
                    "/api/pms/{id}/tasks/{task}/sign"
                }) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
    }

    @Test
    void aBodyWithAByteOrderMarkIsReadAndOneThatIsNotJsonIsNamed() throws Exception {
        Client c = new Client();
        HttpResponse<String> bom =
                c.post(
                        "/api/login",
                        "\uFEFF{\"user\": \"lead\", \"password\": \"" + PASSWORD + "\"}",
                        false);
        assertThat(bom.statusCode()).as(bom.body()).isEqualTo(200);
        HttpResponse<String> junk = c.post("/api/login", "user=lead", false);
        assertThat(junk.statusCode()).isEqualTo(400);
        assertThat(error(junk)).isEqualTo("the body is not JSON");
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndStrict() throws Exception {
        Client c = new Client();
        HttpResponse<String> r = c.login("lead", PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith(WebServer.COOKIE + "=")
                .contains("HttpOnly", "Secure", "SameSite=Strict");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode me = JSON.readTree(r.body());
        assertThat(me.get("groups").toString()).isEqualTo("[\"qa-lead\"]");
        assertThat(me.get("csrf").asText()).hasSizeGreaterThan(30);
    }

    @Test
    void fiveWrongPasswordsLockTheUserEvenAgainstTheRightOne() throws Exception {
        Client c = new Client();
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            HttpResponse<String> r = c.login("reviewer", "guess-" + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(error(r)).isEqualTo("wrong user or password");
        }
        HttpResponse<String> locked = c.login("reviewer", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(423);
        assertThat(error(locked)).startsWith("too many wrong passwords: reviewer is locked until");
        // An id that does not exist gets the same answers: the server does not say which exist.
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertThat(error(c.login("nobody", "guess-" + i))).isEqualTo("wrong user or password");
        }
        assertThat(c.login("nobody", PASSWORD).statusCode()).isEqualTo(423);
        // After the lock-out time the right password works again.
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(c.login("reviewer", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        Client c = new Client();
        c.login("lead", PASSWORD);
        HttpResponse<String> without = c.post("/api/logout", "{}", false);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(error(without)).isEqualTo("missing or wrong CSRF token (X-CSRF-Token)");
        String real = c.csrf;
        c.csrf = real.substring(1) + "x";
        assertThat(c.post("/api/logout", "{}", true).statusCode()).isEqualTo(403);
        c.csrf = real;
        assertThat(c.get("/api/me").statusCode()).as("still logged in").isEqualTo(200);
        assertThat(c.post("/api/logout", "{}", true).statusCode()).isEqualTo(200);
        assertThat(c.get("/api/me").statusCode()).as("logged out").isEqualTo(401);
    }

    @Test
    void anIdleSessionEnds() throws Exception {
        Client c = new Client();
        c.login("lead", PASSWORD);
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(c.get("/api/me").statusCode()).isEqualTo(200);
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        HttpResponse<String> r = c.get("/api/me");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(error(r)).startsWith("the session has ended");
    }

    @Test
    void eachGroupSeesOnlyItsPages() throws Exception {
        Client analyst = new Client();
        analyst.login("analyst", PASSWORD);
        HttpResponse<String> r = analyst.get("/api/studies");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(error(r))
                .isEqualTo(
                        "analyst is not in a group that may see studies (qa-lead or qa-reviewer)");
        assertThat(analyst.get("/api/pms").statusCode()).isEqualTo(200);
        Client reviewer = new Client();
        clock.now = clock.now.plus(Duration.ofMinutes(16)); // past any lock of another test
        reviewer.login("reviewer", PASSWORD);
        assertThat(reviewer.get("/api/pms").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/api/studies").statusCode()).isEqualTo(200);
        Client admin = new Client();
        admin.login("admin", PASSWORD);
        assertThat(admin.get("/api/studies").statusCode()).isEqualTo(403);
    }

    @Test
    void noFolderNameReachesTheApi() throws Exception {
        Client c = new Client();
        c.login("lead", PASSWORD);
        HttpResponse<String> list = c.get("/api/studies");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode runs = JSON.readTree(list.body());
        assertThat(runs).hasSize(1);
        String id = runs.get(0).get("id").asText();
        assertThat(id).matches("[0-9a-f]{16}");
        HttpResponse<String> run = c.get("/api/runs/" + id);
        assertThat(run.statusCode()).isEqualTo(200);
        for (HttpResponse<String> r : java.util.List.of(list, run)) {
            assertThat(r.body()).doesNotContain("DOE", "MRN4471", "/data/");
        }
        JsonNode page = JSON.readTree(run.body());
        assertThat(page.get("quarantine").get(0).get("case_id").asText()).isEqualTo("C0002");
        assertThat(page.get("audit").get("status").asText()).isEqualTo("FAILED");
        assertThat(c.get("/api/runs/0000000000000000").statusCode()).isEqualTo(404);
        assertThat(c.get("/api/runs/" + id + "/files/../../users.json").statusCode())
                .isIn(400, 404);
        assertThat(c.get("/api/runs/" + id + "/files/report").statusCode()).isEqualTo(404);
    }

    static final String TRIAGE = "{\"priority\": \"high\", \"notes\": \"site A\"}";

    /**
     * A signature in the browser's way: the task, what it will sign (file and SHA-256), a wrong
     * password refused, a stale SHA-256 refused, then 20 simultaneous attempts with the right
     * password on the one task: exactly one signature.
     */
    @Test
    void aTaskIsSignedOnceWithThePasswordAskedAgain() throws Exception {
        Client c = new Client();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(c.login("analyst", PASSWORD).statusCode()).isEqualTo(200);
        String id = JSON.readTree(c.get("/api/pms").body()).get(0).get("id").asText();
        JsonNode tasks = JSON.readTree(c.get("/api/pms/" + id + "/tasks").body());
        assertThat(tasks.get("signing").asBoolean()).isTrue();
        JsonNode task = tasks.get("tasks").get(0);
        assertThat(task.get("name").asText()).isNotBlank();
        assertThat(task.get("mine").asBoolean()).isTrue();
        assertThat(tasks.get("choices").get("priority").toString())
                .isEqualTo("[\"low\",\"medium\",\"high\"]");
        String path = "/api/pms/" + id + "/tasks/" + task.get("id").asText();
        HttpResponse<String> preview =
                c.post(path + "/preview", "{\"values\": " + TRIAGE + "}", true);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        String sha = JSON.readTree(preview.body()).get("sha256").asText();
        assertThat(JSON.readTree(preview.body()).get("file").asText())
                .isEqualTo("investigations/INV-0001/triage.json");

        String wrong =
                "{\"values\": "
                        + TRIAGE
                        + ", \"meaning\": \"authored\", \"password\": \"nope\", \"sha256\": \""
                        + sha
                        + "\"}";
        HttpResponse<String> refused = c.post(path + "/sign", wrong, true);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        String stale = wrong.replace("nope", PASSWORD).replace(sha, "0".repeat(64));
        HttpResponse<String> staleR = c.post(path + "/sign", stale, true);
        assertThat(staleR.statusCode()).isEqualTo(409);
        assertThat(error(staleR)).startsWith("the record to sign is not the one you were shown");
        assertThat(c.post(path + "/sign", stale.replace("0".repeat(64), sha), false).statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);

        Path signatures = pmsDir.resolve("investigations").resolve("signatures.jsonl");
        long before = Files.exists(signatures) ? Files.readAllLines(signatures).size() : 0;
        String right = stale.replace("0".repeat(64), sha);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++)
            attempts.add(pool.submit(() -> c.post(path + "/sign", right, true)));
        int ok = 0;
        int conflict = 0;
        for (Future<HttpResponse<String>> f : attempts) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 200) ok++;
            else if (r.statusCode() == 409) conflict++;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(conflict).isEqualTo(19);
        assertThat(Files.readAllLines(signatures)).hasSize((int) before + 1);
        JsonNode after = JSON.readTree(c.get("/api/pms/" + id + "/tasks").body()).get("tasks");
        assertThat(after.get(0).get("key").asText()).isEqualTo("RootCauseAnalysis");
    }
}
