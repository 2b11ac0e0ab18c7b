package org.clinval.streaming;

import java.io.Serializable;

/** Opens a model once per parallel subtask; the factory is shipped, the scorer never is. */
@FunctionalInterface
public interface ScorerFactory extends Serializable {

    /** Opens a scorer; called in the subtask's {@code open}. */
    Scorer open() throws Exception;

    /** A thread-confined model. */
    interface Scorer extends AutoCloseable {

        /** Returns the model's score of one prepared input. */
        double score(float[] input) throws Exception;

        /**
         * Returns the model's class probabilities of one prepared input (a grading model's softmax,
         * one per grade); a model with one output gives its score alone.
         */
        default double[] classProbabilities(float[] input) throws Exception {
            return new double[] {score(input)};
        }
    }
}
