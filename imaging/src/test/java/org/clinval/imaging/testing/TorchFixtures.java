package org.clinval.imaging.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/make_test_models.py} with Debian's python3-torch once per test JVM:
 * small TorchScript and ONNX models made outside the Java code, with PyTorch's own outputs.
 */
public final class TorchFixtures {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path OUT = Path.of("target/test-models");
    private static Path made;

    private TorchFixtures() {}

    /** Returns the folder with the models and {@code expected.csv}, making them on first use. */
    public static synchronized Path dir() throws IOException, InterruptedException {
        if (made != null) return made;
        assumeTrue(
                Files.isExecutable(PYTHON) && hasTorch(),
                "Debian's python3-torch and python3-onnx are not installed "
                        + "(.ci/install-test-tools installs them)");
        Process p =
                new ProcessBuilder(PYTHON.toString(), script().toString(), OUT.toString())
                        .redirectErrorStream(true)
                        .start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("make_test_models.py failed:\n" + log);
        }
        made = OUT;
        return made;
    }

    /** The script, from imaging's folder or from a sibling module's (other modules' tests). */
    private static Path script() {
        Path own = Path.of("src/test/python/make_test_models.py");
        return Files.exists(own) ? own : Path.of("../imaging/src/test/python/make_test_models.py");
    }

    private static boolean hasTorch() throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(PYTHON.toString(), "-c", "import torch, onnx")
                        .redirectErrorStream(true)
                        .start();
        p.getInputStream().readAllBytes();
        return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
    }

    /** Returns the HU image {@code k} of the fixture formula, 32 × 32. */
    public static float[] image(int k) {
        float[] hu = new float[32 * 32];
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                hu[r * 32 + c] =
                        (float) (-1000.0 + 1400.0 * ((7 * r + 13 * c + 31 * k) % 97) / 96.0);
            }
        }
        return hu;
    }

    /** Returns the rows of a fixture CSV, without comment and header lines. */
    public static List<String[]> rows(Path csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(csv)) {
            if (line.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            out.add(line.split(","));
        }
        return out;
    }
}
