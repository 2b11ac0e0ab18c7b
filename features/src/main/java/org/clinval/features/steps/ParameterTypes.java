package org.clinval.features.steps;

import io.cucumber.java.ParameterType;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/** The clinical words the steps take: measures, interval methods, levels, case attributes. */
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

    @ParameterType("Clopper-Pearson|Wilson|Jeffreys|DeLong")
    public CiMethod interval(String text) {
        return CiMethod.parse(text);
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

    @ParameterType("positives|negatives|cases")
    public CaseClass classes(String text) {
        return CaseClass.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
