package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.roc.AucComparison;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocBootstrap;
import org.clinval.validation.roc.RocCurve;
import org.clinval.validation.roc.RocInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clinval stats roc}: AUC with DeLong and bootstrap intervals, paired comparison. */
@Command(
        name = "roc",
        description =
                "ROC analysis: AUC with DeLong CI, Youden point, optional stratified "
                        + "bootstrap CI and paired DeLong comparison with a second score.")
public final class RocCommand implements Callable<Integer> {

    /** The fewest bootstrap replicates that give an interval. */
    static final int MIN_REPLICATES = 100;

    /** The most bootstrap replicates: each is kept in memory, and 100,000 take minutes. */
    static final int MAX_REPLICATES = 100_000;

    @Mixin LabelledCsv input;

    @Mixin Confidence confidence;

    @Option(
            names = "--score",
            required = true,
            paramLabel = "COL",
            description = "Column of scores.")
    String score;

    @Option(
            names = "--score2",
            paramLabel = "COL",
            description = "Second score on the same cases, compared by paired DeLong test.")
    String score2;

    @Option(
            names = "--direction",
            defaultValue = "higher",
            paramLabel = "higher|lower",
            description =
                    "Whether higher or lower scores mean positive (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(
            names = "--bootstrap",
            paramLabel = "N",
            description = "Stratified bootstrap replicates, 100 to 100,000.")
    Integer bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Bootstrap seed (required with --bootstrap).")
    Long seed;

    @Option(
            names = "--target-sensitivity",
            paramLabel = "SE",
            description = "Also report the most specific threshold reaching this sensitivity.")
    Double targetSensitivity;

    @Option(
            names = "--target-specificity",
            paramLabel = "SP",
            description = "Also report the most sensitive threshold reaching this specificity.")
    Double targetSpecificity;

    @Option(names = "--curve", description = "Include every point of the empirical curve.")
    boolean curve;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Direction d = OptionValues.parse("--direction", direction, Direction::parse);
        ConfidenceLevel level = confidence.level();
        if (bootstrap != null) {
            OptionValues.count("--bootstrap", bootstrap, MIN_REPLICATES, MAX_REPLICATES);
            if (seed == null) throw new UsageError("--bootstrap needs an explicit --seed");
        }
        if (targetSensitivity != null) {
            OptionValues.unit("--target-sensitivity", targetSensitivity);
        }
        if (targetSpecificity != null) {
            OptionValues.unit("--target-specificity", targetSpecificity);
        }
        input.read(score, score2);
        boolean[] labels = input.labels();
        double[] s1 = input.table().doubles(score);
        RocInput roc = RocInput.of(labels, s1, d);
        AucEstimate auc = DeLong.auc(roc, level);
        RocCurve c = RocCurve.of(roc);

        ObjectNode o = Json.object();
        o.put("file", input.table().file());
        o.put("score", score);
        o.put("direction", d.name().toLowerCase(java.util.Locale.ROOT));
        o.put("positive_label", input.positiveLabel());
        Json.put(o, "confidence_level", level.value());
        JsonResults.auc(o, auc);
        Json.put(o, "auc_trapezoid", c.trapezoidArea());
        o.set("youden", JsonResults.point(c.youden()));
        o.put("operating_rule", d == Direction.HIGHER ? ">=" : "<=");
        if (targetSensitivity != null) {
            o.set("at_target_sensitivity", JsonResults.point(c.forSensitivity(targetSensitivity)));
        }
        if (targetSpecificity != null) {
            c.forSpecificity(targetSpecificity)
                    .ifPresentOrElse(
                            p -> o.set("at_target_specificity", JsonResults.point(p)),
                            () -> o.putNull("at_target_specificity"));
        }
        if (bootstrap != null) {
            BootstrapSpec b = new BootstrapSpec(bootstrap, seed, level);
            o.set("bootstrap_ci", JsonResults.bootstrap(RocBootstrap.auc(roc, b)));
        }
        if (score2 != null) {
            double[] s2 = input.table().doubles(score2);
            AucComparison cmp = DeLong.compare(labels, s1, s2, d, level);
            ObjectNode k = o.putObject("comparison");
            k.put("score2", score2);
            Json.put(k, "auc2", cmp.second().auc());
            Json.put(k, "auc2_se", cmp.second().se());
            Json.put(k, "difference", cmp.difference());
            Json.put(k, "difference_ci", cmp.differenceCi());
            Json.put(k, "z", cmp.z());
            Json.put(k, "p", cmp.p());
            k.put("method", "paired DeLong");
            cmp.undefinedReason().ifPresent(r -> k.put("undefined", r));
        }
        if (curve) {
            var points = o.putArray("curve");
            c.points().stream().skip(1).forEach(p -> points.add(JsonResults.point(p)));
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }
}
