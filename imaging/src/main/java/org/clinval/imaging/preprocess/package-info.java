/**
 * Preprocessing as data: a model's input transforms (HU window, resize, rescale, per-image z-score
 * and percentile normalisation, the header's VOI transform, presentation-intent check, scale,
 * per-channel standardisation) are objects listed by name in its descriptor and applied identically
 * in training and inference, to grey or colour rasters.
 */
package org.clinval.imaging.preprocess;
