package org.clinval.imaging.model.training;

/**
 * How to train the reference retinopathy grader on fundus phantoms.
 *
 * @param cases fundus phantoms generated for training (grades drawn with equal shares)
 * @param epochs passes over those cases
 * @param seed phantom seed (and the seed of weight initialisation, flips and shuffling)
 * @param batchSize images per optimiser step
 * @param learningRate Adam's initial learning rate (cosine decay to a twentieth)
 */
public record GraderSpec(int cases, int epochs, long seed, int batchSize, double learningRate) {

    /** Training seed of the committed grader; never used by demos or tests. */
    public static final long SEED = 9_100_003L;

    /** Seed of the grader's held-out evaluation set. */
    public static final long EVALUATION_SEED = 9_200_003L;

    /** Side of the phantom photographs the grader is trained on (its input is half that). */
    public static final int PHANTOM_SIZE = 256;

    public GraderSpec {
        if (cases < 1) throw new IllegalArgumentException("cases is not positive: " + cases);
        if (epochs < 1) throw new IllegalArgumentException("epochs is not positive: " + epochs);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size is not positive: " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning rate is not in (0, 1): " + learningRate);
        }
    }

    /** Returns the settings that trained the committed weights. */
    public static GraderSpec defaults() {
        return new GraderSpec(2000, 8, SEED, 32, 2e-3);
    }

    /** Returns a copy with other cases, epochs and seed (the command line's options). */
    public GraderSpec with(int cases, int epochs, long seed) {
        return new GraderSpec(cases, epochs, seed, batchSize, learningRate);
    }
}
