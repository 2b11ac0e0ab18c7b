package org.clinval.validation.binary;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;

/**
 * Single-number summaries of a confusion matrix: the Matthews correlation coefficient and the
 * F-beta score, as scikit-learn 1.2.1's {@code matthews_corrcoef(y, pred)} and {@code
 * fbeta_score(y, pred, beta=β)} compute them, with stratified bootstrap intervals.
 *
 * <p>{@code MCC = (tp·tn − fp·fn) / sqrt((tp + fp)(tp + fn)(tn + fp)(tn + fn))} (Matthews 1975,
 * Biochim Biophys Acta 405(2):442–451, doi:10.1016/0005-2795(75)90109-9); undefined when a margin
 * is 0 (no positive or no negative case, or no positive or no negative call), where scikit-learn
 * returns 0. {@code F_β = (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp)} (van Rijsbergen 1979), {@code β
 * ≥ 0}; undefined when its denominator is 0, where scikit-learn warns and returns 0.
 *
 * <p>No closed-form interval is used: none is standard for either. The interval is a stratified
 * bootstrap, as {@link org.clinval.validation.roc.RocBootstrap} resamples cases: the {@code m}
 * positives and {@code n} negatives are drawn with replacement, which changes only the counts,
 * {@code tp* ~ Binomial(m, tp/m)} and {@code fp* ~ Binomial(n, fp/n)}; replicate {@code r} draws
 * them from {@link BootstrapSpec#random}{@code (r)}. Replicates where the statistic is undefined
 * are left out and counted (as pROC ignores NA replicates); BCa is given only when none is and
 * every leave-one-out value is defined.
 */
public final class ThresholdScores {

    static final String RESAMPLING = "stratified by class";

    private ThresholdScores() {}

    /** Returns the Matthews correlation coefficient of {@code m}, without an interval. */
    public static RatioEstimate mcc(ConfusionMatrix m, ConfidenceLevel level) {
        double v = mccValue(m);
        if (Double.isNaN(v)) {
            return RatioEstimate.undefined("mcc", level, "none", mccReason(m));
        }
        return RatioEstimate.withoutInterval(
                "mcc",
                v,
                level,
                "none",
                "no closed-form interval is standard; a bootstrap interval is computed on request");
    }

    /** Returns the F-beta score of {@code m}, without an interval. */
    public static RatioEstimate fBeta(ConfusionMatrix m, double beta, ConfidenceLevel level) {
        checkBeta(beta);
        double v = fBetaValue(m, beta);
        if (Double.isNaN(v)) {
            return RatioEstimate.undefined(
                    "f_beta",
                    level,
                    "none",
                    "F-beta is undefined: no positives and no positive calls");
        }
        return RatioEstimate.withoutInterval(
                "f_beta",
                v,
                level,
                "none",
                "no closed-form interval is standard; a bootstrap interval is computed on request");
    }

    /** Returns the stratified bootstrap interval of the MCC of {@code m}. */
    public static CountBootstrap bootstrapMcc(ConfusionMatrix m, BootstrapSpec spec) {
        return bootstrap(m, ThresholdScores::mccValue, spec, mccReason(m));
    }

    /** Returns the stratified bootstrap interval of the F-beta score of {@code m}. */
    public static CountBootstrap bootstrapFBeta(
            ConfusionMatrix m, double beta, BootstrapSpec spec) {
        checkBeta(beta);
        return bootstrap(
                m,
                c -> fBetaValue(c, beta),
                spec,
                "F-beta is undefined: no positives and no positive calls");
    }

    /**
     * A bootstrap interval of a statistic of the counts, with the replicates it left out.
     *
     * @param interval the intervals over the defined replicates, empty when the statistic is
     *     undefined on the sample or in every replicate
     * @param replicates replicates drawn
     * @param undefinedReplicates replicates where the statistic was undefined, left out
     * @param undefinedReason why the interval is missing, if it is
     */
    public record CountBootstrap(
            Optional<BootstrapInterval> interval,
            int replicates,
            int undefinedReplicates,
            Optional<String> undefinedReason) {}

    static double mccValue(ConfusionMatrix m) {
        double tp = m.tp(), fp = m.fp(), tn = m.tn(), fn = m.fn();
        double product = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
        if (product == 0) return Double.NaN;
        return (tp * tn - fp * fn)
                / Math.sqrt(tp + fp)
                / Math.sqrt(tp + fn)
                / Math.sqrt(tn + fp)
                / Math.sqrt(tn + fn);
    }

    static double fBetaValue(ConfusionMatrix m, double beta) {
        double b2 = beta * beta;
        double denominator = (1 + b2) * m.tp() + b2 * m.fn() + m.fp();
        return denominator == 0 ? Double.NaN : (1 + b2) * m.tp() / denominator;
    }

    private static String mccReason(ConfusionMatrix m) {
        return "MCC is undefined: a margin of the confusion matrix is 0 ("
                + m.positives()
                + " positive, "
                + m.negatives()
                + " negative cases; "
                + (m.tp() + m.fp())
                + " positive, "
                + (m.tn() + m.fn())
                + " negative calls)";
    }

    private static void checkBeta(double beta) {
        Checks.finite("beta", beta);
        if (beta < 0) throw new IllegalArgumentException("beta is negative: " + beta);
    }

    private static CountBootstrap bootstrap(
            ConfusionMatrix m,
            ToDoubleFunction<ConfusionMatrix> statistic,
            BootstrapSpec spec,
            String undefinedReason) {
        double estimate = statistic.applyAsDouble(m);
        int b = spec.replicates();
        if (Double.isNaN(estimate)) {
            return new CountBootstrap(Optional.empty(), b, 0, Optional.of(undefinedReason));
        }
        long npos = m.positives();
        long nneg = m.negatives();
        double[] all =
                IntStream.range(0, b)
                        .parallel()
                        .mapToDouble(
                                r -> {
                                    UniformRandomProvider rng = spec.random(r);
                                    long tp = draw(npos, m.tp(), rng);
                                    long fp = draw(nneg, m.fp(), rng);
                                    return statistic.applyAsDouble(
                                            new ConfusionMatrix(tp, fp, nneg - fp, npos - tp));
                                })
                        .toArray();
        double[] defined = Arrays.stream(all).filter(v -> !Double.isNaN(v)).toArray();
        int undefined = b - defined.length;
        if (defined.length == 0) {
            return new CountBootstrap(
                    Optional.empty(),
                    b,
                    undefined,
                    Optional.of("the statistic is undefined in every bootstrap replicate"));
        }
        double[] jackknife = jackknife(m, statistic);
        boolean bcaDefined = undefined == 0 && Arrays.stream(jackknife).noneMatch(Double::isNaN);
        BootstrapInterval i =
                Intervals.of(
                        estimate,
                        defined,
                        bcaDefined ? jackknife : new double[] {0},
                        spec,
                        RESAMPLING);
        if (!bcaDefined) {
            i =
                    new BootstrapInterval(
                            i.estimate(),
                            i.percentile(),
                            Optional.empty(),
                            OptionalDouble.empty(),
                            0,
                            i.level(),
                            i.replicates(),
                            i.seed(),
                            i.resampling(),
                            Optional.of(
                                    "BCa is not given: the statistic is undefined in "
                                            + (undefined > 0
                                                    ? undefined + " replicate(s)"
                                                    : "a leave-one-out sample")));
        }
        return new CountBootstrap(Optional.of(i), b, undefined, Optional.empty());
    }

    /** The number of {@code hits} among {@code trials} draws from {@code n} cases. */
    private static long draw(long n, long hits, UniformRandomProvider rng) {
        if (n == 0 || hits == 0) return 0;
        if (hits == n) return n;
        return BinomialDistribution.of(Math.toIntExact(n), (double) hits / n)
                .createSampler(rng)
                .sample();
    }

    /** Leave-one-out values, one per case: only four distinct ones. */
    private static double[] jackknife(ConfusionMatrix m, ToDoubleFunction<ConfusionMatrix> f) {
        long total = m.total();
        double[] out = new double[Math.toIntExact(total)];
        int k = 0;
        long[][] cells = {
            {m.tp(), 1, 0, 0, 0}, {m.fp(), 0, 1, 0, 0}, {m.tn(), 0, 0, 1, 0}, {m.fn(), 0, 0, 0, 1}
        };
        for (long[] c : cells) {
            if (c[0] == 0) continue;
            double v =
                    f.applyAsDouble(
                            new ConfusionMatrix(
                                    m.tp() - c[1], m.fp() - c[2], m.tn() - c[3], m.fn() - c[4]));
            for (long j = 0; j < c[0]; j++) out[k++] = v;
        }
        return out;
    }
}
