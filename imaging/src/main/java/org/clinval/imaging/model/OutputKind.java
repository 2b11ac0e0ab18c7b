package org.clinval.imaging.model;

/** Whether a model's raw outputs are logits or probabilities. */
public enum OutputKind {
    /**
     * Logits: one output is turned into a probability by the logistic function {@code 1 / (1 +
     * e^−x)}, several by softmax over the class axis.
     */
    LOGIT,
    /** Probabilities in [0, 1], used as they are. */
    PROBABILITY
}
