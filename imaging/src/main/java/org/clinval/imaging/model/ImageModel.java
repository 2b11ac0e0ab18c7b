package org.clinval.imaging.model;

/**
 * A loaded model. Safe to share between threads; predictions go through {@link #newPredictor()},
 * one per thread. Close it when done to free the engine's memory.
 */
public interface ImageModel extends AutoCloseable {

    /** Returns the descriptor the model was loaded with (its SHA-256 verified when present). */
    ModelDescriptor descriptor();

    /** Returns the SHA-256 of the weights file actually loaded. */
    String weightsSha256();

    /** Opens a predictor for the calling thread. */
    ImagePredictor newPredictor();

    @Override
    void close();
}
