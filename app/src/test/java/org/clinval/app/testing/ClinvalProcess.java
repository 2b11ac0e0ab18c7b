package org.clinval.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.app.Main;

/**
 * A {@code clinval} command in its own JVM, as the launcher starts it, for the end-to-end tests.
 */
public final class ClinvalProcess {

    private ClinvalProcess() {}

    /**
     * Starts {@code clinval args} in folder {@code cwd} (null: this one), its output to {@code
     * log}; {@code env} entries are set, those with a null value removed.
     */
    public static Process start(Path log, Path cwd, Map<String, String> env, List<String> args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        cmd.add("-Xss16m");
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Djava.awt.headless=true");
        if (cwd != null) cmd.add("-Duser.home=" + cwd.resolve("home"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (cwd != null) b.directory(cwd.toFile());
        b.redirectOutput(log.toFile());
        Map<String, String> e = b.environment();
        e.put("TORCH_CPP_LOG_LEVEL", "ERROR");
        env.forEach(
                (k, v) -> {
                    if (v == null) e.remove(k);
                    else e.put(k, v);
                });
        return b.start();
    }

    /** Waits until a server started by {@link #start} answers, failing with its log if it ends. */
    public static void awaitServer(String base, Process server, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/openapi.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("server up within 2 min").isLessThan(end);
            Thread.sleep(200);
        }
    }
}
