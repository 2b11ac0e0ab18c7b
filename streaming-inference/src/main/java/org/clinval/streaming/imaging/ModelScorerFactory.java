package org.clinval.streaming.imaging;

import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.preprocess.Raster;
import org.clinval.streaming.ScorerFactory;

/**
 * Opens the model of a descriptor once per parallel subtask, in the subtask's own thread, and
 * scores prepared inputs with it: the probability of the positive class.
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
                Raster r = new Raster(input, shape.height(), shape.width());
                return predictor.predictPrepared(List.of(r)).get(0).probability();
            }

            @Override
            public void close() {
                predictor.close();
                model.close();
            }
        };
    }
}
