package org.clinval.validation.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How probabilities are grouped into the {@code B} bins of a reliability diagram. Both conventions
 * are defined exactly, so the bins (and the expected calibration error) can be reproduced.
 */
public enum Binning {
    /**
     * Equal-width bins over [0, 1]: with edges {@code e_b = b / B} (the double nearest to the
     * quotient), bin {@code b} holds {@code e_b <= p < e_(b+1)} and the last bin also holds {@code
     * p = 1}: {@code [0, 1/B), [1/B, 2/B), …, [(B−1)/B, 1]}. Bins may be empty.
     */
    EQUAL_WIDTH("width") {
        @Override
        List<ReliabilityBin> bins(ProbabilityForecasts f, int count) {
            int[] n = new int[count];
            int[] positives = new int[count];
            double[] sumP = new double[count];
            double[] edges = edges(count);
            for (int i = 0; i < f.n(); i++) {
                int b = widthBin(f.probability(i), edges);
                n[b]++;
                sumP[b] += f.probability(i);
                if (f.outcome(i)) positives[b]++;
            }
            List<ReliabilityBin> out = new ArrayList<>(count);
            for (int b = 0; b < count; b++) {
                out.add(
                        ReliabilityBin.of(
                                edges[b],
                                edges[b + 1],
                                b == count - 1,
                                n[b],
                                positives[b],
                                sumP[b]));
            }
            return out;
        }
    },
    /**
     * Equal-mass (quantile) bins: the cases sorted by probability with a stable sort (cases with
     * equal probabilities keep their input order) and cut into {@code B} consecutive groups as
     * equal as possible, the first {@code n mod B} groups holding {@code floor(n/B) + 1} cases and
     * the others {@code floor(n/B)} (numpy's {@code array_split}). A bin's bounds are its smallest
     * and largest probability, both inclusive; equal probabilities may straddle two bins. Needs
     * {@code n >= B}.
     */
    EQUAL_MASS("mass") {
        @Override
        List<ReliabilityBin> bins(ProbabilityForecasts f, int count) {
            int total = f.n();
            if (total < count) {
                throw new IllegalArgumentException(
                        "equal-mass binning needs at least as many cases as bins: "
                                + total
                                + " cases, "
                                + count
                                + " bins");
            }
            int[] order = StableOrder.ascending(f);
            int base = total / count;
            int larger = total % count;
            List<ReliabilityBin> out = new ArrayList<>(count);
            int start = 0;
            for (int b = 0; b < count; b++) {
                int size = base + (b < larger ? 1 : 0);
                int positives = 0;
                double sumP = 0;
                for (int i = start; i < start + size; i++) {
                    sumP += f.probability(order[i]);
                    if (f.outcome(order[i])) positives++;
                }
                double lower = f.probability(order[start]);
                double upper = f.probability(order[start + size - 1]);
                out.add(ReliabilityBin.of(lower, upper, true, size, positives, sumP));
                start += size;
            }
            return out;
        }
    };

    private final String key;

    Binning(String key) {
        this.key = key;
    }

    /** Returns the machine-readable name: {@code width} or {@code mass}. */
    public String key() {
        return key;
    }

    abstract List<ReliabilityBin> bins(ProbabilityForecasts forecasts, int count);

    /** Returns the equal-width edges {@code b / B} for {@code b = 0 … B}. */
    static double[] edges(int count) {
        double[] edges = new double[count + 1];
        for (int b = 0; b <= count; b++) edges[b] = b / (double) count;
        return edges;
    }

    /**
     * Returns the equal-width bin of {@code p}: the {@code b} with {@code edges[b] <= p <
     * edges[b+1]}, or {@code B − 1} for {@code p = 1}. {@code floor(p·B)} is only a first guess,
     * since the rounded product can land on the wrong side of an edge.
     */
    static int widthBin(double p, double[] edges) {
        int count = edges.length - 1;
        int b = Math.min(count - 1, (int) (p * count));
        while (b > 0 && p < edges[b]) b--;
        while (b < count - 1 && p >= edges[b + 1]) b++;
        return b;
    }

    /**
     * Parses {@code width} / {@code equal-width} or {@code mass} / {@code equal-mass} / {@code
     * quantile}.
     */
    public static Binning parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "width", "equal-width" -> EQUAL_WIDTH;
            case "mass", "equal-mass", "quantile" -> EQUAL_MASS;
            default ->
                    throw new IllegalArgumentException(
                            "binning is not one of width, mass: " + text);
        };
    }
}
