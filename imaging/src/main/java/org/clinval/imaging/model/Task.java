package org.clinval.imaging.model;

/** What a model's output means. */
public enum Task {
    /** One score per image: the probability that the image holds a nodule. */
    CLASSIFICATION,
    /** One score per pixel: the probability that the pixel belongs to a nodule. */
    SEGMENTATION,
    /**
     * One grade per image on an ordered scale the descriptor names ({@code grades}): a probability
     * per grade (softmax), or one expected grade.
     */
    GRADING
}
