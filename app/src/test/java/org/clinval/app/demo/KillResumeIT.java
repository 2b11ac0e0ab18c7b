package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.clinval.app.Main;
import org.clinval.app.testing.CliRun;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study whose program is killed ({@code kill -9}) at three points — while de-identifying the
 * images, while the Flink job scores them, and while the reports are written — and resumed each
 * time with {@code study resume}: it resumes at once (no wait for the engine's job locks to
 * expire), the audit trail says why each step ran again, every case is counted once, and the
 * records verify.
 */
class KillResumeIT {

    @TempDir Path dir;

    /** Starts {@code clinval args} in its own JVM, as the launcher does. */
    private static Process clinval(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        cmd.add("-Xss16m");
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.redirectOutput(log.toFile());
        b.environment().put("TORCH_CPP_LOG_LEVEL", "ERROR");
        b.environment().put("ATEN_CPU_CAPABILITY", "avx2");
        b.environment().put("DNNL_MAX_CPU_ISA", "AVX2");
        return b.start();
    }

    /** Kills {@code p} with SIGKILL as soon as {@code when} holds; fails if it ends first. */
    private static void killWhen(Process p, BooleanSupplier when, String what, Path log)
            throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!when.getAsBoolean()) {
            if (!p.isAlive()) {
                throw new AssertionError(
                        "the program ended before " + what + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > end) {
                p.destroyForcibly();
                throw new AssertionError("no " + what + " within 10 minutes");
            }
            Thread.sleep(5);
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        p.waitFor();
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private static boolean hasFile(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> s = Files.walk(folder)) {
            return s.anyMatch(Files::isRegularFile);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean hasFileSince(Path folder, long millis) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> s = Files.walk(folder)) {
            return s.anyMatch(
                    f -> {
                        try {
                            return Files.getLastModifiedTime(f).toMillis() >= millis;
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    });
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aStudyKilledAtThreePointsResumesAtOnceAndCountsEveryCaseOnce() throws Exception {
        StudySite site = StudySite.create(dir.resolve("study"), 40, 515151);
        Path run = dir.resolve("study/runs/KILL-1");
        CliRun start =
                CliRun.of(
                        site.args(
                                "study", "run", site.protocol.toString(), "--out", run.toString()));
        assertThat(start.exit()).as(start.err()).isZero();
        String approve = start.json().path("tasks").get(0).path("id").asText();

        // 1. Killed while the PHI step writes de-identified copies.
        Path log1 = dir.resolve("kill-1.log");
        Process p1 =
                clinval(
                        log1,
                        site.args(
                                "task",
                                "complete",
                                approve,
                                "--run",
                                run.toString(),
                                "--user",
                                StudySite.LEAD,
                                "--meaning",
                                "approved",
                                "--password-file",
                                site.password.toString()));
        killWhen(p1, () -> hasFile(run.resolve("deidentified")), "de-identification", log1);

        // 2. Resumed, then killed while the Flink job scores the cases.
        Path log2 = dir.resolve("kill-2.log");
        long started2 = System.currentTimeMillis();
        Process p2 =
                clinval(
                        log2,
                        site.args("study", "resume", run.toString(), "--reason", "after kill 1"));
        // Not on the Flink folder alone: it can be left from the first program. Nor on the trail's
        // "de-identified" line: it is written before the step's transaction commits, and a kill
        // between the two runs de-identification again. The inference step empties and refills
        // the folder when it starts, after that commit: a file in it newer than this program is
        // the sign.
        killWhen(
                p2,
                () ->
                        trailSays(run, "CheckPhi de-identified the images")
                                && hasFileSince(run.resolve(".flink"), started2),
                "the inference job",
                log2);

        // 3. Resumed, then killed while the acceptance criteria and reports are produced.
        Path log3 = dir.resolve("kill-3.log");
        Process p3 =
                clinval(
                        log3,
                        site.args("study", "resume", run.toString(), "--reason", "after kill 2"));
        killWhen(p3, () -> Files.exists(run.resolve("metrics.json")), "the reports", log3);

        // Resumed in this process: no wait for job locks, the study reaches its signed step.
        long t0 = System.nanoTime();
        CliRun resumed =
                CliRun.of(site.args("study", "resume", run.toString(), "--reason", "after kill 3"));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode status = resumed.json();
        assertThat(status.path("state").asText()).isEqualTo("active");
        assertThat(status.path("tasks")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0))
                .as("resumed without waiting for the 5-minute job lock")
                .isLessThan(Duration.ofMinutes(4));
        TrustworthyStudyIT.drive(site, run);

        // The trail explains each repeated step.
        List<AuditEntry> trail = AuditTrail.in(run).entries();
        List<String> interrupted =
                trail.stream()
                        .filter(e -> e.action().equals("study interrupted"))
                        .map(e -> e.object() + ": " + e.reason())
                        .toList();
        assertThat(interrupted).hasSize(3);
        assertThat(interrupted.get(0)).startsWith("CheckPhi: ").contains("will run again");
        assertThat(interrupted.get(1)).startsWith("RunInference: ").contains("will run again");
        assertThat(interrupted.get(2)).startsWith("RunInference: ").contains("will run again");
        assertThat(trail.stream().filter(e -> e.action().equals("study resumed")).count())
                .isEqualTo(3);

        // Every case once, and the records verify.
        List<String> results = TrustworthyStudyIT.column(run.resolve("case-results.csv"));
        List<String> quarantined = TrustworthyStudyIT.column(run.resolve("quarantine.csv"));
        assertThat(results).doesNotHaveDuplicates();
        java.util.Set<String> both = new java.util.HashSet<>(results);
        both.retainAll(quarantined);
        assertThat(both).as("cases both scored and quarantined").isEmpty();
        assertThat(results.size() + quarantined.size()).isEqualTo(40);
        CliRun verify =
                CliRun.of(
                        "audit",
                        "verify",
                        run.toString(),
                        "--public-key",
                        site.publicKey.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(Files.readString(dir.resolve("kill-1.log"), StandardCharsets.UTF_8))
                .doesNotContain("Exception");
    }

    /** Whether the run's audit trail has an entry saying {@code text} (read while it grows). */
    private static boolean trailSays(Path run, String text) {
        try {
            return Files.readString(run.resolve(AuditTrail.FILE)).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
