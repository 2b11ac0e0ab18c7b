package org.clinval.validation.agreement;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * Cohen's kappa for two raters, unweighted (Cohen 1960, doi:10.1177/001316446002000104) or weighted
 * (Cohen 1968, doi:10.1037/h0026256), with the large-sample standard error of Fleiss, Cohen and
 * Everitt (1969), Psychological Bulletin 72(5):323–327, doi:10.1037/h0028106.
 *
 * <p>With cell proportions {@code p(i,j) = count(i,j) / n}, margins {@code r(i) = p(i,·)} and
 * {@code c(j) = p(·,j)}, and weights {@code w(i,j)} (the identity for unweighted kappa):
 *
 * <pre>
 *   po = Σ w(i,j) p(i,j)        pe = Σ w(i,j) r(i) c(j)        κ = (po − pe) / (1 − pe)
 *   w̄(i·) = Σ_j c(j) w(i,j)     w̄(·j) = Σ_i r(i) w(i,j)
 *   Var(κ) = [Σ p(i,j) (w(i,j) − (w̄(i·) + w̄(·j))(1 − κ))² − (κ − pe(1 − κ))²] / (n (1 − pe)²)
 * </pre>
 *
 * This is the non-null variance (not the one under κ = 0), the "ASE" of R's {@code vcd::Kappa}; the
 * interval is the Wald interval {@code κ ± z·SE} clipped to [-1, 1], as vcd's {@code confint}.
 *
 * <p>Edge cases: zero cases is an error. When {@code pe = 1} (both raters put every case in one and
 * the same category, which includes a one-category scale) kappa is {@code 0/0} and is reported
 * undefined with a reason. Perfect agreement with {@code pe < 1} gives κ = 1 and SE = 0, so the
 * Wald interval collapses to [1, 1]; this is what the formula (and vcd) gives, not an estimate of
 * uncertainty. A variance that rounding leaves slightly negative is taken as 0.
 */
public final class CohenKappa {

    private static final String METHOD =
            "Fleiss-Cohen-Everitt (1969) large-sample SE; Wald interval clipped to [-1, 1]";

    private CohenKappa() {}

    /**
     * Returns kappa of {@code table} with {@code weights} and a Wald interval at {@code level}.
     *
     * @throws IllegalArgumentException if the table has no cases
     */
    public static KappaEstimate of(
            AgreementTable table, KappaWeights weights, ConfidenceLevel level) {
        long n = table.n();
        if (n == 0) {
            throw new IllegalArgumentException("kappa needs at least one rated case: n = 0");
        }
        int k = table.size();
        double[][] w = weights.matrix(k);
        double[][] p = new double[k][k];
        double[] r = new double[k];
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = (double) table.count(i, j) / n;
                r[i] += p[i][j];
                c[j] += p[i][j];
            }
        }
        double po = 0;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                po += w[i][j] * p[i][j];
                pe += w[i][j] * r[i] * c[j];
            }
        }
        Optional<String> degenerate = chanceAgreementIsOne(table);
        if (degenerate.isPresent()) {
            return new KappaEstimate(
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.empty(),
                    level,
                    weights,
                    n,
                    table.categories(),
                    po,
                    pe,
                    METHOD,
                    degenerate);
        }
        double kappa = (po - pe) / (1 - pe);
        double[] rowMean = new double[k]; // w̄(i·)
        double[] colMean = new double[k]; // w̄(·j)
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowMean[i] += c[j] * w[i][j];
                colMean[j] += r[i] * w[i][j];
            }
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (p[i][j] == 0) continue;
                double d = w[i][j] - (rowMean[i] + colMean[j]) * (1 - kappa);
                sum += p[i][j] * d * d;
            }
        }
        double centre = kappa - pe * (1 - kappa);
        double variance = (sum - centre * centre) / (n * (1 - pe) * (1 - pe));
        double se = Math.sqrt(Math.max(0, variance));
        double half = level.z() * se;
        Interval ci = new Interval(kappa - half, kappa + half).clip(-1, 1);
        return new KappaEstimate(
                OptionalDouble.of(kappa),
                OptionalDouble.of(se),
                Optional.of(ci),
                level,
                weights,
                n,
                table.categories(),
                po,
                pe,
                METHOD,
                Optional.empty());
    }

    /**
     * Returns a reason when the chance agreement {@code pe} is exactly 1. For every weighting,
     * {@code w(i,j) = 1} only on the diagonal (when {@code k > 1}), so {@code pe = 1} exactly when
     * both raters' margins sit on one and the same category; testing the counts avoids comparing a
     * rounded {@code pe} with 1.
     */
    private static Optional<String> chanceAgreementIsOne(AgreementTable table) {
        int k = table.size();
        for (int i = 0; i < k; i++) {
            if (table.count(i, i) == table.n()) {
                String what =
                        k == 1
                                ? "the scale has a single category '"
                                        + table.categories().get(0)
                                        + "'"
                                : "both raters rated all "
                                        + table.n()
                                        + " cases '"
                                        + table.categories().get(i)
                                        + "'";
                return Optional.of(
                        "kappa is undefined: "
                                + what
                                + ", so the agreement expected by chance is 1 and kappa is 0/0");
            }
        }
        return Optional.empty();
    }
}
