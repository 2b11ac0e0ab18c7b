package org.clinval.validation.mrmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * The Obuchowski–Rockette (OR) analysis of the empirical AUCs of a fully crossed reader study
 * (Obuchowski and Rockette 1995, Commun Stat Simul Comput 24:285–308), with Hillis's denominator
 * degrees of freedom (Hillis 2007, Stat Med 26:596–619, doi:10.1002/sim.2532; Hillis et al. 2008,
 * Acad Radiol 15:647–661), as the OR-DBM MRMC software prints it.
 *
 * <p>With {@code t} modalities, {@code r} readers, AUCs {@code θ_tr}, mean squares {@code MS_T},
 * {@code MS_R}, {@code MS_TR} of the two-way table and error (co)variances {@code Var}, {@code
 * Cov1} (same reader), {@code Cov2} (same modality), {@code Cov3} (neither) averaged over the pairs
 * of AUCs:
 *
 * <ul>
 *   <li>random readers and cases: {@code F = MS_T / E}, {@code E = MS_TR + r·max(Cov2 − Cov3, 0)},
 *       {@code ddf_H = E² / [MS_TR² / ((t−1)(r−1))]}; a difference has {@code SE = sqrt(2E/r)} and
 *       {@code ddf_H}; one modality alone has {@code E_t = MS_R(t) + r·max(Cov2_t, 0)}, {@code SE =
 *       sqrt(E_t/r)}, {@code df = E_t² / [MS_R(t)² / (r−1)]};
 *   <li>fixed readers, random cases: {@code X² = (t−1)·MS_T / [Var − Cov1 + (r−1)·max(Cov2 − Cov3,
 *       0)]} on {@code t−1} df; a difference has {@code SE = sqrt(2/r·[Var − Cov1 + (r−1)·max(Cov2
 *       − Cov3, 0)])}, one modality {@code SE = sqrt([Var_t + (r−1)·max(Cov2_t, 0)]/r)}, both with
 *       normal quantiles;
 *   <li>random readers, fixed cases: {@code F = MS_T / MS_TR} on {@code (t−1, (t−1)(r−1))} df; a
 *       difference has {@code SE = sqrt(2·MS_TR/r)} with {@code (t−1)(r−1)} df, one modality {@code
 *       SE = sqrt(MS_R(t)/r)} with {@code r−1} df.
 * </ul>
 *
 * <p>Intervals are {@code estimate ± q·SE}, not clipped; single-modality tests are against ½. An
 * error term that is not positive leaves its test undefined, with the reason.
 */
public final class ObuchowskiRockette {

    private ObuchowskiRockette() {}

    /**
     * Analyses {@code study}.
     *
     * @throws IllegalArgumentException if the study is not fully crossed or has fewer than 2
     *     readers, or a modality has fewer than 2 positive or 2 negative cases
     */
    public static OrAnalysis analyse(
            ReaderStudy study, OrFactors factors, OrCovariance method, ConfidenceLevel level) {
        if (study.design() != StudyDesign.FULLY_CROSSED) {
            throw new IllegalArgumentException(
                    "the Obuchowski-Rockette analysis needs a fully crossed study; this one is "
                            + study.design()
                            + " with "
                            + study.missingReads().size()
                            + " reader-modality pair(s) missing reads");
        }
        int t = study.modalities().size();
        int r = study.readers().size();
        if (r < 2) throw new IllegalArgumentException("the OR analysis needs at least 2 readers");
        OrCovarianceMatrix cm = OrCovarianceMatrix.of(study, method);
        double[][] th = cm.aucs;
        double[] mt = new double[t];
        double[] mr = new double[r];
        double grand = 0;
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) {
                mt[i] += th[i][j] / r;
                mr[j] += th[i][j] / t;
                grand += th[i][j] / (t * r);
            }
        }
        double msT = 0;
        double msR = 0;
        double msTR = 0;
        for (int i = 0; i < t; i++) msT += r * sq(mt[i] - grand);
        for (int j = 0; j < r; j++) msR += t * sq(mr[j] - grand);
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < r; j++) msTR += sq(th[i][j] - mt[i] - mr[j] + grand);
        }
        msT = t > 1 ? msT / (t - 1) : 0;
        msR /= r - 1;
        msTR = t > 1 ? msTR / ((t - 1.0) * (r - 1)) : 0;
        double[] avg = cm.averages(-1);
        double var = avg[0];
        double cov1 = avg[1];
        double cov2 = avg[2];
        double cov3 = avg[3];
        double varTR = msTR - var + cov1 + Math.max(cov2 - cov3, 0);
        double varR = t > 1 ? (msR - msTR) / t - cov1 + cov3 : msR - var + cov2;
        Optional<DbmComponents> dbm = Optional.empty();
        if (method == OrCovariance.JACKKNIFE && t > 1) {
            double c = study.negatives() + study.positives();
            dbm =
                    Optional.of(
                            new DbmComponents(
                                    varR,
                                    c * cov3,
                                    varTR,
                                    c * (cov2 - cov3),
                                    c * (cov1 - cov3),
                                    c * (var - cov1 - cov2 + cov3)));
        }
        Errors e = new Errors(factors, r, (t - 1.0) * (r - 1), msTR, var, cov1, cov2, cov3, false);
        List<OrEstimate> diffs = new ArrayList<>();
        for (int a = 0; a < t; a++) {
            for (int b = a + 1; b < t; b++) {
                diffs.add(
                        estimate(
                                study.modalities().get(a),
                                Optional.of(study.modalities().get(b)),
                                mt[a] - mt[b],
                                0,
                                e.differenceVariance(),
                                e.df(),
                                e.why(),
                                level));
            }
        }
        List<OrEstimate> single = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            double msRt = 0;
            for (int j = 0; j < r; j++) msRt += sq(th[i][j] - mt[i]);
            msRt /= r - 1;
            double[] at = cm.averages(i);
            Errors s = Errors.single(factors, r, msRt, at[0], at[2]);
            single.add(
                    estimate(
                            study.modalities().get(i),
                            Optional.empty(),
                            mt[i],
                            0.5,
                            s.singleVariance(),
                            s.df(),
                            s.why(),
                            level));
        }
        List<List<Double>> aucs = new ArrayList<>();
        for (double[] row : th) {
            List<Double> l = new ArrayList<>();
            for (double v : row) l.add(v);
            aucs.add(List.copyOf(l));
        }
        return new OrAnalysis(
                factors,
                method,
                level,
                study.modalities(),
                study.readers(),
                List.copyOf(aucs),
                msT,
                msR,
                msTR,
                var,
                cov1,
                cov2,
                cov3,
                varR,
                varTR,
                dbm,
                e.global(t, msT),
                List.copyOf(diffs),
                List.copyOf(single));
    }

    private static OrEstimate estimate(
            String modality,
            Optional<String> minus,
            double est,
            double nul,
            double variance,
            OptionalDouble df,
            String why,
            ConfidenceLevel level) {
        String method = df.isPresent() ? "t" : "normal";
        if (why != null || !(variance > 0)) {
            String reason = why != null ? why : "the error term is not positive: " + variance;
            return new OrEstimate(
                    modality,
                    minus,
                    est,
                    OptionalDouble.empty(),
                    MrmcTest.undefined(method, df, reason));
        }
        ContinuousDistribution dist =
                df.isPresent() ? TDistribution.of(df.getAsDouble()) : NormalDistribution.of(0, 1);
        double se = Math.sqrt(variance);
        double stat = (est - nul) / se;
        double p = 2 * dist.survivalProbability(Math.abs(stat));
        double h = dist.inverseSurvivalProbability(level.alpha() / 2) * se;
        MrmcTest test =
                new MrmcTest(
                        method,
                        df,
                        OptionalDouble.of(stat),
                        OptionalDouble.of(p),
                        Optional.of(new Interval(est - h, est + h)),
                        Optional.empty());
        return new OrEstimate(modality, minus, est, OptionalDouble.of(se), test);
    }

    static double sq(double x) {
        return x * x;
    }

    /** The error term of one analysis: its value, df, and the variances derived from it. */
    private record Errors(
            OrFactors factors,
            int r,
            double dfMs,
            double ms,
            double var,
            double cov1,
            double cov2,
            double cov3,
            boolean single) {

        static Errors single(OrFactors factors, int r, double msR, double var, double cov2) {
            return new Errors(factors, r, r - 1, msR, var, 0, cov2, 0, true);
        }

        /** The denominator of the F test (random readers) or of the chi-square (fixed readers). */
        double term() {
            double c = single ? cov2 : cov2 - cov3;
            return switch (factors) {
                case RANDOM_READERS_RANDOM_CASES -> ms + r * Math.max(c, 0);
                case FIXED_READERS_RANDOM_CASES -> var - cov1 + (r - 1) * Math.max(c, 0);
                case RANDOM_READERS_FIXED_CASES -> ms;
            };
        }

        OptionalDouble df() {
            return switch (factors) {
                case RANDOM_READERS_RANDOM_CASES ->
                        ms > 0
                                ? OptionalDouble.of(sq(term()) / (sq(ms) / dfMs))
                                : OptionalDouble.empty();
                case FIXED_READERS_RANDOM_CASES -> OptionalDouble.empty();
                case RANDOM_READERS_FIXED_CASES -> OptionalDouble.of(dfMs);
            };
        }

        String why() {
            if (factors != OrFactors.FIXED_READERS_RANDOM_CASES && !(ms > 0)) {
                return (single ? "MS_R" : "MS_TR") + " is 0: the readers' AUCs do not vary";
            }
            return term() > 0 ? null : "the error term is not positive: " + term();
        }

        double differenceVariance() {
            return 2 * term() / r;
        }

        double singleVariance() {
            return term() / r;
        }

        OrGlobalTest global(int t, double msT) {
            boolean chi = factors == OrFactors.FIXED_READERS_RANDOM_CASES;
            String dist = chi ? "chi-square" : "F";
            OptionalDouble df2 = chi ? OptionalDouble.empty() : df();
            String reason = t < 2 ? "one modality: nothing to compare" : why();
            if (reason != null) {
                return new OrGlobalTest(
                        dist,
                        t - 1,
                        df2,
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        Optional.of(reason));
            }
            double stat = chi ? (t - 1) * msT / term() : msT / term();
            double p =
                    chi
                            ? ChiSquaredDistribution.of(t - 1).survivalProbability(stat)
                            : FDistribution.of(t - 1, df2.getAsDouble()).survivalProbability(stat);
            return new OrGlobalTest(
                    dist,
                    t - 1,
                    df2,
                    OptionalDouble.of(stat),
                    OptionalDouble.of(p),
                    Optional.empty());
        }
    }
}
