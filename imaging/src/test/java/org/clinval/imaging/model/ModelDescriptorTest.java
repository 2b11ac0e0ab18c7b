package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinval.imaging.model.training.BuiltInDescriptors;
import org.clinval.imaging.preprocess.HuWindow;
import org.clinval.imaging.preprocess.Rescale;
import org.clinval.imaging.preprocess.Resize;
import org.junit.jupiter.api.Test;

class ModelDescriptorTest {

    private static final String VALID =
            """
            name: my-model
            version: "2"
            task: segmentation
            format: onnx
            file: my-model.onnx
            sha256: "ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
            input: {channels: 3, height: 128, width: 96}
            preprocessing:
              - window: {lower: -1000, upper: 400}
              - resize: {height: 128, width: 96}
              - rescale: {lower: -1000, upper: 400}
            output: {kind: probability, classes: 2, positive_index: 1}
            threshold: 0.4
            """;

    @Test
    void readsEveryField() throws Exception {
        ModelDescriptor d = ModelDescriptor.parse(VALID, "test");
        assertThat(d.name()).isEqualTo("my-model");
        assertThat(d.version()).isEqualTo("2");
        assertThat(d.task()).isEqualTo(Task.SEGMENTATION);
        assertThat(d.format()).isEqualTo(ModelFormat.ONNX);
        assertThat(d.format().engine()).isEqualTo("OnnxRuntime");
        assertThat(d.sha256())
                .contains("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
        assertThat(d.input()).isEqualTo(new InputShape(3, 128, 96));
        assertThat(d.preprocessing().steps())
                .containsExactly(
                        new HuWindow(-1000, 400), new Resize(128, 96), new Rescale(-1000, 400));
        assertThat(d.output()).isEqualTo(new OutputSpec(OutputKind.PROBABILITY, 2, 1));
        assertThat(d.threshold()).isEqualTo(0.4);
    }

    @Test
    void writingAndReadingGivesTheSameDescriptor() throws Exception {
        ModelDescriptor d = ModelDescriptor.parse(VALID, "test");
        assertThat(ModelDescriptor.parse(d.toYaml(), "written")).isEqualTo(d);
        ModelDescriptor builtIn = BuiltInDescriptors.of(BuiltInModel.NODULE_UNET);
        assertThat(ModelDescriptor.parse(builtIn.toYaml(), "written")).isEqualTo(builtIn);
    }

    @Test
    void anInvalidDescriptorListsEveryProblem() {
        String bad =
                """
                name: broken
                task: detection
                format: tensorflow
                inputs: {channels: 1}
                input: {channels: 2, height: 64}
                preprocessing:
                  - window: {lower: 400, upper: -1000}
                  - blur: {sigma: 1}
                  - resize: {height: 32, width: 32}
                output: {kind: odds, classes: 1, positive_index: 3}
                threshold: 1.5
                """;
        assertThatThrownBy(() -> ModelDescriptor.parse(bad, "broken.yaml"))
                .isInstanceOfSatisfying(
                        InvalidDescriptorException.class,
                        e -> {
                            assertThat(e.problems())
                                    .anyMatch(p -> p.startsWith("inputs: is not a known key"))
                                    .anyMatch(p -> p.startsWith("task: 'detection' is not one of"))
                                    .anyMatch(p -> p.startsWith("format: 'tensorflow'"))
                                    .anyMatch(p -> p.equals("file: is required"))
                                    .anyMatch(p -> p.equals("input.width: is required"))
                                    .anyMatch(p -> p.equals("input.channels: 2 is not one of 1, 3"))
                                    .anyMatch(p -> p.startsWith("preprocessing[0].window: window"))
                                    .anyMatch(
                                            p ->
                                                    p.startsWith(
                                                            "preprocessing[1].blur: is not a known"
                                                                    + " key"))
                                    .anyMatch(p -> p.startsWith("output.kind: 'odds'"))
                                    .anyMatch(
                                            p ->
                                                    p.startsWith(
                                                            "threshold: 1.5 is above the maximum"
                                                                    + " 1"));
                            assertThat(e.problems()).hasSize(10);
                            assertThat(e.getMessage())
                                    .startsWith(
                                            "invalid model descriptor broken.yaml (10 problems)");
                        });
    }

    @Test
    void aResizeThatDisagreesWithTheInputIsAProblem() {
        String bad =
                VALID.replace(
                        "resize: {height: 128, width: 96}", "resize: {height: 64, width: 64}");
        assertThatThrownBy(() -> ModelDescriptor.parse(bad, "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining(
                        "preprocessing: resizes to 64 x 64 but the input is 128 x 96");
    }

    @Test
    void outputIndexAndChannelsAreChecked() {
        String bad =
                VALID.replace("positive_index: 1", "positive_index: 2")
                        .replace("channels: 3", "channels: 2")
                        .replace("sha256: \"ABCDEF", "sha256: \"XYZDEF");
        assertThatThrownBy(() -> ModelDescriptor.parse(bad, "x"))
                .isInstanceOfSatisfying(
                        InvalidDescriptorException.class,
                        e ->
                                assertThat(e.problems())
                                        .containsExactlyInAnyOrder(
                                                "sha256: 'XYZDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789'"
                                                        + " is not a SHA-256 (64 hexadecimal"
                                                        + " digits)",
                                                "input.channels: 2 is not one of 1, 3",
                                                "output: positive index is not in [0, 1]: 2"));
    }

    @Test
    void notYamlOrNotAMappingIsOneProblem() {
        assertThatThrownBy(() -> ModelDescriptor.parse("a: [1, 2", "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ModelDescriptor.parse("- 1\n- 2\n", "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("is a list, not a mapping of keys to values");
    }

    @Test
    void djlFormatNeedsAKnownArchitecture() {
        String bad = VALID.replace("format: onnx", "format: djl");
        assertThatThrownBy(() -> ModelDescriptor.parse(bad, "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("architecture: is required by format djl");
        String unknown = VALID + "architecture: resnet\n";
        assertThatThrownBy(() -> ModelDescriptor.parse(unknown, "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining(
                        "architecture: 'resnet' is not one of nodule-classifier-v1, nodule-unet-v1,"
                                + " dr-grader-v1, lesion-classifier-v1");
    }
}
