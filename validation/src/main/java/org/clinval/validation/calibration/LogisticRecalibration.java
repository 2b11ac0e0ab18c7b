package org.clinval.validation.calibration;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Fits the logistic recalibration models of {@link Recalibration} by maximum likelihood (Cox 1958,
 * Two further applications of a model for binary regression, Biometrika 45(3–4):562–565,
 * doi:10.1093/biomet/45.3-4.562; terminology of Van Calster et al. 2016, A calibration hierarchy
 * for risk models was defined, J Clin Epidemiol 74:167–176, doi:10.1016/j.jclinepi.2015.12.005).
 *
 * <p>Each model is fitted by Newton–Raphson (equivalently IRLS for the canonical logit link) with
 * step halving whenever a step lowers the log-likelihood, from the calibrated start {@code a = 0, b
 * = 1}, until the largest step is below {@code 1e-10·(1 + |β|)}; at most 100 iterations.
 *
 * <p>Where the maximum-likelihood estimate does not exist the result says why instead of returning
 * a divergent number:
 *
 * <ul>
 *   <li>a probability of exactly 0 or 1 (logit unbounded): both models undefined;
 *   <li>only one outcome class: both intercepts are infinite;
 *   <li>all probabilities equal: the slope is not identifiable (calibration-in-the-large is);
 *   <li>{@code logit(p)} separates the classes, completely or quasi-completely (every positive's
 *       {@code p} ≥ every negative's, or ≤; Albert and Anderson 1984, doi:10.1093/biomet/71.1.1):
 *       the slope is infinite (calibration-in-the-large is finite);
 *   <li>no convergence within the iteration limit.
 * </ul>
 */
public final class LogisticRecalibration {

    static final int MAX_ITERATIONS = 100;
    private static final String METHOD =
            "maximum likelihood, Newton-Raphson (IRLS) with step halving; slope = b in logit P ="
                    + " a + b logit(p); calibration-in-the-large = a in logit P = a + logit(p)";

    private LogisticRecalibration() {}

    /** Fits both recalibration models to {@code forecasts}. */
    public static Recalibration fit(ProbabilityForecasts forecasts) {
        int n = forecasts.n();
        Optional<String> common = commonProblem(forecasts);
        if (common.isPresent()) {
            return new Recalibration(
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    n,
                    common,
                    common,
                    METHOD);
        }
        double[] x = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double p = forecasts.probability(i);
            x[i] = Math.log(p / (1 - p)); // as R's qlogis
            y[i] = forecasts.outcome(i);
        }
        LogisticFit.Result offset = LogisticFit.offsetIntercept(x, y, MAX_ITERATIONS);
        Optional<String> slopeProblem = slopeProblem(x, y);
        LogisticFit.Result joint =
                slopeProblem.isPresent()
                        ? LogisticFit.Result.failed(slopeProblem.get())
                        : LogisticFit.joint(x, y, MAX_ITERATIONS);
        return new Recalibration(
                joint.coefficient(1),
                joint.coefficient(0),
                offset.coefficient(0),
                n,
                joint.failure(),
                offset.failure(),
                METHOD);
    }

    private static Optional<String> commonProblem(ProbabilityForecasts f) {
        int boundary = 0;
        int first = -1;
        for (int i = 0; i < f.n(); i++) {
            double p = f.probability(i);
            if (p == 0 || p == 1) {
                if (first < 0) first = i;
                boundary++;
            }
        }
        if (boundary > 0) {
            return Optional.of(
                    "logit(p) is unbounded: "
                            + boundary
                            + " probabilities are exactly 0 or 1, the first at index "
                            + first
                            + " (p = "
                            + f.probability(first)
                            + ")");
        }
        if (f.positives() == 0 || f.positives() == f.n()) {
            return Optional.of(
                    "all "
                            + f.n()
                            + " outcomes are "
                            + (f.positives() == 0 ? "negative" : "positive")
                            + ", so the maximum-likelihood intercept is infinite");
        }
        return Optional.empty();
    }

    /** Checks identifiability and separation of the joint model; both classes are present. */
    private static Optional<String> slopeProblem(double[] x, boolean[] y) {
        double minPos = Double.POSITIVE_INFINITY, maxPos = Double.NEGATIVE_INFINITY;
        double minNeg = Double.POSITIVE_INFINITY, maxNeg = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (y[i]) {
                minPos = Math.min(minPos, x[i]);
                maxPos = Math.max(maxPos, x[i]);
            } else {
                minNeg = Math.min(minNeg, x[i]);
                maxNeg = Math.max(maxNeg, x[i]);
            }
        }
        if (Math.min(minPos, minNeg) == Math.max(maxPos, maxNeg)) {
            return Optional.of("all probabilities are equal, so the slope is not identifiable");
        }
        if (maxNeg <= minPos || maxPos <= minNeg) {
            return Optional.of(
                    "logit(p) separates the outcomes (every positive's probability is "
                            + (maxNeg <= minPos ? "at least" : "at most")
                            + " every negative's), so the maximum-likelihood slope is infinite");
        }
        return Optional.empty();
    }
}
