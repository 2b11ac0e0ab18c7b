package org.clinval.imaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs David Clunie's {@code dciodvfy} (Debian {@code dicom3tools}) on a written file: the
 * independent check that an object conforms to its IOD. A test fails listing every error.
 */
public final class Dciodvfy {

    /** The verdict: the IOD dciodvfy recognised, its errors and warnings. */
    public record Report(String iod, List<String> errors, List<String> warnings) {}

    private static final Path BINARY = Path.of("/usr/bin/dciodvfy");

    private Dciodvfy() {}

    /** Skips the calling test, with the reason, when dicom3tools is not installed. */
    public static void assumeInstalled() {
        assumeTrue(
                Files.isExecutable(BINARY),
                "dciodvfy not installed: run .ci/install-test-tools (Debian dicom3tools)");
    }

    /** Runs dciodvfy on {@code file}. */
    public static Report run(Path file) throws IOException, InterruptedException {
        assumeInstalled();
        Process p =
                new ProcessBuilder(BINARY.toString(), file.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("dciodvfy did not finish in 60 s on " + file);
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String iod = "";
        for (String line : out.split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            } else if (line.startsWith("Warning")) {
                warnings.add(line);
            } else if (!line.isBlank() && iod.isEmpty()) {
                iod = line.strip();
            }
        }
        return new Report(iod, errors, warnings);
    }

    /** Asserts that dciodvfy finds no error in {@code file} and that it is a {@code iod}. */
    public static Report assertValid(Path file, String iod)
            throws IOException, InterruptedException {
        Report r = run(file);
        assertThat(r.errors()).as("dciodvfy errors in %s (%s)", file, r.iod()).isEmpty();
        assertThat(r.iod()).as("IOD dciodvfy recognised in %s", file).isEqualTo(iod);
        return r;
    }
}
