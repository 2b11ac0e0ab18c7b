package org.clinval.imaging.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DICOM test data from Debian's {@code python3-pydicom} package (never committed here), and the
 * independent decoder script run at test time. {@code .ci/install-test-tools} installs the
 * packages; a test skips only when they are absent.
 */
public final class DebianDicomFiles {

    /** pydicom's test files, installed by the Debian package {@code python3-pydicom}. */
    public static final Path TEST_FILES =
            Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    /** Debian's Python, which has python3-pydicom, python3-gdcm and numpy. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private static Path reference;

    private DebianDicomFiles() {}

    /**
     * Runs the independent decoder once per test JVM and returns its output folder:
     *
     * <pre>
     *   /usr/bin/python3 src/test/python/dicom_reference.py \
     *       /usr/lib/python3/dist-packages/pydicom/data/test_files target/dicom-reference
     * </pre>
     */
    public static synchronized Path reference() throws IOException, InterruptedException {
        assumeInstalled();
        if (reference == null) {
            Path out = Path.of("target", "dicom-reference");
            Files.createDirectories(out);
            Files.deleteIfExists(out.resolve("java-differences.csv"));
            python(
                    Path.of("src/test/python/dicom_reference.py"),
                    List.of(TEST_FILES.toString(), out.toString()),
                    out.resolve("python.log"));
            reference = out;
        }
        return reference;
    }

    /** Returns a test file, skipping the test if the Debian package is not installed. */
    public static Path file(String name) {
        assumeInstalled();
        Path p = TEST_FILES.resolve(name);
        assumeTrue(Files.isRegularFile(p), "python3-pydicom lacks " + name);
        return p;
    }

    /** Skips the test with a clear message when python3-pydicom is not installed. */
    public static void assumeInstalled() {
        assumeTrue(
                Files.isDirectory(TEST_FILES),
                "Debian package python3-pydicom is not installed (" + TEST_FILES + " missing)");
    }

    /** Runs {@code /usr/bin/python3 script args...} and fails if it does not exit with 0. */
    public static void python(Path script, List<String> args, Path log)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed");
        var cmd = new java.util.ArrayList<String>();
        cmd.add(PYTHON.toString());
        cmd.add(script.toString());
        cmd.addAll(args);
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    cmd + " exited with " + p.exitValue() + ":\n" + Files.readString(log));
        }
    }
}
