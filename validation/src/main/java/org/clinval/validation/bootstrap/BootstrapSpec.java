package org.clinval.validation.bootstrap;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.clinval.validation.ConfidenceLevel;

/**
 * The explicit choices of a bootstrap: replicate count, seed and confidence level.
 *
 * <p>Replicate {@code r} draws from its own generator, seeded from {@code (seed, r)}, so results do
 * not depend on how many threads run the replicates or in which order.
 *
 * @param replicates number of bootstrap replicates, at least 100
 * @param seed the seed
 * @param level confidence level of the intervals
 */
public record BootstrapSpec(int replicates, long seed, ConfidenceLevel level) {

    /** Generator of every replicate stream; XoRoShiRo128++ with a SplitMix64-expanded seed. */
    public static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    public BootstrapSpec {
        if (replicates < 100) {
            throw new IllegalArgumentException(
                    "bootstrap needs at least 100 replicates for an interval: " + replicates);
        }
    }

    /** Returns the generator of replicate {@code r}. */
    public UniformRandomProvider random(int r) {
        // Golden-ratio stride: distinct (seed, r) pairs give distinct 64-bit seeds.
        return SOURCE.create(seed + 0x9E3779B97F4A7C15L * (r + 1L));
    }
}
