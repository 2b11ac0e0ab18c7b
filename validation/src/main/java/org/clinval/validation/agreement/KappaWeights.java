package org.clinval.validation.agreement;

import java.util.Locale;

/**
 * Agreement weights {@code w(i, j)} of Cohen's weighted kappa for categories {@code i, j} in {@code
 * 0 … k-1} of an ordered scale: {@code w = 1} on the diagonal and less for disagreements further
 * apart. The order of the categories therefore matters for {@link #LINEAR} and {@link #QUADRATIC}.
 * With a single category every weight is 1.
 *
 * <p>Reference: Cohen (1968), Weighted kappa, Psychological Bulletin 70(4):213–220,
 * doi:10.1037/h0026256.
 */
public enum KappaWeights {
    /** Unweighted kappa: {@code w = 1} if {@code i = j}, else 0. */
    NONE("none") {
        @Override
        double disagreementWeight(double distance) {
            return distance == 0 ? 1 : 0;
        }
    },
    /**
     * Linear weights {@code w = 1 - |i - j| / (k - 1)}; R's vcd calls them {@code "Equal-Spacing"}.
     */
    LINEAR("linear") {
        @Override
        double disagreementWeight(double distance) {
            return 1 - distance;
        }
    },
    /**
     * Quadratic weights {@code w = 1 - (|i - j| / (k - 1))²}; R's vcd calls them {@code
     * "Fleiss-Cohen"}. Weighted kappa with these weights approximates the intraclass correlation
     * (Fleiss and Cohen 1973, doi:10.1177/001316447303300309).
     */
    QUADRATIC("quadratic") {
        @Override
        double disagreementWeight(double distance) {
            return 1 - distance * distance;
        }
    };

    private final String key;

    KappaWeights(String key) {
        this.key = key;
    }

    /** Returns the machine-readable name, e.g. {@code linear}. */
    public String key() {
        return key;
    }

    /**
     * Returns {@code w(i, j)} on a scale of {@code k} categories.
     *
     * @throws IllegalArgumentException if {@code k < 1} or {@code i} or {@code j} is not in {@code
     *     [0, k)}
     */
    public double weight(int i, int j, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("number of categories is not positive: " + k);
        }
        if (i < 0 || i >= k || j < 0 || j >= k) {
            throw new IllegalArgumentException(
                    "category index out of [0, " + k + "): (" + i + ", " + j + ")");
        }
        if (i == j) {
            return 1;
        }
        return disagreementWeight(Math.abs(i - j) / (double) (k - 1));
    }

    /** Returns the weight for a scaled distance {@code |i - j| / (k - 1)} in (0, 1]. */
    abstract double disagreementWeight(double distance);

    /** Returns the {@code k × k} weight matrix. */
    double[][] matrix(int k) {
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                w[i][j] = weight(i, j, k);
            }
        }
        return w;
    }

    /**
     * Parses {@code none}, {@code linear} or {@code quadratic} (also vcd's names {@code
     * equal-spacing} and {@code fleiss-cohen}).
     */
    public static KappaWeights parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "none", "unweighted" -> NONE;
            case "linear", "equal-spacing" -> LINEAR;
            case "quadratic", "fleiss-cohen" -> QUADRATIC;
            default ->
                    throw new IllegalArgumentException(
                            "kappa weights are not one of none, linear, quadratic: " + text);
        };
    }
}
