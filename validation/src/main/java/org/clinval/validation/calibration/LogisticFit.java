package org.clinval.validation.calibration;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Newton–Raphson fits of the two one-covariate logistic models used for recalibration. Each pass
 * over the data evaluates the log-likelihood, gradient and information at one point, so a step that
 * is accepted costs one pass.
 */
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

    /**
     * Log-likelihood {@code Σ y·η − log(1 + e^η)} of {@code η = a + b·x}, its gradient {@code (g0,
     * g1)} and information matrix {@code [[h00, h01], [h01, h11]]} at {@code (a, b)}.
     */
    private record Point(
            double a,
            double b,
            double logLikelihood,
            double g0,
            double g1,
            double h00,
            double h01,
            double h11) {

        static Point at(double[] x, boolean[] y, double a, double b) {
            double ll = 0, g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int i = 0; i < x.length; i++) {
                double eta = a + b * x[i];
                // One exponential serves both mu = expit(eta) and log(1 + e^eta), stably.
                double e = Math.exp(-Math.abs(eta));
                double mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
                ll += (y[i] ? eta : 0) - (Math.max(eta, 0) + Math.log1p(e));
                double w = mu * (1 - mu);
                double r = (y[i] ? 1 : 0) - mu;
                g0 += r;
                g1 += r * x[i];
                h00 += w;
                h01 += w * x[i];
                h11 += w * x[i] * x[i];
            }
            return new Point(a, b, ll, g0, g1, h00, h01, h11);
        }

        /** Whether {@code next} does not lower the log-likelihood beyond rounding noise. */
        boolean acceptable(Point next) {
            return next.logLikelihood >= logLikelihood - 1e-12 * (1 + Math.abs(logLikelihood));
        }
    }

    private LogisticFit() {}

    /** Fits {@code logit P(y) = β0 + β1·x}, starting from {@code (0, 1)}. */
    static Result joint(double[] x, boolean[] y, int maxIterations) {
        Point p = Point.at(x, y, 0, 1);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double det = p.h00 * p.h11 - p.h01 * p.h01;
            if (!(det > 0) || !Double.isFinite(det)) {
                return Result.failed(
                        "the information matrix became singular at iteration " + iteration);
            }
            double da = (p.h11 * p.g0 - p.h01 * p.g1) / det;
            double db = (p.h00 * p.g1 - p.h01 * p.g0) / det;
            double t = 1;
            Point next = Point.at(x, y, p.a + da, p.b + db);
            for (int h = 0; h < MAX_HALVINGS && !p.acceptable(next); h++) {
                t /= 2;
                next = Point.at(x, y, p.a + t * da, p.b + t * db);
            }
            double step = t * Math.max(Math.abs(da), Math.abs(db));
            p = next;
            if (step <= STEP_TOLERANCE * (1 + Math.max(Math.abs(p.a), Math.abs(p.b)))) {
                return new Result(new double[] {p.a, p.b}, Optional.empty());
            }
        }
        return Result.failed(notConverged(maxIterations));
    }

    /** Fits {@code logit P(y) = β0 + x} (offset {@code x}), starting from {@code β0 = 0}. */
    static Result offsetIntercept(double[] x, boolean[] y, int maxIterations) {
        Point p = Point.at(x, y, 0, 1);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            if (!(p.h00 > 0)) {
                return Result.failed("the information became 0 at iteration " + iteration);
            }
            double da = p.g0 / p.h00;
            double t = 1;
            Point next = Point.at(x, y, p.a + da, 1);
            for (int h = 0; h < MAX_HALVINGS && !p.acceptable(next); h++) {
                t /= 2;
                next = Point.at(x, y, p.a + t * da, 1);
            }
            double step = t * Math.abs(da);
            p = next;
            if (step <= STEP_TOLERANCE * (1 + Math.abs(p.a))) {
                return new Result(new double[] {p.a}, Optional.empty());
            }
        }
        return Result.failed(notConverged(maxIterations));
    }

    private static String notConverged(int maxIterations) {
        return "the maximum-likelihood fit did not converge in " + maxIterations + " iterations";
    }
}
