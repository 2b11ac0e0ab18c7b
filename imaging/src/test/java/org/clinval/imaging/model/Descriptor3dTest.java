package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.clinval.imaging.preprocess.HuWindow;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Resize;
import org.junit.jupiter.api.Test;

/** Descriptors of models with a 3D input: input.depth and the inference key. */
class Descriptor3dTest {

    private static final String VALID_3D =
            """
            name: seg3d
            version: "1"
            task: segmentation
            format: torchscript
            file: seg3d.pt
            input: {channels: 1, depth: 8, height: 32, width: 32}
            preprocessing:
              - window: {lower: -1000, upper: 400}
              - rescale: {lower: -1000, upper: 400}
            output: {kind: logit, classes: 1, positive_index: 0}
            threshold: 0.5
            """;

    @Test
    void readsTheDepthAndTheSlidingWindow() throws Exception {
        ModelDescriptor d =
                ModelDescriptor.parse(
                        VALID_3D + "inference: {overlap: 0.25, blending: constant}\n", "t");
        assertThat(d.input()).isEqualTo(InputShape.patch(8, 32, 32));
        assertThat(d.input().depth()).isEqualTo(OptionalInt.of(8));
        assertThat(d.input()).hasToString("(1, 8, 32, 32)");
        assertThat(d.inference())
                .hasValue(new SlidingWindow(0.25, SlidingWindow.Blending.CONSTANT));
        assertThat(ModelDescriptor.parse(d.toYaml(), "written")).isEqualTo(d);
    }

    @Test
    void aMissingInferenceKeyGivesMonaisDefaults() throws Exception {
        ModelDescriptor d = ModelDescriptor.parse(VALID_3D, "t");
        assertThat(d.inference()).hasValue(new SlidingWindow(0.5, SlidingWindow.Blending.GAUSSIAN));
        ModelDescriptor partial = ModelDescriptor.parse(VALID_3D + "inference: {}\n", "t");
        assertThat(partial.inference()).hasValue(SlidingWindow.DEFAULT);
        assertThat(ModelDescriptor.parse(d.toYaml(), "written")).isEqualTo(d);
    }

    @Test
    void aResizeStepIsRefusedWithItsReason() {
        String bad =
                VALID_3D.replace(
                        "  - rescale:", "  - resize: {height: 32, width: 32}\n  - rescale:");
        assertThatThrownBy(() -> ModelDescriptor.parse(bad, "seg3d.yaml"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("seg3d.yaml")
                .hasMessageContaining(
                        "preprocessing: has a resize step, but a 3D input (input.depth) is taken"
                                + " as patches on the volume's own grid: remove the resize step");
        assertThatThrownBy(
                        () ->
                                new ModelDescriptor(
                                        "seg3d",
                                        "1",
                                        Task.SEGMENTATION,
                                        ModelFormat.ONNX,
                                        Optional.empty(),
                                        "seg3d.onnx",
                                        Optional.empty(),
                                        InputShape.patch(8, 32, 32),
                                        Preprocessing.of(
                                                new HuWindow(-1000, 400), new Resize(32, 32)),
                                        new OutputSpec(OutputKind.LOGIT, 1, 0),
                                        0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("remove the resize step");
    }

    @Test
    void everyOtherRuleOfA3dInputIsChecked() {
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        VALID_3D.replace("channels: 1", "channels: 3"), "x"))
                .hasMessageContaining("a 3D input (depth 8) has 1 channel, not 3");
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        VALID_3D.replace(
                                                "task: segmentation", "task: classification"),
                                        "x"))
                .hasMessageContaining("only a segmentation model may take");
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        VALID_3D.replace("format: torchscript", "format: djl")
                                                + "architecture: nodule-unet-v1\n",
                                        "x"))
                .hasMessageContaining("built-in architectures of format djl take 2D images");
        assertThatThrownBy(
                        () -> ModelDescriptor.parse(VALID_3D.replace("depth: 8", "depth: 0"), "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("input.depth");
        assertThatThrownBy(() -> ModelDescriptor.parse(VALID_3D + "inference: {overlap: 1}\n", "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("inference.overlap");
        assertThatThrownBy(
                        () ->
                                ModelDescriptor.parse(
                                        VALID_3D + "inference: {blending: hann}\n", "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("inference.blending");
    }

    @Test
    void aSlidingWindowOnA2dModelIsAProblem() {
        String twoD = VALID_3D.replace("depth: 8, ", "") + "inference: {overlap: 0.5}\n";
        assertThatThrownBy(() -> ModelDescriptor.parse(twoD, "x"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining(
                        "inference: sets a sliding window, which applies only to a 3D input");
    }
}
