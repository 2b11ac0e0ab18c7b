package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.io.CsvTable;
import org.clinval.common.csv.CsvReader;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.roc.Alternative;
import org.clinval.validation.roc.AucComparison;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.BinormalFit;
import org.clinval.validation.roc.BinormalSmoothing;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.OneCurveSampleSize.Sides;
import org.clinval.validation.roc.OperatingPointInterval;
import org.clinval.validation.roc.OperatingPoints;
import org.clinval.validation.roc.PartialAuc;
import org.clinval.validation.roc.PartialAucEstimate;
import org.clinval.validation.roc.PartialAucInterval;
import org.clinval.validation.roc.PartialAucRange;
import org.clinval.validation.roc.RocBootstrap;
import org.clinval.validation.roc.RocCurve;
import org.clinval.validation.roc.RocInput;
import org.clinval.validation.roc.TwoCurveDesign;
import org.clinval.validation.roc.TwoCurvePower;
import org.clinval.validation.roc.TwoCurveSampleSize;
import org.clinval.validation.roc.UnpairedAucComparison;
import org.clinval.validation.roc.UnpairedDeLong;
import org.clinval.validation.roc.Venkatraman;
import org.clinval.validation.roc.WholeCurveComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval stats roc}: AUC with DeLong and bootstrap intervals, paired and unpaired
 * comparison, Venkatraman's whole-curve test, binormal smoothing and the power of a comparison.
 */
@Command(
        name = "roc",
        description =
                "ROC analysis: AUC with DeLong CI, Youden point, optional stratified bootstrap"
                        + " CI, paired DeLong comparison with a second score (--score2) or"
                        + " unpaired with a second file of other cases (--compare-csv),"
                        + " Venkatraman's permutation test of the whole curves (--permutations),"
                        + " binormal smoothing (--smooth) and the power of the paired comparison"
                        + " (--comparison-power).")
public final class RocCommand implements Callable<Integer> {

    /** The fewest bootstrap replicates that give an interval. */
    static final int MIN_REPLICATES = 100;

    /** The most bootstrap replicates: each is kept in memory, and 100,000 take minutes. */
    static final int MAX_REPLICATES = 100_000;

    @Mixin LabelledCsv input;

    @Mixin Confidence confidence;

    @Mixin PrecisionRecallOptions precisionRecall;

    @Mixin MulticlassOptions multiclass;

    @Option(
            names = "--score",
            paramLabel = "COL",
            description = "Column of scores (or --class-scores for a multi-class model).")
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

    // ---- comparison of whole curves, unpaired curves, smoothing, two-curve power ----

    /** The fewest permutations of Venkatraman's test. */
    static final int MIN_PERMUTATIONS = 100;

    /** The most permutations of Venkatraman's test. */
    static final int MAX_PERMUTATIONS = 100_000;

    @Option(
            names = "--compare-csv",
            paramLabel = "FILE2",
            description =
                    "A second CSV of other cases (same --label, --positive): compares the two"
                            + " curves by unpaired DeLong test, as pROC's roc.test(paired = FALSE).")
    Path compareCsv;

    @Option(
            names = "--compare-score",
            paramLabel = "COL",
            description = "Score column of --compare-csv (default: the --score column name).")
    String compareScore;

    @Option(
            names = "--permutations",
            paramLabel = "N",
            description =
                    "Also Venkatraman's permutation test that the whole curves are equal (with"
                            + " --score2: paired; with --compare-csv: unpaired), N from 100 to"
                            + " 100,000; needs --seed.")
    Integer permutations;

    @Option(
            names = "--smooth",
            paramLabel = "binormal",
            description =
                    "Also the binormal smoothed curve: intercept, slope and AUC, as pROC's"
                            + " smooth(roc, method = \"binormal\").")
    String smooth;

    @Option(
            names = "--comparison-power",
            paramLabel = "P",
            description =
                    "With --score2: Obuchowski's power of the paired comparison at the observed"
                            + " size and the cases needed for power P, as pROC's"
                            + " power.roc.test(roc1, roc2), at --sig-level.")
    Double comparisonPower;

    @Option(
            names = "--sig-level",
            defaultValue = "0.05",
            paramLabel = "A",
            description = "Significance level of --comparison-power (default: ${DEFAULT-VALUE}).")
    double sigLevel;

    @Option(
            names = "--ci-se",
            paramLabel = "SP1,SP2,...",
            description =
                    "Sensitivity at these specificities with stratified bootstrap CIs, as pROC's"
                            + " ci.se (needs --bootstrap and --seed).")
    String ciSe;

    @Option(
            names = "--ci-sp",
            paramLabel = "SE1,SE2,...",
            description =
                    "Specificity at these sensitivities with stratified bootstrap CIs, as pROC's"
                            + " ci.sp (needs --bootstrap and --seed).")
    String ciSp;

    @Option(
            names = "--ci-thresholds",
            paramLabel = "T1,T2,...",
            description =
                    "Specificity and sensitivity at these thresholds (positive at or beyond the"
                            + " threshold) with stratified bootstrap CIs, as pROC's"
                            + " ci.thresholds (needs --bootstrap and --seed).")
    String ciThresholds;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (multiclass.given()) return multiclass();
        if (score == null) {
            throw new UsageError(
                    "--score COL is required (or --class-scores NAME=COL,... for a multi-class"
                            + " model)");
        }
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
        checkCurveOptions();
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
        curveComparisons(o, labels, s1, d, alt);
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

    /** Checks the options of whole-curve tests, smoothing and power before any file is read. */
    private void checkCurveOptions() {
        if (permutations != null) {
            OptionValues.count("--permutations", permutations, MIN_PERMUTATIONS, MAX_PERMUTATIONS);
            if (seed == null) throw new UsageError("--permutations needs an explicit --seed");
            if (score2 == null && compareCsv == null) {
                throw new UsageError("--permutations needs --score2 or --compare-csv");
            }
        }
        if (compareScore != null && compareCsv == null) {
            throw new UsageError("--compare-score needs --compare-csv");
        }
        if (ciThresholds != null) {
            if (bootstrap == null) {
                throw new UsageError("--ci-thresholds needs --bootstrap and --seed");
            }
            finiteList("--ci-thresholds", ciThresholds);
        }
        for (String[] o : new String[][] {{"--ci-se", ciSe}, {"--ci-sp", ciSp}}) {
            if (o[1] != null) {
                if (bootstrap == null) throw new UsageError(o[0] + " needs --bootstrap and --seed");
                unitList(o[0], o[1]);
            }
        }
        if (smooth != null && !smooth.trim().equalsIgnoreCase("binormal")) {
            throw new UsageError("--smooth is not binormal: " + smooth);
        }
        if (comparisonPower != null) {
            if (score2 == null) throw new UsageError("--comparison-power needs --score2");
            OptionValues.openUnit("--comparison-power", comparisonPower);
            OptionValues.openUnit("--sig-level", sigLevel);
        }
    }

    /** Adds {@code smooth}, {@code venkatraman}, {@code unpaired_comparison}, {@code power}. */
    private void curveComparisons(
            ObjectNode o, boolean[] labels, double[] s1, Direction d, Alternative alt) {
        if (smooth != null) {
            o.set("smooth", smoothed(RocCurve.of(RocInput.of(labels, s1, d))));
        }
        if (ciThresholds != null) {
            BootstrapSpec b = new BootstrapSpec(bootstrap, seed, confidence.level());
            var a = o.putArray("ci_thresholds");
            for (OperatingPointInterval[] t :
                    OperatingPoints.ciThresholds(
                            RocInput.of(labels, s1, d),
                            finiteList("--ci-thresholds", ciThresholds),
                            b)) {
                ObjectNode k = a.addObject();
                Json.put(k, "threshold", t[0].at());
                k.set("specificity", operatingPoints("threshold", List.of(t[0])).get(0));
                k.set("sensitivity", operatingPoints("threshold", List.of(t[1])).get(0));
                ((ObjectNode) k.get("specificity")).remove("threshold");
                ((ObjectNode) k.get("sensitivity")).remove("threshold");
            }
        }
        if (ciSe != null || ciSp != null) {
            RocInput in = RocInput.of(labels, s1, d);
            BootstrapSpec b = new BootstrapSpec(bootstrap, seed, confidence.level());
            if (ciSe != null) {
                o.set(
                        "ci_se",
                        operatingPoints(
                                "specificity",
                                OperatingPoints.ciSensitivity(in, unitList("--ci-se", ciSe), b)));
            }
            if (ciSp != null) {
                o.set(
                        "ci_sp",
                        operatingPoints(
                                "sensitivity",
                                OperatingPoints.ciSpecificity(in, unitList("--ci-sp", ciSp), b)));
            }
        }
        if (score2 != null && permutations != null) {
            double[] s2 = input.table().doubles(score2);
            o.set(
                    "venkatraman",
                    venkatraman(Venkatraman.paired(labels, s1, s2, d, permutations, seed)));
        }
        if (score2 != null && comparisonPower != null) {
            double[] s2 = input.table().doubles(score2);
            o.set("comparison_power", comparisonPower(labels, s1, s2, d, alt));
        }
        if (compareCsv != null) {
            String col = compareScore != null ? compareScore : score;
            CsvTable t2 =
                    CsvTable.read(
                            compareCsv, CsvReader.builder().text(input.label).number(col).build());
            boolean[] labels2 = t2.labels(input.label, input.positive);
            double[] s2 = t2.doubles(col);
            UnpairedAucComparison u =
                    UnpairedDeLong.compare(
                            RocInput.of(labels, s1, d), RocInput.of(labels2, s2, d), alt);
            ObjectNode k = o.putObject("unpaired_comparison");
            k.put("file2", t2.file());
            k.put("score2", col);
            k.put("n2_positive", u.second().positives());
            k.put("n2_negative", u.second().negatives());
            Json.put(k, "auc2", u.second().auc());
            Json.put(k, "auc2_se", u.second().se());
            Json.put(k, "difference", u.difference());
            Json.put(k, "d", u.d());
            Json.put(k, "df", u.df());
            Json.put(k, "p", u.p());
            k.put("alternative", alternative(alt));
            k.put("method", "unpaired DeLong (Welch-Satterthwaite t)");
            u.undefinedReason().ifPresent(r -> k.put("undefined", r));
            if (permutations != null) {
                k.set(
                        "venkatraman",
                        venkatraman(
                                Venkatraman.unpaired(
                                        labels, s1, labels2, s2, d, permutations, seed)));
            }
        }
    }

    private static ObjectNode venkatraman(WholeCurveComparison v) {
        ObjectNode k = Json.object();
        Json.put(k, "e", v.e());
        Json.put(k, "p", v.p());
        Json.put(k, "p_monte_carlo_se", v.monteCarloSe());
        k.put("permutations", v.permutations());
        k.put("at_least_as_large", v.atLeastAsLarge());
        k.put("seed", v.seed());
        k.put("alternative", "two.sided");
        k.put("method", v.method());
        return k;
    }

    private static ObjectNode smoothed(RocCurve c) {
        BinormalFit f = BinormalSmoothing.fit(c);
        ObjectNode k = Json.object();
        k.put("method", "binormal");
        Json.put(k, "intercept", f.intercept());
        Json.put(k, "slope", f.slope());
        Json.put(k, "auc", f.auc());
        k.put("points_used", f.pointsUsed());
        f.undefinedReason().ifPresent(r -> k.put("undefined", r));
        return k;
    }

    private ObjectNode comparisonPower(
            boolean[] labels, double[] s1, double[] s2, Direction d, Alternative alt) {
        ObjectNode k = Json.object();
        Sides sides = alt == Alternative.TWO_SIDED ? Sides.TWO_SIDED : Sides.ONE_SIDED;
        Json.put(k, "sig_level", sigLevel);
        k.put("alternative", sides == Sides.TWO_SIDED ? "two.sided" : "one.sided");
        Json.put(k, "target_power", comparisonPower);
        k.put("method", "Obuchowski two ROC curves power calculation, DeLong (co)variances");
        AucComparison c = DeLong.compare(labels, s1, s2, d, ConfidenceLevel.of(0.95));
        if (c.covariance().isEmpty()) {
            k.putNull("power");
            k.put("undefined", c.undefinedReason().orElse("the DeLong covariance is undefined"));
            return k;
        }
        TwoCurveDesign design = TwoCurvePower.fromComparison(c);
        Json.put(k, "delta", design.delta());
        var reason = design.undefinedReason();
        if (reason.isPresent()) {
            k.putNull("power");
            k.putNull("n_positive");
            k.put("undefined", reason.get());
            return k;
        }
        double m = c.first().positives();
        double n = c.first().negatives();
        Json.put(k, "power", TwoCurvePower.power(design, m, n, sigLevel, sides).power());
        TwoCurveSampleSize s =
                TwoCurvePower.sampleSize(design, sigLevel, comparisonPower, n / m, sides);
        if (s.cases() + s.controls() > SampleSizeCommand.MAX_CASES) {
            k.putNull("n_positive");
            k.putNull("n_negative");
            k.put("n_undefined", "the study would need more than 2^31 cases");
            return k;
        }
        k.put("n_positive", s.casesNeeded());
        k.put("n_negative", s.controlsNeeded());
        Json.put(k, "n_positive_unrounded", s.cases());
        Json.put(k, "n_negative_unrounded", s.controls());
        return k;
    }

    /** Parses a comma-separated list of finite numbers. */
    private static double[] finiteList(String option, String text) {
        double[] v = numberList(option, text);
        for (double x : v) OptionValues.finite(option, x);
        return v;
    }

    /** Parses a comma-separated list of values in [0, 1]. */
    private static double[] unitList(String option, String text) {
        double[] v = numberList(option, text);
        for (double x : v) OptionValues.unit(option, x);
        return v;
    }

    private static double[] numberList(String option, String text) {
        String[] parts = text.split(",", -1);
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageError(option + " is not a list of numbers: " + text);
            }
        }
        return v;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode operatingPoints(
            String at, List<OperatingPointInterval> list) {
        var a = Json.array();
        for (OperatingPointInterval i : list) {
            ObjectNode k = a.addObject();
            Json.put(k, at, i.at());
            Json.put(k, "estimate", i.estimate());
            Json.put(k, "lower", i.lower());
            Json.put(k, "median", i.median());
            Json.put(k, "upper", i.upper());
            Json.put(k, "level", i.level().value());
            k.put("replicates", i.replicates());
            k.put("seed", i.seed());
            k.put("resampling", "stratified");
        }
        return a;
    }

    /** The multi-class mode: the options of one binary curve do not apply to it. */
    private int multiclass() {
        Object[][] binaryOnly = {
            {"--score", score},
            {"--score2", score2},
            {"--direction lower", "higher".equalsIgnoreCase(direction.strip()) ? null : direction},
            {"--bootstrap", bootstrap},
            {"--target-sensitivity", targetSensitivity},
            {"--target-specificity", targetSpecificity},
            {"--curve", curve ? Boolean.TRUE : null},
            {"--alternative", "two.sided".equals(alternative.strip()) ? null : alternative},
            {"--partial-auc", partialAuc},
            {"--compare-csv", compareCsv},
            {"--permutations", permutations},
            {"--smooth", smooth},
            {"--comparison-power", comparisonPower},
            {"--ci-se", ciSe},
            {"--ci-sp", ciSp},
            {"--ci-thresholds", ciThresholds},
            {"--pr", precisionRecall.pr || precisionRecall.curve ? Boolean.TRUE : null}
        };
        for (Object[] option : binaryOnly) {
            if (option[1] != null) {
                throw new UsageError(
                        option[0]
                                + " does not apply to --class-scores (a multi-class model; higher"
                                + " scores mean the class)");
            }
        }
        spec.commandLine()
                .getOut()
                .println(Json.write(multiclass.analyse(input, confidence.level())));
        return 0;
    }
}
