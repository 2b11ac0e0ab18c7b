package org.clinval.validation.cusum;

/** Gauss–Legendre nodes and weights on {@code [−1, 1]} by Newton's method on {@code P_n}. */
final class GaussLegendre {

    private GaussLegendre() {}

    /** Returns {@code {nodes, weights}} of the {@code n}-point rule. */
    static double[][] rule(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp;
            double z1;
            do {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
                }
                dp = n * (z * p1 - p2) / (z * z - 1);
                z1 = z;
                z = z1 - p1 / dp;
            } while (Math.abs(z - z1) > 1e-15);
            x[i] = -z;
            x[n - 1 - i] = z;
            w[i] = 2 / ((1 - z * z) * dp * dp);
            w[n - 1 - i] = w[i];
        }
        return new double[][] {x, w};
    }
}
