package org.clinval.validation.mrmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Sizing of a fully crossed reader study from a pilot, as FDA's iMRMC 4 sizes one ({@code
 * mrmc.core.StatTest}'s sizing constructor with {@code DBRecord.DBRecordSizeFill}; Gallas 2006,
 * Acad Radiol 13:353–362; Hillis, Obuchowski and Berbaum 2011, Acad Radiol 18:129–142, eq. 10).
 *
 * <p>The pilot's unbiased BDG moments {@code M1…M8} of {@code var(A)}, {@code var(B)} and {@code
 * cov(A, B)} are kept; the coefficients become those of a fully crossed, paired study with {@code
 * N_R} readers, {@code N_0} negatives and {@code N_1} positives: {@code c1 = 1/(N_R·N_0·N_1)},
 * {@code c2 = c1·(N_0−1)}, {@code c3 = c1·(N_1−1)}, {@code c4 = c1·(N_0−1)(N_1−1)}, {@code c5…c8}
 * the same times {@code (N_R−1)}, less 1 for {@code c8}. The variance of the difference is {@code Σ
 * c_k (M_k^A + M_k^B − 2 M_k^{AB})}.
 *
 * <p>BDG df: {@code var² / Σ_{x∈N,D,R} b_x² / df_x³} with {@code b} the pilot's biased BCK
 * components of the difference ({@code A + B − 2·AB}) and {@code df_N = N_0−1}, {@code df_D =
 * N_1−1}, {@code df_R = N_R−1} of the new study, floored at their minimum and at 2.
 *
 * <p>Hillis df and variance (iMRMC's OR route, Hillis 2011 eq. 10): from the pilot's U-statistic OR
 * covariances of a reader's AUC ({@code error}, mean of the two modalities), of one reader across
 * modalities ({@code cov1}), of two readers in one modality ({@code cov2}, mean) and across
 * modalities ({@code cov3}), its {@code MS_TR} and {@code k = (N_0+N_1)_pilot / (N_0+N_1)_new}:
 * {@code var_TR = MS_TR − error + cov1 + max(cov2−cov3, 0)}, {@code var = 2/N_R·[var_TR + k·(error
 * − cov1 + (N_R−1)·max(cov2−cov3, 0))]}, {@code df = (N_R−1)·N_R²·var²/4 / [var_TR + k·(error −
 * cov1 − max(cov2−cov3, 0))]²}, at least 2.
 *
 * <p>Power of the two-sided test of the difference at level {@code α} for a true difference {@code
 * δ}: normal, {@code 1 − Φ(z_{1−α/2} − |δ|/√var)} (the far tail ignored, as iMRMC); with a df below
 * 50, {@code 1 − F'(f_{1−α}(1, ⌊df⌋); 1, ⌊df⌋ − 1, λ)} with {@code λ = δ²/var}, {@code f_{1−α}(1,
 * ⌊df⌋)} the central F quantile and {@code F'} the non-central F distribution function — iMRMC
 * evaluates the non-central F with one denominator degree of freedom fewer than the central cutoff,
 * and this follows it; with a df of 50 or more, the normal power.
 */
public final class MrmcSizing {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final List<Double> mA;
    private final List<Double> mB;
    private final List<Double> mAB;
    private final double[] bckDiffBiased;
    private final int pilotNegatives;
    private final int pilotPositives;
    private final double msTR;
    private final double error;
    private final double cov1;
    private final double cov2;
    private final double cov3;

    private MrmcSizing(
            UstatComponents a,
            UstatComponents b,
            UstatComponents ab,
            int negatives,
            int positives,
            double msTR) {
        this.mA = a.moments();
        this.mB = b.moments();
        this.mAB = ab.moments();
        this.bckDiffBiased = new double[7];
        for (int x = 0; x < 7; x++) {
            bckDiffBiased[x] =
                    a.bckBiased().get(x) + b.bckBiased().get(x) - 2 * ab.bckBiased().get(x);
        }
        this.pilotNegatives = negatives;
        this.pilotPositives = positives;
        this.msTR = msTR;
        this.error =
                (readerCovariance(mA, 0, negatives, positives)
                                + readerCovariance(mB, 0, negatives, positives))
                        / 2;
        this.cov1 = readerCovariance(mAB, 0, negatives, positives);
        this.cov2 =
                (readerCovariance(mA, 4, negatives, positives)
                                + readerCovariance(mB, 4, negatives, positives))
                        / 2;
        this.cov3 = readerCovariance(mAB, 4, negatives, positives);
    }

    /**
     * Takes the pilot's components for the difference of modalities {@code a} and {@code b}.
     *
     * @throws IllegalArgumentException if the pilot is not fully crossed or has fewer than 2
     *     readers
     */
    public static MrmcSizing pilot(ReaderStudy study, int a, int b) {
        if (study.design() != StudyDesign.FULLY_CROSSED) {
            throw new IllegalArgumentException(
                    "sizing needs a fully crossed pilot; this one is " + study.design());
        }
        if (study.readers().size() < 2) {
            throw new IllegalArgumentException("sizing needs a pilot with at least 2 readers");
        }
        KernelSums ka = KernelSums.of(study, a, a);
        KernelSums kb = KernelSums.of(study, b, b);
        KernelSums kab = KernelSums.of(study, a, b);
        double[] auA = GallasAnalysis.perReader(kab.readerKernelA, kab.readerDesignA);
        double[] auB = GallasAnalysis.perReader(kab.readerKernelB, kab.readerDesignB);
        double[] d = new double[auA.length];
        for (int r = 0; r < d.length; r++) d[r] = auA[r] - auB[r];
        return new MrmcSizing(
                GallasAnalysis.components(ka, false),
                GallasAnalysis.components(kb, false),
                GallasAnalysis.components(kab, true),
                study.negatives(),
                study.positives(),
                GallasAnalysis.sampleVariance(d) / 2);
    }

    /**
     * The BDG moment coefficients {@code c1…c8} of a fully crossed study (with the {@code −1} of
     * {@code c8}), as {@link UstatComponents#coefficients()} holds them.
     */
    public static double[] fullyCrossedCoefficients(int readers, int negatives, int positives) {
        double r = readers;
        double n0 = negatives;
        double n1 = positives;
        double c1 = 1 / (r * n0 * n1);
        double[] c = {
            c1,
            c1 * (n0 - 1),
            c1 * (n1 - 1),
            c1 * (n0 - 1) * (n1 - 1),
            c1 * (r - 1),
            c1 * (r - 1) * (n0 - 1),
            c1 * (r - 1) * (n1 - 1),
            c1 * (r - 1) * (n0 - 1) * (n1 - 1) - 1
        };
        return c;
    }

    /**
     * Sizes a fully crossed study.
     *
     * @param readers {@code N_R}, at least 2
     * @param negatives {@code N_0}, at least 2
     * @param positives {@code N_1}, at least 2
     * @param effect the true difference of AUCs {@code δ}
     * @param alpha the two-sided significance level, in (0, 1)
     */
    public SizedStudy size(int readers, int negatives, int positives, double effect, double alpha) {
        if (readers < 2 || negatives < 2 || positives < 2) {
            throw new IllegalArgumentException(
                    "a sized study needs at least 2 readers, 2 negatives and 2 positives");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        double[] c = fullyCrossedCoefficients(readers, negatives, positives);
        double var = 0;
        for (int k = 0; k < 8; k++) var += c[k] * (mA.get(k) + mB.get(k) - 2 * mAB.get(k));
        if (!(var > 0)) {
            String why = "the sized variance is not positive: " + var;
            return new SizedStudy(
                    readers,
                    negatives,
                    positives,
                    var,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.of(why));
        }
        // BDG df
        double[] df = {negatives - 1, positives - 1, readers - 1};
        double sb =
                Math.pow(bckDiffBiased[0], 2) / Math.pow(df[0], 3)
                        + Math.pow(bckDiffBiased[1], 2) / Math.pow(df[1], 3)
                        + Math.pow(bckDiffBiased[3], 2) / Math.pow(df[2], 3);
        double dfBdg = var * var / sb;
        double min = Math.min(df[0], Math.min(df[1], df[2]));
        if (Double.isNaN(dfBdg) || dfBdg < min) dfBdg = min;
        if (dfBdg < 2) dfBdg = 2;
        // Hillis
        double k = (double) (pilotNegatives + pilotPositives) / (negatives + positives);
        double c23 = Math.max(cov2 - cov3, 0);
        double varTR = msTR - error + cov1 + c23;
        double nr = readers;
        double varHillis = 2 / nr * (varTR + k * (error - cov1 + (nr - 1) * c23));
        double b2 = varTR + k * (error - cov1 - c23);
        double dfHillis = Math.max(2, (nr - 1) * nr * nr * varHillis * varHillis / 4 / (b2 * b2));
        double z = Math.abs(effect) / Math.sqrt(var);
        double powerNormal = normalPower(z, alpha);
        double powerBdg = dfBdg >= 50 ? powerNormal : fPower(dfBdg, effect * effect / var, alpha);
        OptionalDouble powerHillis = OptionalDouble.empty();
        OptionalDouble dfH = OptionalDouble.empty();
        OptionalDouble varH = OptionalDouble.empty();
        Optional<String> why = Optional.empty();
        if (varHillis > 0) {
            varH = OptionalDouble.of(varHillis);
            double zh = Math.abs(effect) / Math.sqrt(varHillis);
            if (Double.isFinite(dfHillis)) {
                dfH = OptionalDouble.of(dfHillis);
                powerHillis =
                        OptionalDouble.of(
                                dfHillis >= 50
                                        ? normalPower(zh, alpha)
                                        : fPower(dfHillis, effect * effect / varHillis, alpha));
            } else {
                powerHillis = OptionalDouble.of(normalPower(zh, alpha));
                why =
                        Optional.of(
                                "the Hillis df is unbounded (its denominator is 0): the Hillis"
                                        + " power is the normal one");
            }
        } else {
            why = Optional.of("the Hillis variance is not positive: " + varHillis);
        }
        return new SizedStudy(
                readers,
                negatives,
                positives,
                var,
                OptionalDouble.of(dfBdg),
                varH,
                dfH,
                OptionalDouble.of(powerNormal),
                OptionalDouble.of(powerBdg),
                powerHillis,
                why);
    }

    /**
     * Splits each total number of cases like the pilot (negatives {@code round(N·N_0/(N_0+N_1))},
     * at least 2 of each) and sizes every (readers, cases) pair, readers outer.
     */
    public List<SizedStudy> grid(int[] readers, int[] cases, double effect, double alpha) {
        List<SizedStudy> out = new ArrayList<>();
        for (int r : readers) {
            for (int n : cases) {
                int n0 =
                        (int)
                                Math.round(
                                        (double) n
                                                * pilotNegatives
                                                / (pilotNegatives + pilotPositives));
                n0 = Math.max(2, Math.min(n - 2, n0));
                out.add(size(r, n0, n - n0, effect, alpha));
            }
        }
        return List.copyOf(out);
    }

    /** {@code 1 − Φ(z_{1−α/2} − z)}. */
    static double normalPower(double z, double alpha) {
        double cutoff = STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
        return STANDARD_NORMAL.survivalProbability(cutoff - z);
    }

    /** iMRMC's {@code PowerFtest} below 50 df. */
    static double fPower(double df, double lambda, double alpha) {
        int d = (int) Math.floor(df);
        double cutoff = FDistribution.of(1, d).inverseSurvivalProbability(alpha);
        return 1 - nonCentralFCdf(1, d - 1, lambda, cutoff);
    }

    /**
     * The non-central F distribution function, {@code Σ_j Pois(j; λ/2) · I_x(df1/2 + j, df2/2)}
     * with {@code x = df1·f/(df2 + df1·f)}, summed until the Poisson weights left are below {@code
     * 1e-16}.
     */
    static double nonCentralFCdf(int df1, int df2, double lambda, double f) {
        if (f <= 0) return 0;
        double x = df1 * f / (df2 + df1 * f);
        double h = lambda / 2;
        double sum = 0;
        double weights = 0;
        double logW = -h;
        for (int j = 0; j < 100_000; j++) {
            if (j > 0) logW += Math.log(h) - Math.log(j);
            double w = Math.exp(logW);
            sum += w * BetaDistribution.of(df1 / 2.0 + j, df2 / 2.0).cumulativeProbability(x);
            weights += w;
            if (j > h && 1 - weights < 1e-16) break;
            if (h == 0) break;
        }
        return sum;
    }

    /** {@code [M1 + (N0−1)M2 + (N1−1)M3 + (N0−1)(N1−1)M4]/(N0·N1) − M8}, from {@code from}. */
    private static double readerCovariance(List<Double> m, int from, int n0, int n1) {
        double s =
                m.get(from)
                        + (n0 - 1.0) * m.get(from + 1)
                        + (n1 - 1.0) * m.get(from + 2)
                        + (n0 - 1.0) * (n1 - 1.0) * m.get(from + 3);
        return s / ((double) n0 * n1) - m.get(7);
    }
}
