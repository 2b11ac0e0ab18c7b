package org.clinval.validation.mrmc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * The U-statistic MRMC analysis of the reader-averaged empirical AUC, as FDA's iMRMC 4 computes it
 * (Gallas 2006, Acad Radiol 13:353–362, doi:10.1016/j.acra.2005.11.030; Gallas et al. 2009, Commun
 * Stat Theory Methods 38:2586–2603; Gallas and Brown 2008, Neural Networks 21:387–397 for arbitrary
 * designs).
 *
 * <p>The AUC of a modality is {@code Σ d·s / Σ d} over readers {@code r}, negative cases {@code i}
 * and positive cases {@code j}, where {@code s} is the success kernel (1, ½ for a tie, 0) and
 * {@code d = 1} when {@code r} read both {@code i} and {@code j}: in a fully crossed study this is
 * the mean of the readers' Mann–Whitney AUCs. Its variance is the unbiased {@link UstatComponents}
 * decomposition, valid for fully crossed, split-plot and other incomplete designs; the difference
 * of two modalities has {@code var(A) + var(B) − 2 cov(A, B)}.
 *
 * <p>Degrees of freedom. BDG: {@code df = var² / Σ_{x∈N,D,R} BCKb_x² / df_x³} with {@code df_x =
 * round(1/c_x − 1)} from the BCK coefficients and the biased BCK components, floored at {@code
 * min(df_N, df_D, df_R)} (Gaylor 1969); for a difference, the BCK components are {@code A + B −
 * 2·AB} and {@code df_x} the smaller of the two modalities'. Hillis (2014, Stat Med 33:330–360,
 * doi:10.1002/sim.5926; fully crossed only): for one modality {@code df = (r−1)·[MS_R + max(r·cov2,
 * 0)]² / MS_R²}; for a difference {@code df = (r−1)·[MS_TR + max(r·(cov2 − cov3), 0)]² / MS_TR²},
 * with {@code cov2}, {@code cov3} the U-statistic covariances of two readers' AUCs in the same and
 * in different modalities; below 2 it is 2.
 *
 * <p>Tests, as iMRMC: the null value is ½ for an AUC and 0 for a difference; the normal test uses
 * {@code z}; the BDG test uses Student's t with {@code floor(df)} degrees of freedom, or the normal
 * when {@code df > 50}; the Hillis test the same with {@code df ≥ 50}. The intervals are {@code
 * estimate ± q·sqrt(var)}, not clipped. A negative variance estimate leaves every test undefined,
 * with the reason; so does a BDG df that is unbounded because the biased BCK components N, D and R
 * are all 0.
 */
public final class GallasAnalysis {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private GallasAnalysis() {}

    /**
     * Returns one estimate per modality, in the study's order, then one per pair of modalities
     * {@code (a, b)} with {@code a} before {@code b}.
     */
    public static List<UstatEstimate> analyse(ReaderStudy study, ConfidenceLevel level) {
        int nm = study.modalities().size();
        KernelSums[][] sums = new KernelSums[nm][nm];
        List<UstatEstimate> out = new ArrayList<>();
        for (int a = 0; a < nm; a++) {
            sums[a][a] = KernelSums.of(study, a, a);
            out.add(single(study, a, sums[a][a], level));
        }
        for (int a = 0; a < nm; a++) {
            for (int b = a + 1; b < nm; b++) {
                KernelSums ab = KernelSums.of(study, a, b);
                out.add(difference(study, a, b, sums[a][a], sums[b][b], ab, level));
            }
        }
        return List.copyOf(out);
    }

    private static UstatEstimate single(ReaderStudy s, int m, KernelSums k, ConfidenceLevel level) {
        UstatComponents c = components(k, false);
        double auc = total(k.readerKernelA) / total(k.readerDesignA);
        double var = roundedZero(c.variance());
        int[] df = dfs(c);
        OptionalDouble dfBdg = dfBdg(var, c.bckBiased(), df);
        OptionalDouble dfHillis = OptionalDouble.empty();
        String hillisWhy = hillisPrerequisite(s);
        if (hillisWhy == null) {
            double[] aucs = perReader(k.readerKernelA, k.readerDesignA);
            double msR = sampleVariance(aucs);
            double cov2 = readerPairCovariance(c, s.negatives(), s.positives());
            if (msR > 0) {
                int r = aucs.length;
                double denom = msR + Math.max(r * cov2, 0);
                dfHillis = OptionalDouble.of(Math.max(2, (r - 1) * denom * denom / (msR * msR)));
            } else {
                hillisWhy = "the readers' AUCs are all equal (MS_R = 0)";
            }
        }
        return new UstatEstimate(
                s.modalities().get(m),
                Optional.empty(),
                readersWithReads(s, m, m),
                casesRead(s, m, m, false),
                casesRead(s, m, m, true),
                auc,
                0.5,
                var,
                c.biasedVariance(),
                c,
                Optional.empty(),
                Optional.empty(),
                dfBdg,
                dfHillis,
                normal(auc, 0.5, var, level),
                t("t, df BDG", auc, 0.5, var, dfBdg, false, level, null),
                t("t, df Hillis", auc, 0.5, var, dfHillis, true, level, hillisWhy));
    }

    private static UstatEstimate difference(
            ReaderStudy s,
            int a,
            int b,
            KernelSums ka,
            KernelSums kb,
            KernelSums kab,
            ConfidenceLevel level) {
        UstatComponents ca = components(ka, false);
        UstatComponents cb = components(kb, false);
        UstatComponents cab = components(kab, true);
        double diff =
                total(ka.readerKernelA) / total(ka.readerDesignA)
                        - total(kb.readerKernelA) / total(kb.readerDesignA);
        double var = roundedZero(ca.variance() + cb.variance() - 2 * cab.variance());
        int[] dfa = dfs(ca);
        int[] dfb = dfs(cb);
        int[] df = {Math.min(dfa[0], dfb[0]), Math.min(dfa[1], dfb[1]), Math.min(dfa[2], dfb[2])};
        List<Double> bck = new ArrayList<>();
        for (int x = 0; x < 7; x++) {
            bck.add(ca.bckBiased().get(x) + cb.bckBiased().get(x) - 2 * cab.bckBiased().get(x));
        }
        OptionalDouble dfBdg = dfBdg(var, bck, df);
        OptionalDouble dfHillis = OptionalDouble.empty();
        String hillisWhy = hillisPrerequisite(s);
        if (hillisWhy == null) {
            double[] auA = perReader(kab.readerKernelA, kab.readerDesignA);
            double[] auB = perReader(kab.readerKernelB, kab.readerDesignB);
            double[] d = new double[auA.length];
            for (int r = 0; r < d.length; r++) d[r] = auA[r] - auB[r];
            double msTR = sampleVariance(d) / 2;
            int n0 = s.negatives();
            int n1 = s.positives();
            double cov2 = (readerPairCovariance(ca, n0, n1) + readerPairCovariance(cb, n0, n1)) / 2;
            double cov3 = readerPairCovariance(cab, n0, n1);
            if (msTR > 0) {
                int r = d.length;
                double denom = msTR + Math.max(r * (cov2 - cov3), 0);
                dfHillis = OptionalDouble.of(Math.max(2, (r - 1) * denom * denom / (msTR * msTR)));
            } else {
                hillisWhy = "the readers' AUC differences are all equal (MS_TR = 0)";
            }
        }
        return new UstatEstimate(
                s.modalities().get(a),
                Optional.of(s.modalities().get(b)),
                readersWithReads(s, a, b),
                casesRead(s, a, b, false),
                casesRead(s, a, b, true),
                diff,
                0,
                var,
                ca.biasedVariance() + cb.biasedVariance() - 2 * cab.biasedVariance(),
                ca,
                Optional.of(cab),
                Optional.of(cb),
                dfBdg,
                dfHillis,
                normal(diff, 0, var, level),
                t("t, df BDG", diff, 0, var, dfBdg, false, level, null),
                t("t, df Hillis", diff, 0, var, dfHillis, true, level, hillisWhy));
    }

    /** Turns the biased sums into moments, coefficients and BCK components. */
    static UstatComponents components(KernelSums k, boolean zeroUnpairedBck) {
        double[] mb = new double[8];
        double[] m = new double[8];
        double[] c = new double[8];
        for (int x = 0; x < 8; x++) {
            mb[x] = k.design[x] == 0 ? 0 : k.kernel[x] / k.design[x];
            // Unbiased sums over pairs that differ exactly in the free dimensions of x:
            // inclusion–exclusion over the subsets of x's bits.
            double num = 0;
            double den = 0;
            for (int y = 0; y < 8; y++) {
                if ((y & ~x) != 0) continue;
                double sign = ((Integer.bitCount(x) - Integer.bitCount(y)) & 1) == 0 ? 1 : -1;
                num += sign * k.kernel[y];
                den += sign * k.design[y];
            }
            m[x] = den == 0 ? 0 : num / den;
            c[x] = den / k.design[7];
        }
        c[7] -= 1;
        List<Double> bckCoeff = UstatComponents.bckCoefficientsOf(c);
        List<Double> bck = UstatComponents.bckOf(m);
        List<Double> bckb = UstatComponents.bckOf(mb);
        if (zeroUnpairedBck) {
            // A study that does not pair readers or cases across modalities has no such
            // covariance component.
            List<Double> z = new ArrayList<>(bck);
            List<Double> zb = new ArrayList<>(bckb);
            for (int x = 0; x < 7; x++) {
                if (bckCoeff.get(x) == 0) {
                    z.set(x, 0.0);
                    zb.set(x, 0.0);
                }
            }
            bck = z;
            bckb = zb;
        }
        return new UstatComponents(
                boxed(m), boxed(mb), boxed(c), List.copyOf(bck), List.copyOf(bckb), bckCoeff);
    }

    /** {@code df_N, df_D, df_R = round(1/c − 1)} from the BCK coefficients. */
    private static int[] dfs(UstatComponents c) {
        List<Double> bc = c.bckCoefficients();
        return new int[] {
            (int) Math.round(1 / bc.get(0) - 1),
            (int) Math.round(1 / bc.get(1) - 1),
            (int) Math.round(1 / bc.get(3) - 1)
        };
    }

    private static OptionalDouble dfBdg(double var, List<Double> bckb, int[] df) {
        if (var < 0) return OptionalDouble.empty();
        double sb =
                Math.pow(bckb.get(0), 2) / Math.pow(df[0], 3)
                        + Math.pow(bckb.get(1), 2) / Math.pow(df[1], 3)
                        + Math.pow(bckb.get(3), 2) / Math.pow(df[2], 3);
        double min = Math.min(df[0], Math.min(df[1], df[2]));
        double v = var * var / sb;
        // No BDG component to estimate (sb = 0): the df is unbounded, undefined as a number.
        if (Double.isInfinite(v)) return OptionalDouble.empty();
        return OptionalDouble.of(Double.isNaN(v) || v < min ? min : v);
    }

    /**
     * The covariance of two different readers' AUCs in a fully crossed study, from the moments that
     * do not share the reader: {@code [M5 + (N0−1)·M6 + (N1−1)·M7 + (N0−1)(N1−1)·M8] / (N0·N1) −
     * M8}.
     */
    static double readerPairCovariance(UstatComponents c, int n0, int n1) {
        List<Double> m = c.moments();
        double s =
                m.get(4)
                        + (n0 - 1.0) * m.get(5)
                        + (n1 - 1.0) * m.get(6)
                        + (n0 - 1.0) * (n1 - 1.0) * m.get(7);
        return s / ((double) n0 * n1) - m.get(7);
    }

    private static String hillisPrerequisite(ReaderStudy s) {
        if (s.design() != StudyDesign.FULLY_CROSSED) {
            return "Hillis df needs a fully crossed study; this one is " + s.design();
        }
        if (s.readers().size() < 2) return "Hillis df needs at least 2 readers";
        return null;
    }

    private static MrmcTest normal(double est, double nul, double var, ConfidenceLevel level) {
        if (var < 0) return MrmcTest.undefined("normal", OptionalDouble.empty(), negative(var));
        if (var == 0) return MrmcTest.undefined("normal", OptionalDouble.empty(), "variance is 0");
        double se = Math.sqrt(var);
        double z = (est - nul) / se;
        double p = 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
        double h = level.z() * se;
        return new MrmcTest(
                "normal",
                OptionalDouble.empty(),
                OptionalDouble.of(z),
                OptionalDouble.of(p),
                Optional.of(new Interval(est - h, est + h)),
                Optional.empty());
    }

    private static MrmcTest t(
            String method,
            double est,
            double nul,
            double var,
            OptionalDouble df,
            boolean normalAtFifty,
            ConfidenceLevel level,
            String why) {
        if (why != null) return MrmcTest.undefined(method, df, why);
        if (var < 0) return MrmcTest.undefined(method, df, negative(var));
        if (df.isEmpty()) {
            return MrmcTest.undefined(
                    method, df, "the df is undefined: the biased BCK components N, D, R are all 0");
        }
        double d = df.getAsDouble();
        if (d > 50 || (normalAtFifty && d == 50)) {
            MrmcTest n = normal(est, nul, var, level);
            return new MrmcTest(method, df, n.statistic(), n.p(), n.ci(), n.undefinedReason());
        }
        if (var == 0) return MrmcTest.undefined(method, df, "variance is 0");
        TDistribution dist = TDistribution.of(Math.floor(d));
        double se = Math.sqrt(var);
        double stat = (est - nul) / se;
        double p = 2 * dist.survivalProbability(Math.abs(stat));
        double h = dist.inverseSurvivalProbability(level.alpha() / 2) * se;
        return new MrmcTest(
                method,
                df,
                OptionalDouble.of(stat),
                OptionalDouble.of(p),
                Optional.of(new Interval(est - h, est + h)),
                Optional.empty());
    }

    /**
     * The variance is a sum of terms of order 1 that cancel; within {@code 1e-14} of 0 it is 0
     * (e.g. perfect separation), not a rounding residue that would give a huge statistic.
     */
    private static double roundedZero(double var) {
        return Math.abs(var) < 1e-14 ? 0 : var;
    }

    private static String negative(double var) {
        return "the variance estimate is negative: " + var;
    }

    static double[] perReader(double[] kernel, double[] design) {
        int n = 0;
        for (double d : design) if (d > 0) n++;
        double[] out = new double[n];
        n = 0;
        for (int r = 0; r < design.length; r++) {
            if (design[r] > 0) out[n++] = kernel[r] / design[r];
        }
        return out;
    }

    static double sampleVariance(double[] x) {
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return ss / (x.length - 1);
    }

    private static double total(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }

    private static int readersWithReads(ReaderStudy s, int a, int b) {
        int n = 0;
        for (int r = 0; r < s.readers().size(); r++) {
            boolean any = false;
            for (int c = 0; c < s.cases().size() && !any; c++) {
                any = s.isRead(a, r, c) || s.isRead(b, r, c);
            }
            if (any) n++;
        }
        return n;
    }

    private static int casesRead(ReaderStudy s, int a, int b, boolean positive) {
        int n = 0;
        for (int c = 0; c < s.cases().size(); c++) {
            if (s.positive(c) != positive) continue;
            boolean any = false;
            for (int r = 0; r < s.readers().size() && !any; r++) {
                any = s.isRead(a, r, c) || s.isRead(b, r, c);
            }
            if (any) n++;
        }
        return n;
    }

    private static List<Double> boxed(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) out.add(v);
        return List.copyOf(out);
    }
}
