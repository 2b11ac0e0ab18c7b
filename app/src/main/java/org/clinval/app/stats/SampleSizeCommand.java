package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.common.Quote;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.design.AccuracyMeasure;
import org.clinval.validation.design.AucSampleSize;
import org.clinval.validation.design.ProportionSampleSize;
import org.clinval.validation.design.SampleSize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval stats sample-size}: Buderer and Hanley–McNeil sample sizes; Obuchowski power and
 * sample size of the test of one AUC against 0.5 and of two paired binormal AUCs.
 */
@Command(
        name = "sample-size",
        description =
                "Sample size for a target confidence-interval half-width: sensitivity or"
                        + " specificity (Buderer 1996) at a prevalence, or AUC (Hanley-McNeil 1982)"
                        + " at a ratio of negatives to positives. Or, by Obuchowski's method as"
                        + " pROC's power.roc.test: --measure auc-test (one AUC against 0.5) and"
                        + " --measure auc-difference (two paired binormal ROC curves), the cases"
                        + " needed for --power, or the power of --cases.")
public final class SampleSizeCommand implements Callable<Integer> {

    /** The largest study answered: 2^31 − 1 cases (more is no study anyone can run). */
    static final double MAX_CASES = Integer.MAX_VALUE;

    @Option(
            names = "--measure",
            required = true,
            paramLabel = "sensitivity|specificity|auc|auc-test|auc-difference",
            description =
                    "What the study estimates (sensitivity, specificity, auc: a CI half-width)"
                            + " or tests (auc-test: one AUC against 0.5; auc-difference: two"
                            + " paired AUCs).")
    String measure;

    @Option(
            names = "--anticipated",
            paramLabel = "V",
            description =
                    "Anticipated value of the measure (sensitivity, specificity, auc; for"
                            + " auc-test the AUC under the alternative).")
    Double anticipated;

    @Option(
            names = "--half-width",
            paramLabel = "D",
            description =
                    "Target half-width of the two-sided interval (sensitivity, specificity, auc).")
    Double halfWidth;

    @Mixin RocTestDesign rocTest;

    @Option(
            names = "--prevalence",
            paramLabel = "P",
            description = "Prevalence among enrolled subjects (sensitivity, specificity).")
    Double prevalence;

    @Option(
            names = "--negatives-per-positive",
            paramLabel = "K",
            description = "Negative cases per positive case (auc).")
    Double ratio;

    @Mixin Confidence confidence;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String m = measure.trim().toLowerCase(Locale.ROOT);
        if (m.equals("auc-test") || m.equals("auc-difference")) {
            spec.commandLine().getOut().println(Json.write(rocTest.run(m, anticipated, ratio)));
            return 0;
        }
        ConfidenceLevel level = confidence.level();
        if (anticipated == null || halfWidth == null) {
            throw new UsageError("--measure " + m + " needs --anticipated and --half-width");
        }
        OptionValues.openUnit("--anticipated", anticipated);
        OptionValues.openUnit("--half-width", halfWidth);
        ObjectNode o = Json.object();
        o.put("measure", m);
        Json.put(o, "anticipated", anticipated);
        Json.put(o, "half_width", halfWidth);
        Json.put(o, "confidence_level", level.value());
        switch (m) {
            case "sensitivity", "specificity" -> {
                if (prevalence == null) {
                    throw new UsageError("--measure " + m + " needs --prevalence");
                }
                OptionValues.unit("--prevalence", prevalence);
                ProportionSampleSize s =
                        SampleSize.buderer(
                                AccuracyMeasure.valueOf(m.toUpperCase(Locale.ROOT)),
                                anticipated,
                                halfWidth,
                                prevalence,
                                level);
                if (!(s.unrounded() <= MAX_CASES)) {
                    throw new UserError(
                            tooMany(s.unrounded())
                                    + " for the anticipated "
                                    + m
                                    + " "
                                    + anticipated
                                    + " at prevalence "
                                    + prevalence);
                }
                Json.put(o, "prevalence", prevalence);
                o.put("n", s.subjects());
                Json.put(o, "n_unrounded", s.unrounded());
                o.put("method", s.method());
            }
            case "auc" -> {
                if (ratio == null) {
                    throw new UsageError("--measure auc needs --negatives-per-positive");
                }
                OptionValues.positive("--negatives-per-positive", ratio);
                if (ratio >= MAX_CASES) {
                    throw new UsageError(
                            "--negatives-per-positive "
                                    + ratio
                                    + " makes a study of more than 2^31 cases");
                }
                AucSampleSize s;
                try {
                    s = SampleSize.hanleyMcNeil(anticipated, halfWidth, ratio, level);
                } catch (IllegalArgumentException e) {
                    if (!String.valueOf(e.getMessage()).contains("2^40")) throw e;
                    throw new UserError(
                            tooMany(Double.POSITIVE_INFINITY)
                                    + " for the anticipated AUC "
                                    + anticipated
                                    + " at "
                                    + ratio
                                    + " negatives per positive");
                }
                double n = (double) s.positives() + s.negatives();
                if (n > MAX_CASES) {
                    throw new UserError(
                            tooMany(n)
                                    + " for the anticipated AUC "
                                    + anticipated
                                    + " at "
                                    + ratio
                                    + " negatives per positive");
                }
                Json.put(o, "negatives_per_positive", ratio);
                o.put("n_positive", s.positives());
                o.put("n_negative", s.negatives());
                o.put("n", s.positives() + s.negatives());
                Json.put(o, "se", s.se());
                Json.put(o, "achieved_half_width", s.achievedHalfWidth());
                o.put("method", s.method());
            }
            default ->
                    throw new UsageError(
                            "--measure is not one of sensitivity, specificity, auc, auc-test,"
                                    + " auc-difference: "
                                    + Quote.value(measure));
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private String tooMany(double n) {
        String needed = Double.isFinite(n) ? String.format(Locale.ROOT, " (%.3g needed)", n) : "";
        return "the sample size exceeds 2^31 cases"
                + needed
                + ": the half-width "
                + halfWidth
                + " is too small";
    }
}
