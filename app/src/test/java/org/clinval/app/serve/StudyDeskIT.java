package org.clinval.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.app.demo.StudySite;
import org.clinval.app.testing.ClinvalProcess;
import org.clinval.common.Sha256;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.testing.PostgresCluster;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The study desk end to end, on the run folder's H2 file and on PostgreSQL (a throwaway cluster of
 * the Debian server): a study started on the command line waits for approval; the QA lead approves
 * it in Chromium with the signature dialog (a wrong password refused first); the server is killed
 * with SIGKILL while the steps that follow run; started again, it finds the steps due and finishes
 * them; the reviewer signs off in the browser; every case is counted once, each signature exists
 * once, the records verify, and the command line opens the study again afterwards.
 */
class StudyDeskIT {

    static final int CASES = 12;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aStudyIsApprovedAndSignedOffInTheBrowserAcrossAKilledServer(String db) throws Exception {
        assertThat(BrowserTour.available())
                .as("Debian chromium and chromium-driver (.ci/install-test-tools installs them)")
                .isTrue();
        PostgresCluster pg = db.equals("postgresql") ? PostgresCluster.start() : null;
        try {
            run(db, pg == null ? Optional.empty() : Optional.of(pg.createDatabase("clinval")));
        } finally {
            if (pg != null) pg.close();
        }
    }

    private void run(String db, Optional<String> url) throws Exception {
        StudySite site = StudySite.create(dir.resolve("site"), CASES, 626262);
        String password = Files.readAllLines(site.password).get(0);
        Path home = dir.resolve("home");
        Path run = home.resolve("runs").resolve("DESK-1");
        List<String> dbArgs = url.map(u -> List.of("--db-url", u)).orElse(List.of());

        Path started = dir.resolve("study-run.log");
        Process start =
                clinval(
                        started,
                        concat(
                                site.args(
                                        "study",
                                        "run",
                                        site.protocol.toString(),
                                        "--out",
                                        run.toString()),
                                dbArgs));
        assertThat(start.waitFor()).as(Files.readString(started)).isZero();

        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> serve =
                concat(
                        List.of(
                                "serve",
                                "--home",
                                home.toString(),
                                "--users",
                                site.users.toString(),
                                "--keystore",
                                site.keystore.toString(),
                                "--key-passphrase-file",
                                site.passphrase.toString(),
                                "--port",
                                String.valueOf(port)),
                        url.map(u -> List.of("--db", u)).orElse(List.of()));
        Path log1 = dir.resolve("serve-1.log");
        Process server = clinval(log1, serve);
        Path shots = Path.of("target", "screenshots", "study-desk-" + db);
        boolean deviation;
        try (BrowserTour b = new BrowserTour(base, shots)) {
            awaitServer(base, server, log1);

            // The reviewer sees the approval waiting for someone else, with nothing to sign.
            b.login(StudySite.REVIEWER, password);
            b.waitFor(By.id("who"));
            b.open("#/tasks");
            b.wait.until(
                    d -> d.findElement(By.id("view")).getText().contains("Waiting for others"));
            assertThat(b.all(By.cssSelector("button[data-sign]"))).isEmpty();
            b.screenshot("01-reviewer-nothing-to-sign");
            logout(b);

            // Refused over the API: the reviewer (wrong group), a change without the CSRF token,
            // a SHA-256 other than the record's.
            JsonNode task = approval(base, password);
            String path =
                    "/api/runs/" + task.path("run").asText() + "/tasks/" + task.path("id").asText();
            String sha = Sha256.of(run.resolve("approval-record.json"));
            WebServerTest.Client reviewer = new WebServerTest.Client(base);
            assertThat(reviewer.login(StudySite.REVIEWER, password).statusCode()).isEqualTo(200);
            HttpResponse<String> r =
                    reviewer.post(path + "/sign", signBody("approved", password, sha), true);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(WebServerTest.error(r)).contains("not in group qa-lead");
            WebServerTest.Client lead = new WebServerTest.Client(base);
            assertThat(lead.login(StudySite.LEAD, password).statusCode()).isEqualTo(200);
            r = lead.post(path + "/sign", signBody("approved", password, sha), false);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(WebServerTest.error(r)).contains("CSRF");
            r = lead.post(path + "/sign", signBody("approved", password, "0".repeat(64)), true);
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(WebServerTest.error(r)).contains("not the one you were shown");

            if (db.equals("h2")) {
                // The lead approves the protocol: the dialog shows the record and its SHA-256.
                b.login(StudySite.LEAD, password);
                b.waitFor(By.id("who"));
                b.open("#/tasks");
                b.waitFor(By.cssSelector("button[data-sign]"));
                b.screenshot("02-lead-tasks");
                b.click(By.cssSelector("button[data-sign]"));
                b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-dialog")));
                assertThat(b.driver.findElement(By.id("sign-file")).getText())
                        .isEqualTo("approval-record.json");
                assertThat(b.driver.findElement(By.id("sign-sha")).getText())
                        .isEqualTo(Sha256.of(run.resolve("approval-record.json")));
                b.driver.findElement(By.id("sign-password")).sendKeys(password + "-wrong");
                b.click(By.id("sign-button"));
                b.wait.until(d -> !d.findElement(By.id("sign-error")).getText().isBlank());
                assertThat(b.driver.findElement(By.id("sign-error")).getText())
                        .containsIgnoringCase("password");
                b.screenshot("03-wrong-password-refused");
                b.driver.findElement(By.id("sign-password")).sendKeys(password);
                b.click(By.id("sign-button"));
                b.waitFor(By.id("signed"));
                assertThat(b.driver.findElement(By.id("signed")).getText())
                        .startsWith("Signed approval-record.json")
                        .contains("next steps run on the server");
                assertThat(b.all(By.cssSelector("button[data-sign]")))
                        .as("the approval no longer waits")
                        .isEmpty();
                b.screenshot("04-approved-steps-running");

            } else {
                // Twenty simultaneous signatures of the approval: exactly one is made.
                java.util.concurrent.ExecutorService pool =
                        java.util.concurrent.Executors.newFixedThreadPool(20);
                List<java.util.concurrent.Future<HttpResponse<String>>> tries = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    tries.add(
                            pool.submit(
                                    () ->
                                            lead.post(
                                                    path + "/sign",
                                                    signBody("approved", password, sha),
                                                    true)));
                }
                int ok = 0;
                for (var f : tries) {
                    HttpResponse<String> x = f.get();
                    if (x.statusCode() == 200) ok++;
                    else assertThat(x.statusCode()).as(x.body()).isEqualTo(409);
                }
                pool.shutdown();
                assertThat(ok).as("signatures made of 20 attempts").isEqualTo(1);
            }

            // Killed while the server runs the steps that follow the approval.
            long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!trailSays(run, "CheckPhi de-identified the images")) {
                assertThat(server.isAlive()).as(Files.readString(log1)).isTrue();
                assertThat(System.nanoTime()).as("de-identification within 10 min").isLessThan(end);
                Thread.sleep(20);
            }
            server.destroyForcibly(); // SIGKILL
            server.waitFor();
            assertThat(server.exitValue()).isEqualTo(137);

            // Started again: it finds the steps due and finishes them; the reviewer signs off.
            Path log2 = dir.resolve("serve-2.log");
            server = clinval(log2, serve);
            awaitServer(base, server, log2);
            b.login(StudySite.REVIEWER, password);
            b.waitFor(By.id("who"));
            end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (true) {
                b.open("#/tasks");
                b.wait.until(d -> d.findElement(By.id("view")).getText().contains("Studies"));
                if (!b.all(By.cssSelector("button[data-sign]")).isEmpty()) break;
                assertThat(server.isAlive()).as(Files.readString(log2)).isTrue();
                assertThat(System.nanoTime())
                        .as("sign-off task within 10 min:\n" + Files.readString(log2))
                        .isLessThan(end);
                Thread.sleep(2000);
            }
            b.screenshot("05-reviewer-task-waiting");
            // Acceptance criteria met: the reviewer signs off the reports' manifest; not met: the
            // reviewer records the deviation, with a reason, in a record written at the signature.
            WebElement box = b.driver.findElement(By.cssSelector("[data-task-box]"));
            deviation = box.getText().contains("Record deviation");
            if (deviation) {
                box.findElement(By.cssSelector("textarea[data-field=reason]"))
                        .sendKeys("Sensitivity below its goal on this small test set; see report.");
            }
            b.click(By.cssSelector("button[data-sign]"));
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-dialog")));
            String file = b.driver.findElement(By.id("sign-file")).getText();
            String shown = b.driver.findElement(By.id("sign-sha")).getText();
            if (deviation) {
                assertThat(file).isEqualTo("deviation.json");
                assertThat(shown).startsWith("from your reason");
            } else {
                assertThat(file).isEqualTo("reports.sha256");
                assertThat(shown).isEqualTo(Sha256.of(run.resolve("reports.sha256")));
            }
            String meaning = deviation ? "authored" : "reviewed";
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("sign-meaning")))
                    .selectByValue(meaning);
            b.driver.findElement(By.id("sign-password")).sendKeys(password);
            b.click(By.id("sign-button"));
            b.waitFor(By.id("signed"));
            String signed = b.driver.findElement(By.id("signed")).getText();
            assertThat(signed).startsWith("Signed " + file);
            if (deviation) {
                assertThat(signed)
                        .contains(Sha256.of(run.resolve("deviation.json")).substring(0, 16));
            }
            b.screenshot("06-signed");
            // The last steps (archive) run on the server; the study ends.
            end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (true) {
                b.open("#/tasks");
                b.wait.until(d -> d.findElement(By.id("view")).getText().contains("Studies"));
                String state =
                        b.driver.findElement(By.cssSelector("tr[data-study] .badge")).getText();
                if (state.equals(deviation ? "failed" : "passed")) break;
                assertThat(System.nanoTime())
                        .as("study ended within 5 min, now " + state)
                        .isLessThan(end);
                Thread.sleep(2000);
            }
            b.screenshot("07-study-ended");
            assertThat(b.text()).doesNotContain(dir.toString());
        } finally {
            server.destroy();
            server.waitFor();
        }

        // The trail tells the story: approved, interrupted, resumed by the server, signed off.
        List<AuditEntry> trail = AuditTrail.in(run).entries();
        assertThat(trail.stream().filter(e -> e.action().equals("study interrupted")).count())
                .as("the killed server's interruption is recorded")
                .isEqualTo(1);
        assertThat(
                        trail.stream()
                                .filter(e -> e.action().equals("study resumed"))
                                .map(AuditEntry::reason)
                                .toList())
                .singleElement()
                .asString()
                .contains("the server found the study's steps due");
        List<JsonNode> signatures = new ArrayList<>();
        for (String l : Files.readAllLines(run.resolve("signatures.jsonl"))) {
            if (!l.isBlank()) signatures.add(JSON.readTree(l));
        }
        assertThat(
                        signatures.stream()
                                .map(
                                        s ->
                                                s.path("user").asText()
                                                        + "/"
                                                        + s.path("meaning").asText()))
                .containsExactly(
                        StudySite.LEAD + "/approved",
                        StudySite.REVIEWER + (deviation ? "/authored" : "/reviewed"));

        // Every case once.
        List<String> results = column(run.resolve("case-results.csv"));
        List<String> quarantined = column(run.resolve("quarantine.csv"));
        assertThat(results).doesNotHaveDuplicates();
        Set<String> both = new HashSet<>(results);
        both.retainAll(quarantined);
        assertThat(both).isEmpty();
        assertThat(results.size() + quarantined.size()).isEqualTo(CASES);

        // The records verify, and the command line opens the study again on the same database.
        Path verifyLog = dir.resolve("verify.log");
        Process verify =
                clinval(
                        verifyLog,
                        List.of(
                                "audit",
                                "verify",
                                run.toString(),
                                "--public-key",
                                site.publicKey.toString()));
        assertThat(verify.waitFor()).as(Files.readString(verifyLog)).isZero();
        Path listLog = dir.resolve("task-list.log");
        Process list =
                clinval(
                        listLog,
                        concat(site.args("task", "list", "--run", run.toString()), dbArgs));
        assertThat(list.waitFor()).as(Files.readString(listLog)).isZero();
    }

    /** The approval task, as the lead's task list shows it. */
    private static JsonNode approval(String base, String password) throws Exception {
        WebServerTest.Client c = new WebServerTest.Client(base);
        assertThat(c.login(StudySite.LEAD, password).statusCode()).isEqualTo(200);
        JsonNode tasks = JSON.readTree(c.get("/api/tasks").body()).path("tasks");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("key").asText()).isEqualTo("ApproveProtocol");
        assertThat(tasks.get(0).path("mine").asBoolean()).isTrue();
        return tasks.get(0);
    }

    private static String signBody(String meaning, String password, String sha) {
        return JSON.createObjectNode()
                .put("meaning", meaning)
                .put("password", password)
                .put("sha256", sha)
                .toString();
    }

    private static void logout(BrowserTour b) {
        b.click(By.id("logout"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    }

    /** Starts {@code clinval args}, with the throwaway cluster's database user. */
    private static Process clinval(Path log, List<String> args) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("CLINVAL_DB_USER", PostgresCluster.USER);
        env.put("CLINVAL_DB_PASSWORD", "");
        env.put("CLINVAL_KEY_PASSPHRASE", null);
        return ClinvalProcess.start(log, null, env, args);
    }

    private static List<String> concat(String[] a, List<String> b) {
        return concat(List.of(a), b);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitServer(String base, Process server, Path log) throws Exception {
        ClinvalProcess.awaitServer(base, server, log);
    }

    private static boolean trailSays(Path run, String text) {
        try {
            return Files.readString(run.resolve(AuditTrail.FILE), StandardCharsets.UTF_8)
                    .contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> column(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String l : lines.subList(1, lines.size())) out.add(l.substring(0, l.indexOf(',')));
        return out;
    }
}
