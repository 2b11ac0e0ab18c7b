package org.clinval.imaging.model;

/** Whether a model's raw outputs are logits, probabilities or scores on the model's own scale. */
public enum OutputKind {
    /**
     * Logits: one output is turned into a probability by the logistic function {@code 1 / (1 +
     * e^−x)}, several by softmax over the class axis.
     */
    LOGIT,
    /** Probabilities in [0, 1], used as they are. */
    PROBABILITY,
    /**
     * Scores on the model's own scale, used as they are: not probabilities, so a threshold on them
     * may be any finite number.
     */
    SCORE;

    /** Returns whether the scores a study sees are probabilities (all kinds but {@link #SCORE}). */
    public boolean givesProbabilities() {
        return this != SCORE;
    }
}
