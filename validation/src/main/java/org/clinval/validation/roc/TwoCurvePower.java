package org.clinval.validation.roc;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.roc.OneCurveSampleSize.Sides;

/**
 * Power and sample size of the paired comparison of two AUCs by Obuchowski's method (Obuchowski
 * &amp; McClish 1997, Stat Med 16(13):1529–1542, doi:10.1002/(SICI)1097-0258(19970715)16:13
 * &lt;1529::AID-SIM565&gt;3.0.CO;2-H), as pROC 1.18.0's {@code power.roc.test} for two curves.
 *
 * <p>With {@code z_α = Φ⁻¹(1 − α)} ({@code α} halved when two-sided), {@code z_β = Φ⁻¹(power)},
 * {@code δ} the difference and {@code v0}, {@code va} of {@link TwoCurveDesign}:
 *
 * <ul>
 *   <li>cases {@code n = (z_α √v0 + z_β √va)² / δ²}, controls {@code κ·n};
 *   <li>power {@code Φ((√(n δ²) − z_α √v0) / √va)};
 *   <li>significance level {@code 1 − Φ((√(n δ²) − z_β √va) / √v0)}, doubled when two-sided.
 * </ul>
 *
 * <p>The variances come either from data ({@link #fromComparison}: DeLong's, times the number of
 * cases, as pROC's default {@code method = "delong"}) or from binormal parameters ({@link
 * #binormal}: Obuchowski's closed forms, as pROC's {@code power.roc.test(list(A1, B1, A2, B2, rn,
 * ra, delta), ...)}).
 */
public final class TwoCurvePower {

    private static final String METHOD = "Obuchowski two ROC curves power calculation";
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoCurvePower() {}

    /**
     * The design of two paired curves observed on {@code cases} positives: {@code δ = AUC1 − AUC2},
     * DeLong variances and covariance times {@code cases}.
     *
     * @throws IllegalArgumentException if the DeLong comparison is undefined
     */
    public static TwoCurveDesign fromComparison(AucComparison c) {
        if (c.covariance().isEmpty()
                || c.first().variance().isEmpty()
                || c.second().variance().isEmpty()) {
            throw new IllegalArgumentException(
                    "the DeLong covariance is undefined: " + c.undefinedReason().orElse("?"));
        }
        double m = c.first().positives();
        return new TwoCurveDesign(
                c.difference(),
                c.first().variance().getAsDouble() * m,
                c.second().variance().getAsDouble() * m,
                c.covariance().getAsDouble() * m,
                "DeLong (co)variances of the observed curves");
    }

    /**
     * The design of two binormal curves {@code (A_i, B_i)} whose scores correlate {@code rn} among
     * negatives and {@code ra} among positives, with {@code kappa} controls per case, over the full
     * curve ({@code fpr == null}) or the partial area {@code fpr = {FPR1, FPR2}}.
     */
    public static TwoCurveDesign binormal(
            double a1,
            double b1,
            double a2,
            double b2,
            double rn,
            double ra,
            double delta,
            double kappa,
            double[] fpr) {
        if (!(kappa > 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa is not positive and finite: " + kappa);
        }
        for (double r : new double[] {rn, ra}) {
            if (!(r >= -1 && r <= 1)) {
                throw new IllegalArgumentException("a correlation is not in [-1, 1]: " + r);
            }
        }
        if (fpr != null && (fpr.length != 2 || !(fpr[0] >= 0 && fpr[1] <= 1 && fpr[0] < fpr[1]))) {
            throw new IllegalArgumentException(
                    "the FPR range is not 0 <= FPR1 < FPR2 <= 1: "
                            + java.util.Arrays.toString(fpr));
        }
        double f1 = f(a1, b1, fpr);
        double g1 = g(a1, b1, fpr);
        double f2 = f(a2, b2, fpr);
        double g2 = g(a2, b2, fpr);
        double var1 = variance(f1, g1, a1, b1, kappa);
        double var2 = variance(f2, g2, a2, b2, kappa);
        double cov =
                f1 * f2 * (ra + rn * b1 * b2 / kappa + ra * ra * a1 * a2 / 2)
                        + g1 * g2 * (b1 * b2 * (rn * rn + kappa * ra * ra) / (2 * kappa))
                        + f1 * g2 * (ra * ra * a1 * b2 / 2)
                        + f2 * g1 * (ra * ra * a2 * b1 / 2);
        String what = fpr == null ? "full AUC" : "partial AUC over FPR " + fpr[0] + "-" + fpr[1];
        return new TwoCurveDesign(
                delta, var1, var2, cov, "binormal parameters (Obuchowski), " + what);
    }

    /** Returns the AUC of the binormal curve {@code (a, b)}, {@code Φ(a / √(1 + b²))}. */
    public static double binormalAuc(double a, double b) {
        return STANDARD_NORMAL.cumulativeProbability(a / Math.sqrt(1 + b * b));
    }

    /** Returns the cases and controls needed for {@code power} at {@code sigLevel}. */
    public static TwoCurveSampleSize sampleSize(
            TwoCurveDesign d, double sigLevel, double power, double kappa, Sides sides) {
        check(d, sigLevel, sides);
        openUnit("power", power);
        positive("kappa", kappa);
        double root =
                zAlpha(sigLevel, sides) * Math.sqrt(d.v0())
                        + STANDARD_NORMAL.inverseCumulativeProbability(power) * Math.sqrt(d.va());
        double n = root * root / (d.delta() * d.delta());
        return new TwoCurveSampleSize(n, kappa * n, sigLevel, power, kappa, sides, d, METHOD);
    }

    /** Returns the power of {@code cases} positives and {@code controls} negatives. */
    public static TwoCurveSampleSize power(
            TwoCurveDesign d, double cases, double controls, double sigLevel, Sides sides) {
        check(d, sigLevel, sides);
        positive("cases", cases);
        positive("controls", controls);
        double zBeta =
                (Math.sqrt(cases * d.delta() * d.delta())
                                - zAlpha(sigLevel, sides) * Math.sqrt(d.v0()))
                        / Math.sqrt(d.va());
        return new TwoCurveSampleSize(
                cases,
                controls,
                sigLevel,
                STANDARD_NORMAL.cumulativeProbability(zBeta),
                controls / cases,
                sides,
                d,
                METHOD);
    }

    /** Returns the significance level at which {@code cases} positives reach {@code power}. */
    public static TwoCurveSampleSize sigLevel(
            TwoCurveDesign d, double cases, double controls, double power, Sides sides) {
        if (sides == null) throw new IllegalArgumentException("sides is null");
        d.undefinedReason()
                .ifPresent(
                        r -> {
                            throw new IllegalArgumentException(r);
                        });
        openUnit("power", power);
        positive("cases", cases);
        positive("controls", controls);
        double zAlpha =
                (Math.sqrt(cases * d.delta() * d.delta())
                                - STANDARD_NORMAL.inverseCumulativeProbability(power)
                                        * Math.sqrt(d.va()))
                        / Math.sqrt(d.v0());
        double sig = STANDARD_NORMAL.survivalProbability(zAlpha);
        if (sides == Sides.TWO_SIDED) sig *= 2;
        return new TwoCurveSampleSize(
                cases, controls, sig, power, controls / cases, sides, d, METHOD);
    }

    private static double variance(double f, double g, double a, double b, double kappa) {
        return f * f * (1 + b * b / kappa + a * a / 2) + g * g * b * b * (1 + kappa) / (2 * kappa);
    }

    /** Obuchowski's {@code f}: full-curve or partial over {@code fpr}. */
    private static double f(double a, double b, double[] fpr) {
        double e1 = Math.exp(-a * a / (2 * (1 + b * b)));
        double e2 = 1 + b * b;
        double full = e1 * Math.pow(2 * Math.PI * e2, -0.5);
        if (fpr == null) return full;
        return full * expr3(a, b, fpr);
    }

    /** Obuchowski's {@code g}: full-curve or partial over {@code fpr}. */
    private static double g(double a, double b, double[] fpr) {
        double e1 = Math.exp(-a * a / (2 * (1 + b * b)));
        double e2 = 1 + b * b;
        if (fpr == null) return -e1 * a * b * Math.pow(2 * Math.PI * e2 * e2 * e2, -0.5);
        double c1 = cDagger(a, b, fpr[0]);
        double c2 = cDagger(a, b, fpr[1]);
        double e4 = Math.exp(-c1 * c1 / 2) - Math.exp(-c2 * c2 / 2);
        return e1 * Math.pow(2 * Math.PI * e2, -1) * (-e4)
                - a * b * e1 * Math.pow(2 * Math.PI * e2 * e2 * e2, -0.5) * expr3(a, b, fpr);
    }

    private static double expr3(double a, double b, double[] fpr) {
        return STANDARD_NORMAL.cumulativeProbability(cDagger(a, b, fpr[0]))
                - STANDARD_NORMAL.cumulativeProbability(cDagger(a, b, fpr[1]));
    }

    private static double cDagger(double a, double b, double fpr) {
        return (STANDARD_NORMAL.inverseCumulativeProbability(fpr) + a * b / (1 + b * b))
                * Math.sqrt(1 + b * b);
    }

    private static double zAlpha(double sigLevel, Sides sides) {
        double tail = sides == Sides.TWO_SIDED ? sigLevel / 2 : sigLevel;
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - tail);
    }

    private static void check(TwoCurveDesign d, double sigLevel, Sides sides) {
        if (sides == null) throw new IllegalArgumentException("sides is null");
        d.undefinedReason()
                .ifPresent(
                        r -> {
                            throw new IllegalArgumentException(r);
                        });
        openUnit("sigLevel", sigLevel);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " is not positive and finite: " + v);
        }
    }

    private static void openUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " is not in (0, 1): " + value);
        }
    }
}
