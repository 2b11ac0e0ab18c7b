package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.testing.TorchFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Users' models made outside the project by src/test/python/make_test_models.py (torch.jit.trace
 * and torch.onnx.export of small CNNs), run through the same API as the built-in models. Expected
 * values: PyTorch's own eager outputs, written by that script to expected.csv.
 */
class UserModelTest {

    private static Path dir;
    private static List<String[]> expected;

    @BeforeAll
    static void makeModels() throws Exception {
        dir = TorchFixtures.dir();
        expected = TorchFixtures.rows(dir.resolve("expected.csv"));
    }

    static Path descriptor(
            Path where, String model, String format, String task, String output, int size)
            throws Exception {
        String ext = format.equals("onnx") ? ".onnx" : ".pt";
        Path file = where.resolve(model + "-" + format + "-" + size + ".yaml");
        Files.writeString(
                file,
                "name: "
                        + model
                        + "\nversion: \"0.1\"\ntask: "
                        + task
                        + "\nformat: "
                        + format
                        + "\nfile: "
                        + dir.toAbsolutePath().resolve(model + ext)
                        + "\ninput: {channels: 1, height: "
                        + size
                        + ", width: "
                        + size
                        + "}\npreprocessing:\n"
                        + "  - window: {lower: -1000, upper: 400}\n"
                        + "  - rescale: {lower: -1000, upper: 400}\n"
                        + "output: "
                        + output
                        + "\nthreshold: 0.5\n");
        return file;
    }

    private static double expected(String model, int image, int index) {
        for (String[] r : expected) {
            if (r[0].equals(model)
                    && Integer.parseInt(r[1]) == image
                    && Integer.parseInt(r[2]) == index) {
                return Double.parseDouble(r[3]);
            }
        }
        throw new AssertionError("no expected value for " + model + " " + image + " " + index);
    }

    private static List<ImageSlice> images() {
        List<ImageSlice> s = new ArrayList<>();
        for (int k = 0; k < 3; k++) s.add(new ImageSlice(TorchFixtures.image(k), 32, 32, 0.7, 0.7));
        return s;
    }

    // Reference: torch.softmax(TinyClassifier()(x), dim=1)[:, 1] in make_test_models.py.
    @ParameterizedTest
    @ValueSource(strings = {"torchscript", "onnx"})
    void classifierMatchesPyTorch(String format, @TempDir Path tmp) throws Exception {
        Path yaml =
                descriptor(
                        tmp,
                        "tiny_classifier",
                        format,
                        "classification",
                        "{kind: logit, classes: 2, positive_index: 1}",
                        32);
        try (ImageModel m = Models.load(yaml);
                ImagePredictor p = m.newPredictor()) {
            List<Prediction> batch = p.predictAll(images());
            for (int k = 0; k < 3; k++) {
                double want = expected("tiny_classifier", k, 0);
                assertThat(batch.get(k).probability()).isCloseTo(want, within(1e-5));
                assertThat(p.predict(images().get(k)).probability()).isCloseTo(want, within(1e-5));
                assertThat(batch.get(k).probabilityMap()).isEmpty();
            }
            assertThat(m.weightsSha256()).hasSize(64);
        }
    }

    // Reference: TinySegmenter()(x) (sigmoid inside the model) in make_test_models.py.
    @ParameterizedTest
    @ValueSource(strings = {"torchscript", "onnx"})
    void segmenterMatchesPyTorchPixelByPixel(String format, @TempDir Path tmp) throws Exception {
        Path yaml =
                descriptor(
                        tmp,
                        "tiny_segmenter",
                        format,
                        "segmentation",
                        "{kind: probability, classes: 1, positive_index: 0}",
                        32);
        try (ImageModel m = Models.load(yaml);
                ImagePredictor p = m.newPredictor()) {
            List<Prediction> batch = p.predictAll(images());
            for (int k = 0; k < 3; k++) {
                float[] map = batch.get(k).probabilityMap().orElseThrow().values();
                assertThat(map).hasSize(32 * 32);
                double max = 0;
                for (int i = 0; i < map.length; i++) {
                    double want = expected("tiny_segmenter", k, i);
                    assertThat((double) map[i]).as("pixel " + i).isCloseTo(want, within(1e-5));
                    max = Math.max(max, want);
                }
                assertThat(batch.get(k).probability()).isCloseTo(max, within(1e-5));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"torchscript", "onnx"})
    void aModelThatDoesNotTakeTheDeclaredInputFailsAtLoadNamingTheFile(
            String format, @TempDir Path tmp) throws Exception {
        Path yaml =
                descriptor(
                        tmp,
                        "tiny_classifier",
                        format,
                        "classification",
                        "{kind: logit, classes: 2, positive_index: 1}",
                        48);
        assertThatThrownBy(() -> Models.load(yaml).close())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("tiny_classifier")
                .hasMessageContaining("does not fit its descriptor's input (1, 48, 48)");
    }

    @Test
    void anOutputThatDoesNotMatchTheTaskFailsAtLoad(@TempDir Path tmp) throws Exception {
        // The classifier outputs (N, 2); a segmentation descriptor needs (N, 1, H, W).
        Path yaml =
                descriptor(
                        tmp,
                        "tiny_classifier",
                        "onnx",
                        "segmentation",
                        "{kind: logit, classes: 1, positive_index: 0}",
                        32);
        assertThatThrownBy(() -> Models.load(yaml).close())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("output has shape [1, 2]");
    }

    @Test
    void aWrongSha256IsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path yaml =
                descriptor(
                        tmp,
                        "tiny_classifier",
                        "onnx",
                        "classification",
                        "{kind: logit, classes: 2, positive_index: 1}",
                        32);
        Files.writeString(yaml, Files.readString(yaml) + "sha256: \"" + "0".repeat(64) + "\"\n");
        assertThatThrownBy(() -> Models.load(yaml).close())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("tiny_classifier.onnx has SHA-256")
                .hasMessageContaining("expects " + "0".repeat(64));
    }

    @Test
    void aPredictorBelongsToTheThreadThatOpenedIt(@TempDir Path tmp) throws Exception {
        Path yaml =
                descriptor(
                        tmp,
                        "tiny_classifier",
                        "onnx",
                        "classification",
                        "{kind: logit, classes: 2, positive_index: 1}",
                        32);
        try (ImageModel m = Models.load(yaml);
                ImagePredictor p = m.newPredictor()) {
            Throwable[] seen = new Throwable[1];
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    p.predict(images().get(0));
                                } catch (Throwable e) {
                                    seen[0] = e;
                                }
                            });
            t.start();
            t.join();
            assertThat(seen[0])
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("one predictor per thread");
        }
    }
}
