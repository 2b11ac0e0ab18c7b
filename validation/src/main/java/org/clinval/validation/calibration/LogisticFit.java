package org.clinval.validation.calibration;

import java.util.Optional;
import java.util.OptionalDouble;

/** Newton–Raphson fits of the two one-covariate logistic models used for recalibration. */
final class LogisticFit {

    private static final double STEP_TOLERANCE = 1e-10;
    private static final int MAX_HALVINGS = 60;

    /** Coefficients, or the reason there are none. */
    record Result(double[] beta, Optional<String> failure) {

        static Result failed(String reason) {
            return new Result(null, Optional.of(reason));
        }

        OptionalDouble coefficient(int index) {
            return beta == null ? OptionalDouble.empty() : OptionalDouble.of(beta[index]);
        }
    }

    private LogisticFit() {}

    /** Fits {@code logit P(y) = β0 + β1·x}, starting from {@code (0, 1)}. */
    static Result joint(double[] x, boolean[] y, int maxIterations) {
        double a = 0, b = 1;
        double ll = logLikelihood(x, y, a, b);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int i = 0; i < x.length; i++) {
                double eta = a + b * x[i];
                double mu = expit(eta);
                double w = mu * (1 - mu);
                double r = (y[i] ? 1 : 0) - mu;
                g0 += r;
                g1 += r * x[i];
                h00 += w;
                h01 += w * x[i];
                h11 += w * x[i] * x[i];
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0) || !Double.isFinite(det)) {
                return Result.failed(
                        "the information matrix became singular at iteration " + iteration);
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            double t = 1;
            double next = logLikelihood(x, y, a + da, b + db);
            for (int h = 0; h < MAX_HALVINGS && !(next >= ll - tolerance(ll)); h++) {
                t /= 2;
                next = logLikelihood(x, y, a + t * da, b + t * db);
            }
            a += t * da;
            b += t * db;
            ll = next;
            double step = Math.max(Math.abs(t * da), Math.abs(t * db));
            if (step <= STEP_TOLERANCE * (1 + Math.max(Math.abs(a), Math.abs(b)))) {
                return new Result(new double[] {a, b}, Optional.empty());
            }
        }
        return Result.failed(notConverged(maxIterations));
    }

    /** Fits {@code logit P(y) = β0 + x} (offset {@code x}), starting from {@code β0 = 0}. */
    static Result offsetIntercept(double[] x, boolean[] y, int maxIterations) {
        double a = 0;
        double ll = logLikelihood(x, y, a, 1);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double g = 0, h = 0;
            for (int i = 0; i < x.length; i++) {
                double mu = expit(a + x[i]);
                g += (y[i] ? 1 : 0) - mu;
                h += mu * (1 - mu);
            }
            if (!(h > 0)) {
                return Result.failed("the information became 0 at iteration " + iteration);
            }
            double da = g / h;
            double t = 1;
            double next = logLikelihood(x, y, a + da, 1);
            for (int k = 0; k < MAX_HALVINGS && !(next >= ll - tolerance(ll)); k++) {
                t /= 2;
                next = logLikelihood(x, y, a + t * da, 1);
            }
            a += t * da;
            ll = next;
            if (Math.abs(t * da) <= STEP_TOLERANCE * (1 + Math.abs(a))) {
                return new Result(new double[] {a}, Optional.empty());
            }
        }
        return Result.failed(notConverged(maxIterations));
    }

    /** Returns {@code Σ y·η − log(1 + e^η)} with {@code η = a + b·x}. */
    private static double logLikelihood(double[] x, boolean[] y, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double eta = a + b * x[i];
            sum += (y[i] ? eta : 0) - log1pExp(eta);
        }
        return sum;
    }

    /** Rounding noise allowed when comparing log-likelihoods near the maximum. */
    private static double tolerance(double ll) {
        return 1e-12 * (1 + Math.abs(ll));
    }

    private static double expit(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double log1pExp(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    private static String notConverged(int maxIterations) {
        return "the maximum-likelihood fit did not converge in " + maxIterations + " iterations";
    }
}
