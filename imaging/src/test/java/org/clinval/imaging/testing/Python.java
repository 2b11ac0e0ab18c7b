package org.clinval.imaging.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent Python decoders of {@code src/test/python} with Debian's python3. */
public final class Python {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom");

    private Python() {}

    /** Runs {@code src/test/python/<script> args...} and returns its standard output. */
    public static String run(String script, String... args)
            throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(PYTHON) && Files.isDirectory(PYDICOM),
                "python3-pydicom not installed: run .ci/install-test-tools");
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "src/test/python/" + script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(script + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(script + " failed: " + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
