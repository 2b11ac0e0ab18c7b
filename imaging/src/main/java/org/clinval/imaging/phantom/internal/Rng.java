package org.clinval.imaging.phantom.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded random stream whose every draw is reproducible across JVMs: XoRoShiRo128++ (a fixed,
 * documented algorithm) and {@link StrictMath} for the Gaussian transform.
 */
public final class Rng {

    private final UniformRandomProvider source;
    private double spare;
    private boolean hasSpare;

    private Rng(UniformRandomProvider source) {
        this.source = source;
    }

    /** Returns the stream for item {@code index} of a run seeded with {@code seed}. */
    public static Rng of(long seed, long index) {
        return new Rng(
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 0x9E3779B97F4A7C15L * (index + 1)));
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return source.nextDouble();
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * source.nextDouble();
    }

    /** Uniform integer in [0, n). */
    public int nextInt(int n) {
        return source.nextInt(n);
    }

    /** Standard normal by the Box–Muller transform. */
    public double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1;
        do {
            u1 = source.nextDouble();
        } while (u1 == 0);
        double u2 = source.nextDouble();
        double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
        spare = r * StrictMath.sin(2 * StrictMath.PI * u2);
        hasSpare = true;
        return r * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    /** Returns {@code n} characters from an unambiguous alphabet, for identifying tokens. */
    public String token(int n) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(nextInt(alphabet.length())));
        return b.toString();
    }
}
