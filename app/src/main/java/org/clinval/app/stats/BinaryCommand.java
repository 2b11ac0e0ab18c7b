package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.binary.PredictiveValues;
import org.clinval.validation.binary.ThresholdScores;
import org.clinval.validation.bootstrap.BootstrapSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clinval stats binary}: accuracy of a score at a threshold. */
@Command(
        name = "binary",
        description =
                "Diagnostic accuracy at a threshold: counts, sensitivity, specificity, "
                        + "PPV, NPV, accuracy with Wilson, Clopper-Pearson and Jeffreys intervals; F1; "
                        + "likelihood ratios; Matthews correlation (MCC) and, with --beta, F-beta;"
                        + " with --bootstrap, their stratified bootstrap CIs.")
public final class BinaryCommand implements Callable<Integer> {

    @Mixin LabelledCsv input;

    @Mixin Confidence confidence;

    @Option(
            names = "--score",
            required = true,
            paramLabel = "COL",
            description = "Column of scores.")
    String score;

    @Option(
            names = "--threshold",
            required = true,
            paramLabel = "T",
            description = "Operating threshold.")
    double threshold;

    @Option(
            names = "--rule",
            defaultValue = "ge",
            paramLabel = "ge|gt",
            description =
                    "Positive when score >= T (ge) or score > T (gt) (default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(
            names = "--prevalence",
            paramLabel = "P",
            description = "Also report PPV and NPV at this prevalence (for enriched test sets).")
    Double prevalence;

    @Option(
            names = "--beta",
            paramLabel = "B",
            description =
                    "Also report F-beta, (1+B^2)tp / ((1+B^2)tp + B^2 fn + fp), B >= 0 (as"
                            + " sklearn's fbeta_score).")
    Double beta;

    @Option(
            names = "--bootstrap",
            paramLabel = "N",
            description =
                    "Stratified bootstrap replicates, 100 to 100,000, for percentile and BCa CIs of"
                            + " MCC and F-beta (no closed-form CI is standard for either).")
    Integer bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Bootstrap seed (required with --bootstrap).")
    Long seed;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ThresholdRule r = OptionValues.parse("--rule", rule, ThresholdRule::parse);
        OptionValues.finite("--threshold", threshold);
        if (prevalence != null) OptionValues.openUnit("--prevalence", prevalence);
        if (beta != null) OptionValues.nonNegative("--beta", beta);
        if (bootstrap != null) {
            OptionValues.count(
                    "--bootstrap", bootstrap, RocCommand.MIN_REPLICATES, RocCommand.MAX_REPLICATES);
            if (seed == null) throw new UsageError("--bootstrap needs an explicit --seed");
        }
        var level = confidence.level();
        input.read(score);
        boolean[] labels = input.labels();
        double[] scores = input.table().doubles(score);
        ConfusionMatrix m = ConfusionMatrix.of(labels, scores, threshold, r);
        DiagnosticAccuracy a = DiagnosticAccuracy.of(m, level);

        ObjectNode o = Json.object();
        o.put("file", input.table().file());
        o.put("n", m.total());
        o.put("positive_label", input.positiveLabel());
        Json.put(o, "threshold", threshold);
        o.put("rule", r.symbol());
        Json.put(o, "confidence_level", level.value());
        o.put("tp", m.tp());
        o.put("fp", m.fp());
        o.put("tn", m.tn());
        o.put("fn", m.fn());
        o.set("sensitivity", JsonResults.proportion(a.sensitivity()));
        o.set("specificity", JsonResults.proportion(a.specificity()));
        o.set("ppv", JsonResults.proportion(a.ppv()));
        o.set("npv", JsonResults.proportion(a.npv()));
        o.set("accuracy", JsonResults.proportion(a.accuracy()));
        o.set("f1", JsonResults.ratio(a.f1()));
        o.set("lr_positive", JsonResults.ratio(a.lrPositive()));
        o.set("lr_negative", JsonResults.ratio(a.lrNegative()));
        BootstrapSpec b = bootstrap == null ? null : new BootstrapSpec(bootstrap, seed, level);
        ObjectNode mcc = JsonResults.ratio(ThresholdScores.mcc(m, level));
        if (b != null) mcc.set("bootstrap_ci", countBootstrap(ThresholdScores.bootstrapMcc(m, b)));
        o.set("mcc", mcc);
        if (beta != null) {
            ObjectNode f = JsonResults.ratio(ThresholdScores.fBeta(m, beta, level));
            Json.put(f, "beta", beta);
            if (b != null) {
                f.set("bootstrap_ci", countBootstrap(ThresholdScores.bootstrapFBeta(m, beta, b)));
            }
            o.set("f_beta", f);
        }
        if (prevalence != null) {
            PredictiveValues pv = PredictiveValues.atPrevalence(m, prevalence, level);
            ObjectNode at = o.putObject("at_prevalence");
            Json.put(at, "prevalence", prevalence);
            at.set("ppv", JsonResults.ratio(pv.ppv()));
            at.set("npv", JsonResults.ratio(pv.npv()));
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    /** The bootstrap intervals with the count of replicates left out, or the reason for none. */
    private static ObjectNode countBootstrap(ThresholdScores.CountBootstrap c) {
        ObjectNode o = c.interval().map(JsonResults::bootstrap).orElseGet(Json::object);
        o.put("replicates", c.replicates());
        o.put("undefined_replicates", c.undefinedReplicates());
        c.undefinedReason().ifPresent(r -> o.put("undefined", r));
        return o;
    }
}
