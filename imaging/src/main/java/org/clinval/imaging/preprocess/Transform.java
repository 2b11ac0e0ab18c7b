package org.clinval.imaging.preprocess;

import java.util.Map;

/**
 * One preprocessing step. Steps are plain values so that a model's preprocessing can be written
 * into and read from its descriptor: {@link #name()} and {@link #parameters()} are exactly what the
 * descriptor holds.
 */
public sealed interface Transform
        permits HuWindow,
                Resize,
                Rescale,
                Standardize,
                Scale,
                ZScore,
                Percentile,
                VoiLutStep,
                PresentationIntent {

    /** Returns the transformed raster; the input is left unchanged. */
    Raster apply(Raster in);

    /**
     * Returns the transformed raster of an image whose header says {@code context}; steps that need
     * the header ({@code voi_lut}, {@code presentation_intent}) read it, the others ignore it.
     *
     * @throws IllegalArgumentException if the image is not one the step can take (the message says
     *     why)
     */
    default Raster apply(Raster in, ImageContext context) {
        return apply(in);
    }

    /** Returns the step's name in descriptors, e.g. {@code window}. */
    String name();

    /** Returns the step's parameters in descriptors, e.g. {@code {lower: -1000, upper: 400}}. */
    Map<String, Object> parameters();
}
