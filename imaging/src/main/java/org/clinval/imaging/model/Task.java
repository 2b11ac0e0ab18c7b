package org.clinval.imaging.model;

/** What a model's output means. */
public enum Task {
    /** One score per image: the probability that the image holds a nodule. */
    CLASSIFICATION,
    /** One score per pixel: the probability that the pixel belongs to a nodule. */
    SEGMENTATION
}
