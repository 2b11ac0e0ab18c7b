package org.clinval.imaging.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The built-in classifier with more channels and classes, for colour grading models. */
class ArchitecturesTest {

    @Test
    void theClassifierTakesThreeChannelsAndGivesOneLogitPerClass() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Block b = Architectures.build(Architectures.CLASSIFIER, 3, 5);
            Shape in = new Shape(2, 3, 32, 32);
            b.initialize(m, DataType.FLOAT32, in);
            assertThat(b.getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(2, 5));
            NDArray x = m.randomUniform(0, 1, in);
            NDArray out =
                    b.forward(new ParameterStore(m, false), new NDList(x), false)
                            .singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 5));
            // The 5 logits are the global maxima of 5 different score maps, not one repeated.
            float[] v = out.toFloatArray();
            assertThat(v[0]).isNotEqualTo(v[1]);
            // features/head split, as Grad-CAM needs it, is kept.
            assertThat(Architectures.head(b)).isInstanceOf(ClassifierHead.class);
        }
        assertThat(Architectures.classifier().getChildren().size()).isEqualTo(2);
        assertThatThrownBy(() -> Architectures.build(Architectures.UNET, 1, 5))
                .hasMessageContaining("one class per pixel");
        assertThatThrownBy(() -> Architectures.build(Architectures.CLASSIFIER, 2, 5))
                .hasMessageContaining("not 1 or 3");
        // The reference grader and lesion classifier load through the descriptor's channels and
        // classes, as a study loads them, and refuse a class count that is not theirs.
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            Block g = Architectures.build(Architectures.GRADER, 3, 5);
            Shape in = new Shape(1, 3, 64, 64);
            g.initialize(m, DataType.FLOAT32, in);
            assertThat(g.getOutputShapes(new Shape[] {in})[0]).isEqualTo(new Shape(1, 5));
        }
        assertThatThrownBy(() -> Architectures.build(Architectures.GRADER, 3, 4))
                .hasMessageContaining("gives 5 class scores, not 4");
    }
}
