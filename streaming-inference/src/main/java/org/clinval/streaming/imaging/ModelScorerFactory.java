package org.clinval.streaming.imaging;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.preprocess.Raster;
import org.clinval.streaming.ScorerFactory;

/**
 * Opens the model of a descriptor once per parallel subtask, in the subtask's own thread, and
 * scores prepared inputs with it: the probability of the positive class, and for a grading model
 * the probability of each grade ({@link Scorer#classProbabilities}).
 */
public final class ModelScorerFactory implements ScorerFactory {

    private static final long serialVersionUID = 1L;

    private final String descriptor;

    /**
     * @param descriptor the model descriptor (YAML); its weights' SHA-256 is verified on load
     */
    public ModelScorerFactory(Path descriptor) {
        this.descriptor = descriptor.toAbsolutePath().toString();
    }

    @Override
    public Scorer open() throws Exception {
        ImageModel model = Models.load(Path.of(descriptor));
        ImagePredictor predictor = model.newPredictor();
        InputShape shape = model.descriptor().input();
        return new Scorer() {
            @Override
            public double score(float[] input) throws Exception {
                return predictor.predictPrepared(List.of(raster(input))).get(0).probability();
            }

            @Override
            public double[] classProbabilities(float[] input) throws Exception {
                Prediction p = predictor.predictPrepared(List.of(raster(input))).get(0);
                double[] c = p.classProbabilities();
                return c.length == 0 ? new double[] {p.probability()} : c.clone();
            }

            /** The prepared input: as many planes as its length holds (1, or the model's). */
            private Raster raster(float[] input) {
                int plane = shape.height() * shape.width();
                int channels = input.length == plane ? 1 : shape.channels();
                return new Raster(input, shape.height(), shape.width(), channels);
            }

            @Override
            public void close() {
                predictor.close();
                model.close();
            }
        };
    }
}
