package org.clinval.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Library logs go to the log file, never to the terminal, and a command that logged warnings or
 * errors ends with one line saying how many and where. The tests log the way libraries do: through
 * SLF4J (Flink, Camunda, DJL, PixelMed), Log4j's API (POI), commons-logging (Jasper) and {@code
 * java.util.logging} (Cucumber).
 */
class LogsTest {

    @TempDir Path dir;
    private String saved;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void logToTheTempFolder() {
        saved = System.getProperty("clinval.log");
        System.setProperty("clinval.log", dir.resolve("user").resolve(Logs.FILE).toString());
    }

    @AfterEach
    void restore() {
        Logs.finish();
        if (saved == null) System.clearProperty("clinval.log");
        else System.setProperty("clinval.log", saved);
    }

    @Test
    void aQuietCommandPrintsNothingAndWritesNoFile() {
        Logs.start("stats roc", false, new PrintWriter(err));
        LoggerFactory.getLogger("com.example.Library").info("routine");
        assertThat(Logs.finish()).isEmpty();
        assertThat(err.toString()).isEmpty();
        assertThat(dir.resolve("user")).doesNotExist();
    }

    @Test
    void warningsFromEveryLoggingApiAreCountedAndWrittenToTheFile() throws IOException {
        Logs.start("dicom info", false, new PrintWriter(err));
        LoggerFactory.getLogger("com.pixelmed.dicom.CompressedFrameDecoder")
                .error("decoder failed", new IllegalStateException("boom"));
        org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.Workbook").warn("poi");
        org.apache.commons.logging.LogFactory.getLog("net.sf.jasperreports.Fill").warn("jasper");
        java.util.logging.Logger.getLogger("io.cucumber.core.Plugin").log(Level.WARNING, "jul");

        Path file = dir.resolve("user").resolve(Logs.FILE);
        assertThat(Logs.finish())
                .contains("1 error and 3 warnings from libraries; see " + file.toAbsolutePath());
        assertThat(err.toString()).isEmpty();
        String log = Files.readString(file);
        assertThat(log)
                .startsWith("--- ")
                .contains(" clinval dicom info\n")
                .contains("ERROR [main] com.pixelmed.dicom.CompressedFrameDecoder - decoder failed")
                .contains("java.lang.IllegalStateException: boom")
                .contains("WARN  [main] org.apache.poi.Workbook - poi")
                .contains("WARN  [main] net.sf.jasperreports.Fill - jasper")
                .contains("WARN  [main] io.cucumber.core.Plugin - jul");
    }

    @Test
    void debugAlsoEchoesEveryEventToStderr() {
        Logs.start("demo", true, new PrintWriter(err));
        LoggerFactory.getLogger("org.apache.flink.Library").warn("a warning");
        assertThat(Logs.finish())
                .contains("1 warning from libraries; see " + Logs.defaultFile().toAbsolutePath());
        assertThat(err.toString()).contains("WARN  [main] org.apache.flink.Library - a warning\n");
    }

    @Test
    void aRunFolderTakesTheRestOfTheLogOnceItExists() throws IOException {
        Logs.start("task complete", false, new PrintWriter(err));
        Path run = dir.resolve("run");
        Logs.toFile(run);
        LoggerFactory.getLogger("org.camunda.Engine").warn("before the folder exists");
        Files.createDirectories(run);
        LoggerFactory.getLogger("org.camunda.Engine").warn("after");
        Path user = dir.resolve("user").resolve(Logs.FILE).toAbsolutePath();
        Path inRun = run.resolve(Logs.FILE).toAbsolutePath();
        assertThat(Logs.finish())
                .contains("2 warnings from libraries; see " + user + " and " + inRun);
        assertThat(Files.readString(user))
                .contains("before the folder exists")
                .doesNotContain("after");
        assertThat(Files.readString(inRun)).contains("after").doesNotContain("before");
    }

    @Test
    void countsStartAgainWithEachCommand() {
        Logs.start("one", false, new PrintWriter(err));
        LoggerFactory.getLogger("com.example.Library").warn("one");
        assertThat(Logs.finish()).isPresent();
        Logs.start("two", false, new PrintWriter(err));
        assertThat(Logs.finish()).isEmpty();
    }

    @Test
    void theUsersLogIsInTheCacheFolderUnlessSetOtherwise() {
        System.clearProperty("clinval.log");
        Path p = Logs.defaultFile();
        if (System.getenv("CLINVAL_LOG") == null && System.getenv("XDG_CACHE_HOME") == null) {
            assertThat(p)
                    .isEqualTo(
                            Path.of(
                                    System.getProperty("user.home"),
                                    ".cache",
                                    "clinval",
                                    "clinval.log"));
        }
        System.setProperty("clinval.log", dir.resolve("x.log").toString());
        assertThat(Logs.defaultFile()).isEqualTo(dir.resolve("x.log"));
    }

    @Test
    void julThatStartsAfterTheEntryPointStillWritesToTheFile() throws Exception {
        // A real run leaves JUL unstarted until a library logs through it (starting it searched
        // every jar); in this test JVM JUL started long ago, so a child process runs the real path.
        Path log = dir.resolve("child").resolve(Logs.FILE);
        // Without other modules' test classes: their log4j2-test.xml prints to the console.
        String own =
                Path.of(JulChild.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString();
        String classPath =
                java.util.Arrays.stream(
                                System.getProperty("java.class.path")
                                        .split(java.io.File.pathSeparator))
                        .filter(e -> e.equals(own) || !e.endsWith("test-classes"))
                        .filter(e -> !e.endsWith("-tests.jar"))
                        .collect(Collectors.joining(java.io.File.pathSeparator));
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Dclinval.log=" + log,
                                "-cp",
                                classPath,
                                JulChild.class.getName())
                        .redirectOutput(dir.resolve("out.txt").toFile())
                        .redirectError(dir.resolve("err.txt").toFile())
                        .start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
        assertThat(Files.readString(dir.resolve("out.txt")))
                .isEqualTo(
                        "1 warning from libraries; see "
                                + log.toAbsolutePath()
                                + System.lineSeparator());
        assertThat(Files.readString(log))
                .contains("WARN  [main] io.cucumber.core.Plugin - from jul");
    }
}
