package org.clinval.validation.segmentation;

import java.util.Locale;

/**
 * Generalized Dice of one case over several labels (Sudre et al. 2017, DLMIA, LNCS 10553:240–248,
 * doi:10.1007/978-3-319-67558-9_28), MONAI's {@code compute_generalized_dice}: with {@code I_l =
 * |A_l ∩ B_l|}, {@code R_l = |B_l|} (reference), {@code P_l = |A_l|} and weights {@code w_l},
 *
 * <pre>GDS = 2·Σ_l w_l·I_l / Σ_l w_l·(R_l + P_l)</pre>
 *
 * summed over the labels (MONAI's {@code sum_over_classes}, used by its {@code mean} and {@code
 * sum} reductions), or per label {@code 2·w_l·I_l / (w_l·(R_l + P_l))}. A weight that is infinite
 * (a label absent from the reference) is first set to 0 and then to the largest weight of the case,
 * as MONAI does. A zero denominator gives 1 when the prediction has no voxel in the labels summed
 * (nothing to find, nothing found) and 0 otherwise, so the score is always defined.
 */
public final class GeneralizedDice {

    /** MONAI's {@code weight_type}. */
    public enum Weight {
        /** {@code w_l = 1 / R_l²} (MONAI's default). */
        SQUARE("square"),
        /** {@code w_l = 1 / R_l}. */
        SIMPLE("simple"),
        /** {@code w_l = 1}. */
        UNIFORM("uniform");

        private final String key;

        Weight(String key) {
            this.key = key;
        }

        /** Returns MONAI's name. */
        public String key() {
            return key;
        }

        /** Parses {@code square}, {@code simple} or {@code uniform}. */
        public static Weight parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            for (Weight w : values()) {
                if (w.key.equals(t)) return w;
            }
            throw new IllegalArgumentException(
                    "generalized-Dice weight is not one of square, simple, uniform: " + text);
        }
    }

    private GeneralizedDice() {}

    /** Returns the weights of one case after MONAI's replacement of infinite ones. */
    static double[] weights(long[] reference, Weight weight) {
        double[] w = new double[reference.length];
        double max = 0;
        for (int l = 0; l < w.length; l++) {
            double r = reference[l];
            w[l] =
                    switch (weight) {
                        case SIMPLE -> 1 / r;
                        case SQUARE -> 1 / (r * r);
                        case UNIFORM -> 1;
                    };
            if (Double.isInfinite(w[l])) w[l] = 0;
            max = Math.max(max, w[l]);
        }
        for (int l = 0; l < w.length; l++) {
            if (reference[l] == 0 && weight != Weight.UNIFORM) w[l] = max;
        }
        return w;
    }

    /**
     * Returns the score summed over the labels from per-label voxel counts.
     *
     * @param intersection {@code I_l}
     * @param reference {@code R_l}
     * @param prediction {@code P_l}
     */
    public static double summed(
            long[] intersection, long[] reference, long[] prediction, Weight weight) {
        double[] w = weights(reference, weight);
        double numer = 0;
        double denom = 0;
        long predicted = 0;
        for (int l = 0; l < w.length; l++) {
            numer += intersection[l] * w[l];
            denom += (reference[l] + prediction[l]) * w[l];
            predicted += prediction[l];
        }
        if (denom == 0) return predicted == 0 ? 1 : 0;
        return 2.0 * numer / denom;
    }

    /** Returns the score of every label (MONAI's {@code sum_over_classes=False}). */
    public static double[] perLabel(
            long[] intersection, long[] reference, long[] prediction, Weight weight) {
        double[] w = weights(reference, weight);
        double[] out = new double[w.length];
        for (int l = 0; l < w.length; l++) {
            double denom = (reference[l] + prediction[l]) * w[l];
            out[l] =
                    denom == 0
                            ? (prediction[l] == 0 ? 1 : 0)
                            : 2.0 * (intersection[l] * w[l]) / denom;
        }
        return out;
    }

    /** Returns the summed score of {@code labels} of two label maps. */
    public static double of(LabelMap prediction, LabelMap reference, int[] labels, Weight weight) {
        int n = labels.length;
        long[] i = new long[n];
        long[] r = new long[n];
        long[] p = new long[n];
        int size =
                prediction.shape().length == 3
                        ? prediction.shape()[0] * prediction.shape()[1] * prediction.shape()[2]
                        : prediction.shape()[0] * prediction.shape()[1];
        for (int l = 0; l < n; l++) {
            for (int v = 0; v < size; v++) {
                boolean a = prediction.get(v) == labels[l];
                boolean b = reference.get(v) == labels[l];
                if (a) p[l]++;
                if (b) r[l]++;
                if (a && b) i[l]++;
            }
        }
        return summed(i, r, p, weight);
    }
}
