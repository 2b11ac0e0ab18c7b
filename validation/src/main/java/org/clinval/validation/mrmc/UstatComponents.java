package org.clinval.validation.mrmc;

import java.util.List;

/**
 * The U-statistic variance decomposition of one (co)variance of reader-averaged AUCs, as iMRMC
 * prints it (Gallas 2009, Commun Stat Theory Methods 38:2586–2603, doi:10.1080/03610920802610084).
 *
 * <p>The eight BDG moments {@code M1…M8} are means of products of two success kernels {@code s(r,
 * i, j)} ({@code 1} if the positive case {@code j} outscores the negative case {@code i} for reader
 * {@code r}, ½ if tied) over pairs of observations that share: M1 reader, negative and positive
 * case; M2 reader and positive case; M3 reader and negative case; M4 the reader only; M5 both cases
 * but not the reader; M6 the positive case only; M7 the negative case only; M8 nothing. The
 * variance is {@code Σ c_k M_k} with {@code c_k} the share of such pairs among all pairs, less 1
 * for {@code c_8} (the mean squared). The BCK components are the linear combinations of Gallas 2009
 * eq. 19: {@code N = M7−M8}, {@code D = M6−M8}, {@code ND = M5−M6−M7+M8}, {@code R = M4−M8}, {@code
 * NR = M3−M4−M7+M8}, {@code DR = M2−M4−M6+M8}, {@code RND = M1−M2−M3+M4−M5+M6+M7−M8}.
 *
 * @param moments the unbiased moments M1…M8 (0 where no pair of that kind exists)
 * @param biasedMoments the biased moments (sums over all pairs, "same" included)
 * @param coefficients c1…c8
 * @param bck the BCK components N, D, ND, R, NR, DR, RND of the unbiased moments
 * @param bckBiased the same of the biased moments
 * @param bckCoefficients their coefficients
 */
public record UstatComponents(
        List<Double> moments,
        List<Double> biasedMoments,
        List<Double> coefficients,
        List<Double> bck,
        List<Double> bckBiased,
        List<Double> bckCoefficients) {

    /** Names of the BCK components in order. */
    public static final List<String> BCK_NAMES = List.of("N", "D", "ND", "R", "NR", "DR", "RND");

    /** Returns the unbiased variance {@code Σ c_k M_k}. */
    public double variance() {
        return dot(coefficients, moments);
    }

    /** Returns the biased variance {@code Σ c_k Mb_k}. */
    public double biasedVariance() {
        return dot(coefficients, biasedMoments);
    }

    private static double dot(List<Double> a, List<Double> b) {
        double s = 0;
        for (int k = 0; k < a.size(); k++) s += a.get(k) * b.get(k);
        return s;
    }

    static List<Double> bckOf(double[] m) {
        return List.of(
                m[6] - m[7],
                m[5] - m[7],
                m[4] - m[5] - m[6] + m[7],
                m[3] - m[7],
                m[2] - m[3] - m[6] + m[7],
                m[1] - m[3] - m[5] + m[7],
                m[0] - m[1] - m[2] + m[3] - m[4] + m[5] + m[6] - m[7]);
    }

    static List<Double> bckCoefficientsOf(double[] c) {
        return List.of(
                c[0] + c[2] + c[4] + c[6],
                c[0] + c[1] + c[4] + c[5],
                c[0] + c[4],
                c[0] + c[1] + c[2] + c[3],
                c[0] + c[2],
                c[0] + c[1],
                c[0]);
    }
}
