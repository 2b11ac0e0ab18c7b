package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.clinval.imaging.testing.TorchFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Models#inspect} on models made outside the Java code: the PyTorch fixtures of
 * make_test_models.py (a classifier (batch, 1, 32, 32) → (batch, 2) and a segmenter → (batch, 1,
 * 32, 32), exported as TorchScript and as ONNX with a dynamic batch) and the ONNX graphs of
 * make_inspection_models.py, written with onnx.helper with the shapes stated there: open height and
 * width, three fixed channels of 64 × 48, and an input without a channel axis.
 */
class ModelInspectionTest {

    private static Path torch;
    private static Path graphs;

    @BeforeAll
    static void makeModels() throws Exception {
        torch = TorchFixtures.dir().toAbsolutePath();
        graphs = Path.of("target/inspection-models").toAbsolutePath();
        Process p =
                new ProcessBuilder(
                                "/usr/bin/python3",
                                "src/test/python/make_inspection_models.py",
                                graphs.toString())
                        .redirectErrorStream(true)
                        .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0).as(log).isTrue();
    }

    @Test
    void anOnnxClassifierStatesItsInputAndIsRunOnceToMeasureItsOutput() throws Exception {
        ModelInspection m = Models.inspect(torch.resolve("tiny_classifier.onnx"));

        assertThat(m.format()).isEqualTo(ModelFormat.ONNX);
        assertThat(m.input()).containsExactly(-1L, 1L, 32L, 32L);
        assertThat(ModelInspection.show(m.input())).isEqualTo("(?, 1, 32, 32)");
        assertThat(m.inputShape()).contains(new InputShape(1, 32, 32));
        assertThat(m.ranWith()).contains(new InputShape(1, 32, 32));
        assertThat(m.output()).containsExactly(1L, 2L);
        assertThat(m.outputSize()).hasValue(2);
    }

    @Test
    void anOnnxSegmenterGivesAMapOfTheInputSize() throws Exception {
        ModelInspection m = Models.inspect(torch.resolve("tiny_segmenter.onnx"));

        assertThat(m.output()).containsExactly(1L, 1L, 32L, 32L);
        assertThat(m.outputSize()).hasValue(1);
    }

    @Test
    void torchScriptStatesNoShapesSoItsInputMustBeGivenAndItsOutputIsMeasuredWithIt()
            throws Exception {
        Path pt = torch.resolve("tiny_classifier.pt");

        ModelInspection unknown = Models.inspect(pt);
        assertThat(unknown.format()).isEqualTo(ModelFormat.TORCHSCRIPT);
        assertThat(unknown.inputShape()).isEmpty();
        assertThat(unknown.ranWith()).isEmpty();
        assertThat(unknown.output()).isEmpty();
        assertThat(unknown.outputSize()).isEmpty();

        ModelInspection known = Models.inspect(pt, new InputShape(1, 32, 32));
        assertThat(known.ranWith()).contains(new InputShape(1, 32, 32));
        assertThat(known.inputShape()).contains(new InputShape(1, 32, 32));
        assertThat(known.output()).containsExactly(1L, 2L);
        assertThat(known.outputSize()).hasValue(2);
    }

    @Test
    void torchScriptThatCannotTakeTheGivenInputIsRefusedWithTheShapeTried() {
        Path pt = torch.resolve("tiny_classifier.pt");

        // Its linear layer takes 8 × 16 × 16 features, which only a 32 × 32 input gives.
        assertThatThrownBy(() -> Models.inspect(pt, new InputShape(1, 16, 16)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(
                        "model file " + pt + " does not run on an input of shape (1, 1, 16, 16): ");
    }

    @Test
    void openHeightAndWidthAreReportedUnknownAndTheDeclaredOutputIsKept() throws Exception {
        Path file = graphs.resolve("dynamic_hw.onnx");

        ModelInspection m = Models.inspect(file);
        assertThat(m.input()).containsExactly(-1L, 1L, -1L, -1L);
        assertThat(m.channels()).hasValue(1);
        assertThat(m.height()).isEqualTo(OptionalInt.empty());
        assertThat(m.width()).isEqualTo(OptionalInt.empty());
        assertThat(m.inputShape()).isEmpty();
        assertThat(m.ranWith()).isEmpty();
        assertThat(m.output()).containsExactly(-1L, 1L);
        assertThat(m.outputSize()).hasValue(1);

        ModelInspection sized = Models.inspect(file, new InputShape(1, 48, 40));
        assertThat(sized.ranWith()).contains(new InputShape(1, 48, 40));
        assertThat(sized.output()).containsExactly(1L, 1L);
    }

    @Test
    void threeFixedChannelsOfAnOblongInputAreRead() throws Exception {
        ModelInspection m = Models.inspect(graphs.resolve("rgb_64x48.onnx"));

        assertThat(m.input()).containsExactly(1L, 3L, 64L, 48L);
        assertThat(m.inputShape()).contains(new InputShape(3, 64, 48));
        assertThat(m.output()).containsExactly(1L, 3L);
        assertThat(m.outputSize()).hasValue(3);
    }

    @Test
    void anInputWithoutAChannelAxisHasNoImageShape() throws Exception {
        ModelInspection m = Models.inspect(graphs.resolve("rank3.onnx"));

        assertThat(m.input()).containsExactly(1L, 32L, 32L);
        assertThat(m.channels()).isEmpty();
        assertThat(m.inputShape()).isEmpty();
        assertThat(m.ranWith()).isEmpty();
        assertThat(m.output()).containsExactly(1L, 32L);
    }

    @Test
    void aGivenInputThatContradictsTheDeclaredOneIsRefused() {
        Path file = torch.resolve("tiny_classifier.onnx");

        assertThatThrownBy(() -> Models.inspect(file, new InputShape(3, 32, 32)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(
                        "model file "
                                + file
                                + " takes input (?, 1, 32, 32), not (batch, 3, 32, 32)");
    }

    @Test
    void filesThatAreNoModelAreRefusedByName(@TempDir Path tmp) throws Exception {
        Path garbage = Files.writeString(tmp.resolve("weights.onnx"), "not a model\n");
        Path keras = Files.writeString(tmp.resolve("weights.h5"), "HDF\n");
        Path missing = tmp.resolve("missing.pt");

        assertThatThrownBy(() -> Models.inspect(garbage))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("cannot open ONNX model file " + garbage + ": ");
        assertThatThrownBy(() -> Models.inspect(keras))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage(
                        "model file "
                                + keras
                                + " is neither ONNX (.onnx) nor TorchScript (.pt): its format is"
                                + " unknown");
        assertThatThrownBy(() -> Models.inspect(missing))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("no such model file: " + missing);
    }
}
