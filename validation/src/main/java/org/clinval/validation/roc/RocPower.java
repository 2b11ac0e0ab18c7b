package org.clinval.validation.roc;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.clinval.validation.roc.OneCurveSampleSize.Sides;

/**
 * Sample size and power of a study testing one AUC against 0.5, as pROC's {@code power.roc.test}
 * for one ROC curve (Robin et al. 2011, doi:10.1186/1471-2105-12-77), with Obuchowski's variance
 * (Obuchowski, Lieber, Wians 2004, doi:10.1373/clinchem.2004.031823; Obuchowski and McClish 1997,
 * doi:10.1002/(SICI)1097-0258(19970715)16:13&lt;1529::AID-SIM565&gt;3.0.CO;2-H).
 *
 * <p>With {@code A = 1.414·Φ⁻¹(θ)}, the variance of the AUC under the alternative is {@code V(θ) =
 * 0.0099·e^(−A²/2)·((5A² + 8) + (A² + 8)/κ)} and under the null {@code V0 = 0.0792·(1 + 1/κ)}, per
 * case. The number of cases is {@code nd = (z_α·√V0 + z_β·√V(θ))² / (θ − 0.5)²} and the controls
 * {@code κ·nd}; the power for {@code nd} cases is {@code Φ((√(nd·(θ − 0.5)²) − z_α·√V0)/√V(θ))}.
 * {@code z_α} uses α/2 for a two-sided test.
 *
 * <p>The AUC must lie in (0.5, 1): at 0.5 there is no effect to detect, and at 1 the variance
 * formula is undefined.
 */
public final class RocPower {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final String METHOD = "Obuchowski (pROC power.roc.test, one ROC curve)";

    private RocPower() {}

    /**
     * Returns the number of cases and controls needed to detect {@code auc} at {@code sigLevel}
     * with {@code power}, {@code kappa} controls per case.
     *
     * @throws IllegalArgumentException if {@code auc} is not in (0.5, 1), {@code sigLevel} or
     *     {@code power} not in (0, 1), or {@code kappa} not positive and finite
     */
    public static OneCurveSampleSize sampleSize(
            double auc, double sigLevel, double power, double kappa, Sides sides) {
        check(auc, sigLevel, kappa, sides);
        openUnit("power", power);
        double zAlpha = zAlpha(sigLevel, sides);
        double zBeta = STANDARD_NORMAL.inverseCumulativeProbability(power);
        double delta = auc - 0.5;
        double root = zAlpha * Math.sqrt(v0(kappa)) + zBeta * Math.sqrt(variance(auc, kappa));
        double cases = root * root / (delta * delta);
        return new OneCurveSampleSize(
                cases, kappa * cases, auc, sigLevel, power, kappa, sides, METHOD);
    }

    /**
     * Returns the power of a study of {@code cases} positives and {@code controls} negatives to
     * detect {@code auc} at {@code sigLevel}.
     *
     * @throws IllegalArgumentException if {@code auc} is not in (0.5, 1), {@code sigLevel} not in
     *     (0, 1), or a count is not positive
     */
    public static OneCurveSampleSize power(
            double auc, double cases, double controls, double sigLevel, Sides sides) {
        if (!(cases > 0) || !(controls > 0) || Double.isInfinite(cases + controls)) {
            throw new IllegalArgumentException(
                    "cases and controls must be positive: " + cases + ", " + controls);
        }
        double kappa = controls / cases;
        check(auc, sigLevel, kappa, sides);
        double delta = auc - 0.5;
        double zBeta =
                (Math.sqrt(cases * delta * delta) - zAlpha(sigLevel, sides) * Math.sqrt(v0(kappa)))
                        / Math.sqrt(variance(auc, kappa));
        double power = STANDARD_NORMAL.cumulativeProbability(zBeta);
        return new OneCurveSampleSize(cases, controls, auc, sigLevel, power, kappa, sides, METHOD);
    }

    /** Obuchowski's per-case variance of the AUC {@code theta} with {@code kappa} controls/case. */
    static double variance(double theta, double kappa) {
        double a = STANDARD_NORMAL.inverseCumulativeProbability(theta) * 1.414;
        return 0.0099 * Math.exp(-a * a / 2) * ((5 * a * a + 8) + (a * a + 8) / kappa);
    }

    private static double v0(double kappa) {
        return 0.0792 * (1 + 1 / kappa);
    }

    private static double zAlpha(double sigLevel, Sides sides) {
        double tail = sides == Sides.TWO_SIDED ? sigLevel / 2 : sigLevel;
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - tail);
    }

    private static void check(double auc, double sigLevel, double kappa, Sides sides) {
        if (!(auc > 0.5 && auc < 1)) {
            throw new IllegalArgumentException("auc is not in (0.5, 1): " + auc);
        }
        openUnit("sigLevel", sigLevel);
        if (!(kappa > 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("kappa is not positive and finite: " + kappa);
        }
        if (sides == null) throw new IllegalArgumentException("sides is null");
    }

    private static void openUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " is not in (0, 1): " + value);
        }
    }
}
