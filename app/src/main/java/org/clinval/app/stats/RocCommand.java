package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.roc.Alternative;
import org.clinval.validation.roc.AucComparison;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.PartialAuc;
import org.clinval.validation.roc.PartialAucEstimate;
import org.clinval.validation.roc.PartialAucInterval;
import org.clinval.validation.roc.PartialAucRange;
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

    @Mixin PrecisionRecallOptions precisionRecall;

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

    @Option(
            names = "--alternative",
            defaultValue = "two.sided",
            paramLabel = "two.sided|greater|less",
            description =
                    "Alternative of the paired DeLong test with --score2 (default:"
                            + " ${DEFAULT-VALUE}; greater: the first score's AUC is greater).")
    String alternative;

    @Option(
            names = "--partial-auc",
            paramLabel = "LO,HI",
            description =
                    "Also the partial AUC over this range of specificity (or of sensitivity with"
                            + " --partial-focus sensitivity), raw and McClish-standardised, as"
                            + " pROC's auc(partial.auc=c(HI, LO)); with --bootstrap, its"
                            + " stratified bootstrap CIs. No DeLong CI: none is defined for it.")
    String partialAuc;

    @Option(
            names = "--partial-focus",
            defaultValue = "specificity",
            paramLabel = "specificity|sensitivity",
            description = "The axis of --partial-auc's range (default: ${DEFAULT-VALUE}).")
    String partialFocus;

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
        Alternative alt = OptionValues.parse("--alternative", alternative, Alternative::parse);
        PartialAucRange range = partialAucRange();
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
        if (range != null) {
            o.set("partial_auc", partial(roc, range, level));
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
            Json.put(k, "p", cmp.p(alt));
            k.put("alternative", alternative(alt));
            k.put("method", "paired DeLong");
            cmp.undefinedReason().ifPresent(r -> k.put("undefined", r));
        }
        precisionRecall.addTo(o, labels, s1, d, bootstrap, seed, level);
        if (curve) {
            var points = o.putArray("curve");
            c.points().stream().skip(1).forEach(p -> points.add(JsonResults.point(p)));
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private static String alternative(Alternative a) {
        return switch (a) {
            case TWO_SIDED -> "two.sided";
            case GREATER -> "greater";
            case LESS -> "less";
        };
    }

    /** {@code --partial-auc LO,HI} with its focus, or null. */
    private PartialAucRange partialAucRange() {
        if (partialAuc == null) return null;
        PartialAucRange.Focus focus =
                OptionValues.parse(
                        "--partial-focus",
                        partialFocus,
                        f ->
                                switch (f.trim().toLowerCase(java.util.Locale.ROOT)) {
                                    case "specificity" -> PartialAucRange.Focus.SPECIFICITY;
                                    case "sensitivity" -> PartialAucRange.Focus.SENSITIVITY;
                                    default ->
                                            throw new IllegalArgumentException(
                                                    "not specificity or sensitivity");
                                });
        String[] ends = partialAuc.split(",", -1);
        if (ends.length != 2) {
            throw new UsageError("--partial-auc is not LO,HI (e.g. 0.8,1): " + partialAuc);
        }
        try {
            return new PartialAucRange(
                    focus, Double.parseDouble(ends[0].trim()), Double.parseDouble(ends[1].trim()));
        } catch (NumberFormatException e) {
            throw new UsageError("--partial-auc is not two numbers LO,HI: " + partialAuc);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--partial-auc " + partialAuc + ": " + e.getMessage());
        }
    }

    /** {@code {"focus", "range", "partial_auc", "mcclish", …}}, with bootstrap CIs if asked. */
    private ObjectNode partial(RocInput roc, PartialAucRange range, ConfidenceLevel level) {
        PartialAucEstimate e = PartialAuc.of(roc, range);
        ObjectNode p = Json.object();
        p.put("focus", range.focus().name().toLowerCase(java.util.Locale.ROOT));
        var ends = p.putArray("range");
        ends.add(range.lower());
        ends.add(range.upper());
        Json.put(p, "partial_auc", e.partialAuc());
        if (e.corrected().isPresent()) {
            Json.put(p, "mcclish", e.corrected().getAsDouble());
        } else {
            p.putNull("mcclish");
            p.put("mcclish_undefined", e.undefinedReason().orElse("undefined"));
        }
        if (bootstrap != null) {
            BootstrapSpec b = new BootstrapSpec(bootstrap, seed, level);
            p.set("partial_auc_bootstrap_ci", interval(PartialAuc.bootstrap(roc, range, false, b)));
            if (e.corrected().isPresent()) {
                p.set("mcclish_bootstrap_ci", interval(PartialAuc.bootstrap(roc, range, true, b)));
            }
        }
        return p;
    }

    private static ObjectNode interval(PartialAucInterval i) {
        ObjectNode o = Json.object();
        Json.put(o, "estimate", i.estimate());
        Json.put(o, "percentile", i.percentile());
        o.put("replicates", i.replicates());
        o.put("undefined_replicates", i.undefinedReplicates());
        o.put("seed", i.seed());
        o.put("resampling", i.resampling());
        Json.put(o, "level", i.level().value());
        return o;
    }
}
