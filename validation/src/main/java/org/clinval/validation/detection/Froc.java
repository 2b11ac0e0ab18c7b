package org.clinval.validation.detection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;

/**
 * Free-response ROC analysis of matched detections: the FROC curve, the sensitivity at fixed
 * false-positive rates per scan and the competition performance metric (CPM) of LUNA16, with a
 * bootstrap over scans.
 *
 * <p><b>Curve.</b> For every distinct score {@code t}, accepting the candidates scoring at least
 * {@code t} gives {@code FP(t)}, the false-positive candidates scoring {@code >= t}, and {@code
 * TP(t)}, the lesions whose best hitting score is {@code >= t}; the point is {@code (FP(t)/N,
 * TP(t)/L)} with {@code N} the number of scans and {@code L} the number of lesions (hit or not).
 * The curve starts at the origin. This is LUNA16's {@code computeFROC}: scikit-learn's {@code
 * roc_curve} over the hit lesions and false positives, rescaled by {@code N} and {@code L}; a false
 * positive and a lesion with the same score enter at the same threshold (a diagonal step).
 *
 * <p><b>Reading the curve at an FP rate</b> {@code x} is {@code numpy.interp(x, fps, sens)}, as
 * LUNA16's {@code noduleCADEvaluation}: with {@code j} the last point whose FP rate is {@code <=
 * x}, the sensitivity is that point's when its FP rate equals {@code x} (so several points at the
 * same FP rate give the most sensitive one), otherwise the straight line to point {@code j+1}.
 * <b>Beyond the last point</b> (a system that never reaches {@code x} false positives per scan,
 * even accepting every candidate) the sensitivity is held at the last point's, the sensitivity with
 * every candidate accepted: numpy's default {@code right = sens[-1]}. With no false positive at all
 * every point lies at FP rate 0 and every rate above 0 gets the final sensitivity (LUNA16 sets
 * {@code fps} to zeros there too). With false positives but no lesion hit, the sensitivity is 0
 * (LUNA16's scikit-learn call divides 0 by 0 there).
 *
 * <p><b>CPM</b> (Niemeijer et al. 2011, IEEE Trans Med Imaging 30(2):215–228,
 * doi:10.1109/TMI.2010.2072789; LUNA16, Setio et al. 2017, doi:10.1016/j.media.2017.06.015) is the
 * mean sensitivity at {@link #LUNA16_FP_RATES} = 1/8, 1/4, 1/2, 1, 2, 4 and 8 false positives per
 * scan. LUNA16's cap of 100 marks per scan is not applied: pass the marks to be evaluated.
 *
 * <p><b>Bootstrap</b>: each replicate draws {@code N} scans with replacement from all {@code N}
 * (scans without lesions or candidates included, as LUNA16's {@code computeFROC_bootstrap}), a scan
 * drawn {@code k} times contributing its lesions and false positives {@code k} times, and divides
 * by {@code N}. Percentile and BCa intervals come from {@link Intervals}, the BCa acceleration from
 * the leave-one-scan-out jackknife (dividing by {@code N − 1}). Every replicate and jackknife value
 * reweights the one score-sorted event list of {@link MatchedDetections} instead of concatenating
 * and sorting marks: a replicate costs {@code O(N + K)} for {@code K} scored events, the jackknife
 * {@code O(S·K)} for {@code S} scans with marks or lesions; replicates run in parallel, each with
 * its own seeded generator, so results do not depend on the thread count.
 */
public final class Froc {

    /** The FP rates per scan of the LUNA16 CPM: 1/8, 1/4, 1/2, 1, 2, 4, 8. */
    public static final List<Double> LUNA16_FP_RATES =
            List.of(0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0);

    static final String METHOD =
            "FROC (LUNA16 matching; sensitivity at an FP rate by numpy.interp of the curve, held"
                    + " at the last point beyond it)";

    static final String RESAMPLING = "scans with replacement, N fixed (LUNA16)";

    private Froc() {}

    /** Returns the FROC analysis at the LUNA16 FP rates. */
    public static FrocResult of(MatchedDetections d) {
        return of(d, LUNA16_FP_RATES);
    }

    /**
     * Returns the FROC analysis at {@code fpRates}; the CPM is the mean over them.
     *
     * @throws IllegalArgumentException if the rates are empty, negative, not finite or not strictly
     *     ascending
     */
    public static FrocResult of(MatchedDetections d, List<Double> fpRates) {
        double[] rates = rates(fpRates);
        if (d.lesions() == 0) {
            return new FrocResult(
                    d.scans(),
                    0,
                    0,
                    d.candidates(),
                    d.falsePositives(),
                    Optional.empty(),
                    Map.of(),
                    OptionalDouble.empty(),
                    METHOD,
                    Optional.of("sensitivity is undefined: there is no reference lesion"));
        }
        double[] sens = new double[rates.length];
        FrocSweep.sensitivities(d, null, d.scans(), rates, sens);
        Map<Double, Double> at = new LinkedHashMap<>();
        for (int i = 0; i < rates.length; i++) at.put(rates[i], sens[i]);
        return new FrocResult(
                d.scans(),
                d.lesions(),
                d.lesionsHit(),
                d.candidates(),
                d.falsePositives(),
                Optional.of(FrocCurve.of(d)),
                at,
                OptionalDouble.of(mean(sens)),
                METHOD,
                Optional.empty());
    }

    /** Returns bootstrap intervals at the LUNA16 FP rates. */
    public static FrocBootstrap bootstrap(MatchedDetections d, BootstrapSpec spec) {
        return bootstrap(d, LUNA16_FP_RATES, spec);
    }

    /** Returns bootstrap intervals of the sensitivity at each of {@code fpRates} and the CPM. */
    public static FrocBootstrap bootstrap(
            MatchedDetections d, List<Double> fpRates, BootstrapSpec spec) {
        double[] rates = rates(fpRates);
        int[] perScan = d.lesionsPerScan();
        int withLesions = 0;
        for (int l : perScan) if (l > 0) withLesions++;
        if (withLesions < 2) {
            return undefined(
                    spec,
                    0,
                    "a bootstrap over scans needs lesions on at least 2 scans: "
                            + withLesions
                            + " scan(s) have lesions");
        }
        int seen = perScan.length;
        int n = d.scans();
        int b = spec.replicates();
        double[][] replicates = new double[rates.length + 1][b];
        boolean[] defined = new boolean[b];
        IntStream.range(0, b)
                .parallel()
                .forEach(
                        r -> {
                            int[] weight = draw(spec.random(r), seen, n);
                            double[] out = new double[rates.length];
                            if (FrocSweep.sensitivities(d, weight, n, rates, out)) {
                                defined[r] = true;
                                store(replicates, r, out);
                            }
                        });
        int without = 0;
        for (boolean ok : defined) if (!ok) without++;
        if (without > 0) {
            return undefined(
                    spec,
                    without,
                    without
                            + " of "
                            + b
                            + " bootstrap replicates drew no scan with a lesion, so their"
                            + " sensitivity is undefined");
        }
        double[][] jackknife = jackknife(d, rates);
        double[] estimate = new double[rates.length];
        FrocSweep.sensitivities(d, null, n, rates, estimate);
        Map<Double, BootstrapInterval> at = new LinkedHashMap<>();
        for (int q = 0; q < rates.length; q++) {
            at.put(
                    rates[q],
                    Intervals.of(estimate[q], replicates[q], jackknife[q], spec, RESAMPLING));
        }
        BootstrapInterval cpm =
                Intervals.of(
                        mean(estimate),
                        replicates[rates.length],
                        jackknife[rates.length],
                        spec,
                        RESAMPLING);
        return new FrocBootstrap(
                at, Optional.of(cpm), b, spec.seed(), spec.level(), 0, Optional.empty());
    }

    /** Draws {@code n} scans with replacement; returns the draw count of each seen scan. */
    private static int[] draw(UniformRandomProvider rng, int seen, int n) {
        int[] weight = new int[seen];
        for (int j = 0; j < n; j++) {
            int s = rng.nextInt(n);
            if (s < seen) weight[s]++; // scans >= seen have neither lesions nor candidates
        }
        return weight;
    }

    /** Leave-one-scan-out values, {@code [rate or CPM][scan]}; needs lesions on 2 scans. */
    private static double[][] jackknife(MatchedDetections d, double[] rates) {
        int seen = d.lesionsPerScan().length;
        int n = d.scans();
        double[][] values = new double[rates.length + 1][n];
        IntStream.range(0, seen)
                .parallel()
                .forEach(
                        s -> {
                            int[] weight = new int[seen];
                            java.util.Arrays.fill(weight, 1);
                            weight[s] = 0;
                            double[] out = new double[rates.length];
                            FrocSweep.sensitivities(d, weight, n - 1, rates, out);
                            store(values, s, out);
                        });
        if (seen < n) {
            // Every scan without lesions or candidates leaves the same data behind.
            double[] out = new double[rates.length];
            FrocSweep.sensitivities(d, null, n - 1, rates, out);
            for (int s = seen; s < n; s++) store(values, s, out);
        }
        return values;
    }

    private static void store(double[][] into, int column, double[] sens) {
        for (int q = 0; q < sens.length; q++) into[q][column] = sens[q];
        into[sens.length][column] = mean(sens);
    }

    private static FrocBootstrap undefined(BootstrapSpec spec, int without, String reason) {
        return new FrocBootstrap(
                Map.of(),
                Optional.empty(),
                spec.replicates(),
                spec.seed(),
                spec.level(),
                without,
                Optional.of(reason));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    private static double[] rates(List<Double> fpRates) {
        if (fpRates.isEmpty()) {
            throw new IllegalArgumentException("no FP rate given");
        }
        double[] rates = new double[fpRates.size()];
        for (int i = 0; i < rates.length; i++) {
            double r = fpRates.get(i);
            if (!Double.isFinite(r) || r < 0) {
                throw new IllegalArgumentException(
                        "FP rate is not a non-negative finite number: " + r);
            }
            if (i > 0 && r <= rates[i - 1]) {
                throw new IllegalArgumentException(
                        "FP rates are not strictly ascending: " + rates[i - 1] + ", " + r);
            }
            rates[i] = r;
        }
        return rates;
    }
}
