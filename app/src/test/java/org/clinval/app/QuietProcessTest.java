package org.clinval.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal of a real process, as a user sees it: what native code (libtorch) and libraries that
 * print to {@code System.err} write there is not captured by an in-process run. The child JVM gets
 * neither {@code TORCH_CPP_LOG_LEVEL} nor {@code java.awt.headless}, so the defaults of the
 * application itself are tested, not the launcher's.
 */
class QuietProcessTest {

    static final Path FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir Path dir;

    /** Options for the child JVM beyond the launcher's. */
    private final List<String> jvmOptions = new ArrayList<>();

    private record Child(int exit, String out, String err) {}

    private Child clinval(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xss16m");
        command.add("-Dai.djl.offline=true");
        command.add("-Dclinval.log=" + dir.resolve("clinval.log"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(applicationClassPath());
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("TORCH_CPP_LOG_LEVEL");
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("clinval " + String.join(" ", args) + " did not end");
        }
        return new Child(
                p.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /**
     * The test class path without test classes and test jars, whose {@code log4j2-test.xml} (a
     * console appender for other modules' tests) would replace the application's configuration.
     */
    private static String applicationClassPath() {
        return java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("-tests.jar"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    @Test
    void aPredictionPrintsNoNativeWarning() throws Exception {
        // Libtorch 2.7 printed "Could not initialize NNPACK! Reason: Unsupported hardware." at
        // every convolution on processors without NNPACK support.
        Child c =
                clinval("predict", "--model", "classifier", "--phantom-seed", "7", "--cases", "3");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).isEmpty();
        assertThat(c.out()).contains("\"cases\" : 3");
    }

    @Test
    void aCompressedImagePrintsNoHeadlessException() throws Exception {
        // PixelMed asked AWT for a screen and logged a HeadlessException with its stack trace.
        Path dcmcjpeg = Path.of("/usr/bin/dcmcjpeg");
        assumeTrue(Files.isExecutable(dcmcjpeg), "dcmtk is not installed");
        assumeTrue(Files.isDirectory(FILES), "python3-pydicom is not installed");
        Path jpeg = dir.resolve("ct-jpeg-lossless.dcm");
        Process p =
                new ProcessBuilder(
                                dcmcjpeg.toString(),
                                "+e1",
                                FILES.resolve("CT_small.dcm").toString(),
                                jpeg.toString())
                        .inheritIO()
                        .start();
        assertThat(p.waitFor()).isZero();
        Child c = clinval("dicom", "info", jpeg.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).isEmpty();
        assertThat(c.out()).contains("\"transfer_syntax\" : \"1.2.840.10008.1.2.4.70\"");
        assertThat(dir.resolve("clinval.log")).doesNotExist();
    }

    @Test
    void aLibraryErrorIsOneSummaryLineAndTheTraceIsInTheLog() throws Exception {
        // PixelMed logs the JPEG reader's IIOException with its stack trace before giving up.
        assumeTrue(Files.isDirectory(FILES), "python3-pydicom is not installed");
        Child c = clinval("dicom", "info", FILES.resolve("JPEG-lossy.dcm").toString());
        assertThat(c.exit()).isEqualTo(1);
        assertThat(c.err())
                .isEqualTo(
                        "clinval: 1 of 1 files failed\n"
                                + "clinval: 2 errors from libraries; see "
                                + dir.resolve("clinval.log").toAbsolutePath()
                                + "\n");
        assertThat(Files.readString(dir.resolve("clinval.log")))
                .contains(" clinval dicom info\n")
                .contains("ERROR [main] com.pixelmed.dicom.CompressedFrameDecoder")
                .contains("\tat ");
    }

    @Test
    void aShortCommandStartsNeitherLog4jNorAnObjectMapper() throws Exception {
        // Log4j's set-up (about 600 classes) and an ObjectMapper's (about 300) were most of a
        // short command's start-up; a command whose libraries log nothing needs neither.
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, "label,score\n1,0.9\n0,0.2\n1,0.7\n0,0.4\n");
        Path classes = dir.resolve("classes.txt");
        jvmOptions.add("-Xlog:class+load=info:file=" + classes);
        Child c =
                clinval(
                        "stats",
                        "binary",
                        "--csv",
                        csv.toString(),
                        "--label",
                        "label",
                        "--score",
                        "score",
                        "--threshold",
                        "0.5");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).isEmpty();
        assertThat(c.out()).contains("\"sensitivity\" : {");
        String loaded = Files.readString(classes);
        assertThat(loaded)
                .contains("org.clinval.app.stats.BinaryCommand ")
                .doesNotContain("org.apache.logging.log4j.core.")
                .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper ");
    }
}
