package org.clinval.imaging.model.training.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import org.clinval.imaging.model.internal.Architectures;
import org.clinval.imaging.model.internal.Engines;

/** Batched softmax inference of a block of a built-in architecture from its parameter bytes. */
public final class SoftmaxInference {

    private SoftmaxInference() {}

    /**
     * Returns the softmax of {@code classes} logits of a block of {@code architecture} with {@code
     * weights} for each input ({@code channels} planes of 128²), in batches of 16.
     */
    public static double[][] probabilities(
            String architecture, int channels, int classes, byte[] weights, List<float[]> inputs)
            throws IOException {
        Engines.configure();
        int side = GraderInput.SIDE;
        double[][] out = new double[inputs.size()][];
        try (Model model = Model.newInstance(architecture, Device.cpu(), "PyTorch")) {
            Block block = Architectures.build(architecture);
            block.initialize(
                    model.getNDManager(), DataType.FLOAT32, new Shape(1, channels, side, side));
            try {
                block.loadParameters(
                        model.getNDManager(),
                        new DataInputStream(new ByteArrayInputStream(weights)));
            } catch (MalformedModelException e) {
                throw new IOException(
                        "the weights are not " + architecture + "'s: " + e.getMessage(), e);
            }
            block.freezeParameters(true);
            model.setBlock(block);
            int batch = 16;
            int plane = channels * side * side;
            try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator())) {
                for (int from = 0; from < inputs.size(); from += batch) {
                    int to = Math.min(inputs.size(), from + batch);
                    float[] x = new float[(to - from) * plane];
                    for (int i = from; i < to; i++) {
                        System.arraycopy(inputs.get(i), 0, x, (i - from) * plane, plane);
                    }
                    try (NDManager m = model.getNDManager().newSubManager()) {
                        NDArray in = m.create(x, new Shape(to - from, channels, side, side));
                        float[] prob =
                                p.predict(new NDList(in))
                                        .singletonOrThrow()
                                        .softmax(1)
                                        .toFloatArray();
                        for (int k = 0; k < to - from; k++) {
                            double[] pr = new double[classes];
                            for (int g = 0; g < classes; g++) pr[g] = prob[k * classes + g];
                            out[from + k] = pr;
                        }
                    }
                }
            } catch (TranslateException e) {
                throw new IOException(architecture + " failed: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
