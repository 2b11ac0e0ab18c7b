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

    /**
     * Runs a model with a 3D input ({@link InputShape#volumetric()}) on already preprocessed
     * patches, each {@code depth · height · width} voxels ({@code [z · height · width + y · width +
     * x]}), in one batch; returns every voxel's positive-class probability, per patch in input
     * order. Sliding-window inference over a volume is the segmenter's work, not the predictor's.
     *
     * @throws ModelRunException if the model is not 3D, a patch has the wrong size or the model
     *     fails
     */
    default List<float[]> predictPatches(List<float[]> patches) throws ModelRunException {
        throw new ModelRunException("this predictor does not run 3D patches");
    }

    @Override
    void close();
}
