package org.clinval.imaging.model;

import java.util.List;

/**
 * Runs a model on images. Confined to the thread that created it (engines' predictors are not
 * thread-safe): each thread opens its own, in try-with-resources.
 *
 * <pre>{@code
 * try (ImageModel model = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER);
 *         ImagePredictor p = model.newPredictor()) {
 *     Prediction r = p.predict(slice);
 * }
 * }</pre>
 */
public interface ImagePredictor extends AutoCloseable {

    /** Predicts one image. */
    Prediction predict(ImageSlice image) throws ModelRunException;

    /** Predicts several images in one batch; results are in input order. */
    List<Prediction> predictAll(List<ImageSlice> images) throws ModelRunException;

    /**
     * Predicts inputs already prepared by {@link ModelDescriptor#prepare} (a pipeline that runs
     * preprocessing as a stage of its own); a segmentation map stays on the prepared grid.
     */
    List<Prediction> predictPrepared(List<org.clinval.imaging.preprocess.Raster> prepared)
            throws ModelRunException;

    @Override
    void close();
}
