package org.clinval.imaging.explain.internal;

/**
 * Weighted ridge regression with an unpenalised intercept: minimises {@code Σ_s w_s (y_s − b −
 * z_s·β)² + λ‖β‖²} by solving the normal equations with Cholesky.
 */
public final class Ridge {

    private Ridge() {}

    /** Returns β (without the intercept). */
    public static double[] fit(double[][] z, double[] y, double[] w, double lambda) {
        int n = z.length, k = z[0].length, p = k + 1;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        double[] row = new double[p];
        for (int s = 0; s < n; s++) {
            row[0] = 1;
            System.arraycopy(z[s], 0, row, 1, k);
            for (int i = 0; i < p; i++) {
                b[i] += w[s] * row[i] * y[s];
                for (int j = 0; j <= i; j++) a[i][j] += w[s] * row[i] * row[j];
            }
        }
        for (int i = 1; i < p; i++) a[i][i] += lambda;
        a[0][0] += 1e-12; // keeps the factorisation defined if every weight is zero
        // Cholesky: a = L Lᵀ, in place in the lower triangle.
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int m = 0; m < j; m++) d -= a[j][m] * a[j][m];
            if (!(d > 0))
                throw new IllegalStateException("normal equations are not positive definite");
            a[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double v = a[i][j];
                for (int m = 0; m < j; m++) v -= a[i][m] * a[j][m];
                a[i][j] = v / a[j][j];
            }
        }
        double[] t = new double[p];
        for (int i = 0; i < p; i++) {
            double v = b[i];
            for (int m = 0; m < i; m++) v -= a[i][m] * t[m];
            t[i] = v / a[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double v = t[i];
            for (int m = i + 1; m < p; m++) v -= a[m][i] * x[m];
            x[i] = v / a[i][i];
        }
        double[] beta = new double[k];
        System.arraycopy(x, 1, beta, 0, k);
        return beta;
    }
}
