package org.clinval.features.steps;

import io.cucumber.java.ParameterType;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.workflows.analysis.Aggregate;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/**
 * The clinical words the steps take: measures, interval methods, levels, case attributes,
 * aggregates.
 */
public final class ParameterTypes {

    /** Which class a subgroup's size is counted in. */
    public enum CaseClass {
        POSITIVES,
        NEGATIVES,
        CASES
    }

    @ParameterType(
            "sensitivity|specificity|PPV|NPV|accuracy|positive predictive value|negative predictive"
                    + " value")
    public Measure measure(String text) {
        return switch (text) {
            case "positive predictive value" -> Measure.PPV;
            case "negative predictive value" -> Measure.NPV;
            default -> Measure.parse(text);
        };
    }

    /** A confidence level as a percentage, e.g. {@code 95%}. */
    @ParameterType("(\\d{1,2}(?:\\.\\d+)?)%")
    public ConfidenceLevel level(String percent) {
        return ConfidenceLevel.of(Double.parseDouble(percent) / 100);
    }

    /** A share as a percentage, e.g. {@code 2%}, as a fraction. */
    @ParameterType("(\\d{1,3}(?:\\.\\d+)?)%")
    public Double share(String percent) {
        double v = Double.parseDouble(percent);
        if (v > 100) {
            throw new IllegalArgumentException("share is not in [0%, 100%]: " + percent + "%");
        }
        return v / 100;
    }

    /**
     * An interval method: a binomial one, DeLong's, or a bootstrap one ({@code bootstrap} alone is
     * the percentile interval, the one the protocols of segmentation and detection studies use).
     */
    @ParameterType(
            "Clopper-Pearson|Wilson|Jeffreys|DeLong|bootstrap percentile|bootstrap BCa|bootstrap")
    public CiMethod interval(String text) {
        return switch (text) {
            case "bootstrap", "bootstrap percentile" -> CiMethod.BOOTSTRAP_PERCENTILE;
            case "bootstrap BCa" -> CiMethod.BOOTSTRAP_BCA;
            default -> CiMethod.parse(text);
        };
    }

    /**
     * A mean or median of a per-case overlap metric of a segmentation study, e.g. {@code mean
     * Dice}.
     */
    @ParameterType("mean Dice|median Dice|mean IoU|mean surface Dice")
    public Measure overlap(String text) {
        return switch (text) {
            case "mean Dice" -> Measure.DICE_MEAN;
            case "median Dice" -> Measure.DICE_MEDIAN;
            case "mean IoU" -> Measure.IOU_MEAN;
            case "mean surface Dice" -> Measure.SURFACE_DICE_MEAN;
            default -> throw new IllegalArgumentException("not an overlap measure: " + text);
        };
    }

    /** A case attribute: {@code site}, {@code manufacturer}, {@code sex} or {@code age band}. */
    @ParameterType("site|scanner manufacturer|manufacturer|sex|age band")
    public String attribute(String text) {
        return switch (text) {
            case "scanner manufacturer" -> "manufacturer";
            case "age band" -> "age_band";
            default -> text;
        };
    }

    /** How per-case values are summarised: {@code mean} or {@code median}. */
    /** A kappa of the grades, e.g. {@code quadratic weighted kappa}. */
    @ParameterType("quadratic weighted kappa|linear weighted kappa|unweighted kappa|kappa")
    public org.clinval.validation.agreement.KappaWeights kappa(String text) {
        return switch (text) {
            case "quadratic weighted kappa" ->
                    org.clinval.validation.agreement.KappaWeights.QUADRATIC;
            case "linear weighted kappa" -> org.clinval.validation.agreement.KappaWeights.LINEAR;
            default -> org.clinval.validation.agreement.KappaWeights.NONE;
        };
    }

    @ParameterType("mean|median")
    public Aggregate aggregate(String text) {
        return Aggregate.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }

    @ParameterType("positives|negatives|cases")
    public CaseClass classes(String text) {
        return CaseClass.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
