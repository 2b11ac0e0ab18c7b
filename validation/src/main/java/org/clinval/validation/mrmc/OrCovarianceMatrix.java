package org.clinval.validation.mrmc;

/**
 * The empirical AUC of every (modality, reader) of a fully crossed study and the error covariance
 * matrix of these AUCs, from the placement values: {@code V10_j} (positive case {@code j}: its
 * share of negatives outscored, ties ½) and {@code V01_i} (negative case {@code i}: its share of
 * positives that outscore it), with {@code θ = mean(V10) = mean(V01)}.
 *
 * <p>DeLong: {@code cov(θ, θ') = Σ_j (V10_j − θ)(V10'_j − θ') / (n1(n1−1)) + Σ_i (V01_i − θ)(V01'_i
 * − θ') / (n0(n0−1))}. Jackknife: deleting positive {@code j} gives {@code θ_(j) = (n1·θ −
 * V10_j)/(n1 − 1)}, deleting negative {@code i} gives {@code (n0·θ − V01_i)/(n0 − 1)}, and {@code
 * cov = (n−1)/n · Σ_k (θ_(k) − θ̄_(·))(θ'_(k) − θ̄'_(·))} over all {@code n = n0 + n1} cases.
 */
final class OrCovarianceMatrix {

    final double[][] aucs;
    private final double[][] cov;
    private final int t;
    private final int r;

    private OrCovarianceMatrix(double[][] aucs, double[][] cov) {
        this.aucs = aucs;
        this.cov = cov;
        this.t = aucs.length;
        this.r = aucs[0].length;
    }

    static OrCovarianceMatrix of(ReaderStudy s, OrCovariance method) {
        int[] neg = KernelSums.indices(s, false);
        int[] pos = KernelSums.indices(s, true);
        int n0 = neg.length;
        int n1 = pos.length;
        if (n0 < 2 || n1 < 2) {
            throw new IllegalArgumentException(
                    "the OR analysis needs at least 2 negative and 2 positive cases: "
                            + n0
                            + " negative, "
                            + n1
                            + " positive");
        }
        int t = s.modalities().size();
        int r = s.readers().size();
        int k = t * r;
        double[][] v10 = new double[k][n1];
        double[][] v01 = new double[k][n0];
        double[][] aucs = new double[t][r];
        for (int m = 0; m < t; m++) {
            for (int q = 0; q < r; q++) {
                int a = m * r + q;
                double[] x = new double[n0];
                for (int i = 0; i < n0; i++) x[i] = s.score(m, q, neg[i]);
                double total = 0;
                for (int j = 0; j < n1; j++) {
                    double y = s.score(m, q, pos[j]);
                    double row = 0;
                    for (int i = 0; i < n0; i++) {
                        double w = y > x[i] ? 1 : y == x[i] ? 0.5 : 0;
                        row += w;
                        v01[a][i] += w;
                    }
                    v10[a][j] = row / n0;
                    total += row;
                }
                for (int i = 0; i < n0; i++) v01[a][i] /= n1;
                aucs[m][q] = total / ((double) n0 * n1);
            }
        }
        double[][] cov = new double[k][k];
        if (method == OrCovariance.DELONG) {
            for (int a = 0; a < k; a++) {
                double ta = aucs[a / r][a % r];
                for (int b = a; b < k; b++) {
                    double tb = aucs[b / r][b % r];
                    double s10 = 0;
                    for (int j = 0; j < n1; j++) s10 += (v10[a][j] - ta) * (v10[b][j] - tb);
                    double s01 = 0;
                    for (int i = 0; i < n0; i++) s01 += (v01[a][i] - ta) * (v01[b][i] - tb);
                    double c = s10 / (n1 * (n1 - 1.0)) + s01 / (n0 * (n0 - 1.0));
                    cov[a][b] = c;
                    cov[b][a] = c;
                }
            }
        } else {
            int n = n0 + n1;
            double[][] jack = new double[k][n];
            for (int a = 0; a < k; a++) {
                double ta = aucs[a / r][a % r];
                for (int j = 0; j < n1; j++) jack[a][j] = (n1 * ta - v10[a][j]) / (n1 - 1.0);
                for (int i = 0; i < n0; i++) jack[a][n1 + i] = (n0 * ta - v01[a][i]) / (n0 - 1.0);
            }
            double[] mean = new double[k];
            for (int a = 0; a < k; a++) {
                for (double v : jack[a]) mean[a] += v / n;
            }
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    double c = 0;
                    for (int q = 0; q < n; q++)
                        c += (jack[a][q] - mean[a]) * (jack[b][q] - mean[b]);
                    c *= (n - 1.0) / n;
                    cov[a][b] = c;
                    cov[b][a] = c;
                }
            }
        }
        return new OrCovarianceMatrix(aucs, cov);
    }

    /**
     * Returns {@code {Var, Cov1, Cov2, Cov3}} averaged over all modalities ({@code modality < 0})
     * or within one modality (then Cov1 and Cov3 are 0: there is no second modality).
     */
    double[] averages(int modality) {
        double[] sum = new double[4];
        int[] n = new int[4];
        for (int a = 0; a < t * r; a++) {
            for (int b = 0; b < t * r; b++) {
                int ma = a / r;
                int mb = b / r;
                if (modality >= 0 && (ma != modality || mb != modality)) continue;
                boolean sameM = ma == mb;
                boolean sameR = a % r == b % r;
                int kind = sameM ? (sameR ? 0 : 2) : (sameR ? 1 : 3);
                sum[kind] += cov[a][b];
                n[kind]++;
            }
        }
        double[] out = new double[4];
        for (int q = 0; q < 4; q++) out[q] = n[q] == 0 ? 0 : sum[q] / n[q];
        return out;
    }
}
