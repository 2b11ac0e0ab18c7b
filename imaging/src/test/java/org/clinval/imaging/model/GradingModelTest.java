package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.preprocess.ImageContext;
import org.clinval.imaging.testing.InputFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grading models made outside the project ({@code make_input_models.py}: a 5-grade colour CNN and
 * an expected-grade CNN, traced to TorchScript and exported to ONNX) give PyTorch's outputs.
 */
class GradingModelTest {

    @TempDir Path dir;

    private static final String GRADES = "grades: [none, mild, moderate, severe, proliferative]\n";

    private Path descriptor(String model, String format, String output) throws Exception {
        Path yaml = dir.resolve(model + "-" + format + ".yaml");
        Files.writeString(
                yaml,
                "name: "
                        + model
                        + "\ntask: grading\nformat: "
                        + format
                        + "\nfile: "
                        + InputFixtures.models()
                                .resolve(model + (format.equals("onnx") ? ".onnx" : ".pt"))
                        + "\ninput: {channels: 3, height: 32, width: 32}\npreprocessing:\n"
                        + "  - scale: {factor: 0.00392156862745098}\n"
                        + "  - standardize: {mean: [0.5, 0.3, 0.2], std: [0.25, 0.2, 0.15]}\n"
                        + output
                        + GRADES);
        return yaml;
    }

    private static List<ImageSlice> images() {
        List<ImageSlice> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            out.add(
                    new ImageSlice(
                            InputFixtures.rgb(k),
                            32,
                            32,
                            Double.NaN,
                            Double.NaN,
                            3,
                            ImageContext.RGB));
        }
        return out;
    }

    // Reference: torch.softmax(TinyGrader()(x), dim=1) in make_input_models.py (grading.csv).
    @ParameterizedTest
    @ValueSource(strings = {"onnx", "torchscript"})
    void aSoftmaxGraderGivesEachGradesProbabilityAsPyTorch(String format) throws Exception {
        Path yaml = descriptor("tiny_grader", format, "output: {kind: logit, classes: 5}\n");
        try (ImageModel m = Models.load(yaml);
                ImagePredictor p = m.newPredictor()) {
            List<Prediction> preds = p.predictAll(images());
            for (int k = 0; k < 3; k++) {
                double[] expected = InputFixtures.torchOutput("tiny_grader", k);
                Prediction pr = preds.get(k);
                assertThat(pr.task()).isEqualTo(Task.GRADING);
                assertThat(pr.classProbabilities()).hasSize(5);
                for (int g = 0; g < 5; g++) {
                    assertThat(pr.classProbabilities()[g]).isCloseTo(expected[g], within(1e-5));
                }
                int argmax = 0;
                for (int g = 1; g < 5; g++) if (expected[g] > expected[argmax]) argmax = g;
                assertThat(pr.grade()).as("image " + k).isEqualTo(argmax);
                assertThat(pr.probability()).isCloseTo(1 - expected[0], within(1e-5));
            }
            // The fixture's images do not all get the same grade.
            assertThat(preds.stream().map(Prediction::grade).distinct().count()).isGreaterThan(1);
        }
    }

    // Reference: 4 * sigmoid(TinyGrader()(x)) in make_input_models.py (grading.csv).
    @Test
    void anExpectedGradeModelGivesItsGradeRoundedAndClamped() throws Exception {
        Path yaml =
                descriptor("tiny_expected_grade", "onnx", "output: {kind: score, classes: 1}\n");
        try (ImageModel m = Models.load(yaml);
                ImagePredictor p = m.newPredictor()) {
            List<Prediction> preds = p.predictAll(images());
            for (int k = 0; k < 3; k++) {
                double e = InputFixtures.torchOutput("tiny_expected_grade", k)[0];
                Prediction pr = preds.get(k);
                assertThat(pr.classProbabilities()).hasSize(1);
                assertThat(pr.classProbabilities()[0]).isCloseTo(e, within(1e-5));
                assertThat(pr.grade()).isEqualTo((int) Math.floor(e + 0.5));
                assertThat(pr.probability()).isCloseTo(e / 4, within(1e-5));
            }
        }
    }

    @Test
    void aGradingDescriptorNamesItsGradesAndMatchesItsOutput() throws Exception {
        String base =
                "name: g\nversion: \"1\"\ntask: grading\nformat: onnx\nfile: g.onnx\n"
                        + "input: {channels: 3, height: 32, width: 32}\npreprocessing: []\n";
        ModelDescriptor d =
                ModelDescriptor.parse(base + "output: {kind: logit, classes: 5}\n" + GRADES, "ok");
        assertThat(d.grades())
                .containsExactly("none", "mild", "moderate", "severe", "proliferative");
        assertThat(ModelDescriptor.parse(d.toYaml(), "round trip")).isEqualTo(d);
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        base + "output: {kind: logit, classes: 4}\n" + GRADES,
                                        "four classes"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("output has 4 classes but the model names 5 grades");
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        base + "output: {kind: logit, classes: 5}\n", "none"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("grades");
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        base.replace("grading", "classification")
                                                + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n"
                                                + GRADES,
                                        "classifier with grades"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("only with task grading");
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        base
                                                + "output: {kind: logit, classes: 3}\n"
                                                + "grades: [a, b, a]\n",
                                        "repeated"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("'a' is listed twice")
                .hasMessageNotContaining("classes");
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        base.replace(
                                                        "preprocessing: []",
                                                        "preprocessing:\n  - standardize: {mean: [0.5, 0.3], std: [0.2]}")
                                                + "output: {kind: logit, classes: 5}\n"
                                                + GRADES,
                                        "standardize"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("has 2 means but 1 stds");
    }
}
