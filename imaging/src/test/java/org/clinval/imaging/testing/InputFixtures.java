package org.clinval.imaging.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * References for model inputs of every modality, computed outside the Java code at test time:
 * {@code modality_reference.py} (pydicom's colour conversion and numpy's normalisations of
 * pydicom's test files) and {@code make_input_models.py} (small colour and grey CNNs made with
 * PyTorch, with PyTorch's outputs).
 */
public final class InputFixtures {

    private static Path reference;
    private static Path models;

    private InputFixtures() {}

    /**
     * Runs, once per test JVM:
     *
     * <pre>
     *   /usr/bin/python3 imaging/src/test/python/modality_reference.py \
     *       /usr/lib/python3/dist-packages/pydicom/data/test_files target/modality-reference
     * </pre>
     */
    public static synchronized Path reference() throws IOException, InterruptedException {
        DebianDicomFiles.assumeInstalled();
        if (reference == null) {
            Path out = Path.of("target", "modality-reference").toAbsolutePath();
            Files.createDirectories(out);
            DebianDicomFiles.python(
                    script("modality_reference.py"),
                    List.of(DebianDicomFiles.TEST_FILES.toString(), out.toString()),
                    out.resolve("python.log"));
            reference = out;
        }
        return reference;
    }

    /**
     * Runs {@code make_input_models.py} once per test JVM (with pydicom's test folder, so that it
     * also writes {@code dicom_grading.csv}) and returns its folder.
     */
    public static synchronized Path models() throws IOException, InterruptedException {
        if (models != null) return models;
        assumeTrue(
                Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/torch")),
                "Debian's python3-torch is not installed (.ci/install-test-tools installs it)");
        Path out = Path.of("target", "input-models").toAbsolutePath();
        Files.createDirectories(out);
        List<String> cmd =
                new java.util.ArrayList<>(
                        List.of(
                                "/usr/bin/python3",
                                script("make_input_models.py").toString(),
                                out.toString()));
        if (Files.isDirectory(DebianDicomFiles.TEST_FILES)) {
            cmd.add(DebianDicomFiles.TEST_FILES.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("make_input_models.py failed:\n" + log);
        }
        models = out;
        return models;
    }

    /** The script, from imaging's folder or from a sibling module's (other modules' tests). */
    public static Path script(String name) {
        Path own = Path.of("src/test/python", name);
        return Files.exists(own) ? own : Path.of("../imaging/src/test/python", name);
    }

    /** Reads a little-endian float32 array written by numpy's {@code tofile}. */
    public static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    /** The colour image {@code k} of {@code make_input_models.py}: planar R, G, B, 32 × 32. */
    public static float[] rgb(int k) {
        float[] v = new float[3 * 32 * 32];
        for (int ch = 0; ch < 3; ch++)
            for (int r = 0; r < 32; r++)
                for (int c = 0; c < 32; c++)
                    v[ch * 1024 + r * 32 + c] = (7 * r + 13 * c + 31 * k + 50 * ch) % 256;
        return v;
    }

    /** PyTorch's output for {@code model} on image {@code k}: grade probabilities or [expected]. */
    public static double[] torchOutput(String model, int k)
            throws IOException, InterruptedException {
        return TorchFixtures.rows(models().resolve("grading.csv")).stream()
                .filter(r -> r[0].equals(model) && r[1].equals(Integer.toString(k)))
                .mapToDouble(r -> Double.parseDouble(r[3]))
                .toArray();
    }
}
