package org.clinval.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clinval.app.testing.ClinvalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The newcomer's order, on a machine with no clinval set-up: {@code clinval serve} with no option
 * (it creates and uses the demo site), then {@code clinval demo} in the same folder (it signs with
 * that site), and the study appears in the browser, its audit trail verified by the server with the
 * site's key, for the demo users the server logs in.
 */
class ServeFirstIT {

    @TempDir Path dir;

    @Test
    void serveFirstThenTheDemoShowsTheDemoStudy() throws Exception {
        assertThat(BrowserTour.available())
                .as("Debian chromium and chromium-driver (.ci/install-test-tools installs them)")
                .isTrue();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Path serveLog = dir.resolve("serve.log");
        Process server = clinval(serveLog, List.of("serve", "--port", String.valueOf(port)));
        try {
            awaitServer(base, server, serveLog);
            assertThat(Files.readString(serveLog))
                    .contains("it uses the demo site " + dir.resolve("clinval-demo-site"))
                    .contains("run ./clinval demo and ./clinval pms demo")
                    .doesNotContain("Exception");

            Path demoLog = dir.resolve("demo.log");
            Process demo = clinval(demoLog, List.of("demo", "--cases", "30"));
            assertThat(demo.waitFor()).as(Files.readString(demoLog)).isIn(0, 3);

            try (BrowserTour b =
                    new BrowserTour(base, Path.of("target", "screenshots", "serve-first"))) {
                b.login("qa.lead", "demo-only-password");
                b.waitFor(By.cssSelector("a[data-run]"));
                b.screenshot("01-studies");
                b.click(By.cssSelector("a[data-run]"));
                b.wait.until(d -> d.findElement(By.id("view")).getText().contains("Signatures"));
                assertThat(b.text()).contains("CLV-DEMO-001", "verified");
                b.screenshot("02-demo-run");
                b.click(By.id("logout"));
                // The analyst of the surveillance demo exists from the server's start.
                b.login("pms.analyst", "demo-only-password");
                b.waitFor(By.cssSelector("#nav-pms"));
                b.wait.until(d -> d.findElement(By.id("who")).getText().contains("pms-analyst"));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** Starts {@code clinval args} in the test's folder, with no clinval set-up. */
    private Process clinval(Path log, List<String> args) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        System.getenv().keySet().stream()
                .filter(k -> k.startsWith("CLINVAL_"))
                .forEach(k -> env.put(k, null));
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return ClinvalProcess.start(log, dir, env, args);
    }

    private static void awaitServer(String base, Process server, Path log) throws Exception {
        ClinvalProcess.awaitServer(base, server, log);
    }
}
