package org.clinval.imaging.model.training;

import org.clinval.imaging.model.BuiltInModel;

/**
 * How to train a built-in model.
 *
 * @param model which model
 * @param cases phantom cases generated for training
 * @param epochs passes over those cases
 * @param seed phantom seed (and the seed of weight initialisation, crops, flips and shuffling)
 * @param batchSize images per optimiser step
 * @param learningRate Adam's initial learning rate (cosine decay to a twentieth)
 * @param crop side of the random training crops in pixels, or 0 for whole images
 * @param prevalence share of training cases with nodules
 */
public record TrainingSpec(
        BuiltInModel model,
        int cases,
        int epochs,
        long seed,
        int batchSize,
        double learningRate,
        int crop,
        double prevalence) {

    /** Training seed of the committed classifier; never used by demos or tests. */
    public static final long CLASSIFIER_SEED = 9_100_001L;

    /** Training seed of the committed U-Net; never used by demos or tests. */
    public static final long UNET_SEED = 9_100_002L;

    /** Seed of the held-out evaluation set. */
    public static final long EVALUATION_SEED = 9_200_001L;

    public TrainingSpec {
        if (cases < 1) throw new IllegalArgumentException("cases is not positive: " + cases);
        if (epochs < 1) throw new IllegalArgumentException("epochs is not positive: " + epochs);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size is not positive: " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning rate is not in (0, 1): " + learningRate);
        }
        if (crop != 0 && (crop < 32 || crop > 256 || crop % 8 != 0)) {
            throw new IllegalArgumentException(
                    "crop is not 0 or a multiple of 8 in [32, 256]: " + crop);
        }
        if (!(prevalence > 0 && prevalence < 1)) {
            throw new IllegalArgumentException("prevalence is not in (0, 1): " + prevalence);
        }
    }

    /** Returns the settings that trained the committed weights of {@code model}. */
    public static TrainingSpec defaults(BuiltInModel model) {
        return switch (model) {
            case NODULE_CLASSIFIER ->
                    new TrainingSpec(model, 2000, 8, CLASSIFIER_SEED, 16, 2e-3, 128, 0.5);
            case NODULE_UNET -> new TrainingSpec(model, 1200, 10, UNET_SEED, 16, 2e-3, 96, 0.7);
        };
    }

    /** Returns a copy with other cases, epochs and seed (the command line's options). */
    public TrainingSpec with(int cases, int epochs, long seed) {
        return new TrainingSpec(
                model, cases, epochs, seed, batchSize, learningRate, crop, prevalence);
    }
}
