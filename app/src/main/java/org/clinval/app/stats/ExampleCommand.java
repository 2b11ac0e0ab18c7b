package org.clinval.app.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinval.app.Version;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.TextTable;
import org.clinval.app.io.CsvTable;
import org.clinval.common.csv.CsvReader;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucComparison;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocBootstrap;
import org.clinval.validation.roc.RocCurve;
import org.clinval.validation.roc.RocInput;
import org.clinval.validation.roc.RocPoint;
import org.clinval.validation.subgroup.SubgroupAnalysis;
import org.clinval.validation.subgroup.SubgroupResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinval stats example}: the statistics engine on the bundled example study, printed as a
 * readable summary. Every choice (threshold, rule, level, interval method, seed, replicates) is
 * printed with the numbers it produced.
 */
@Command(
        name = "example",
        description =
                "Run the statistics on the bundled example study (CSV) and print a readable summary.")
public final class ExampleCommand implements Callable<Integer> {

    private static final String RESOURCE = "example/example-study.csv";

    @Option(
            names = "--out",
            defaultValue = "clinval-example",
            paramLabel = "DIR",
            description = "Folder for the data set and the summary (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(
            names = "--threshold",
            defaultValue = "0.5",
            description = "Operating threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(
            names = "--seed",
            defaultValue = "20261121",
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--replicates",
            defaultValue = "2000",
            description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(
            names = "--min-per-class",
            defaultValue = "30",
            description =
                    "Fewest positives and negatives for an informative subgroup (default: ${DEFAULT-VALUE}).")
    int minPerClass;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionValues.finite("--threshold", threshold);
        OptionValues.count(
                "--replicates", replicates, RocCommand.MIN_REPLICATES, RocCommand.MAX_REPLICATES);
        OptionValues.count("--min-per-class", minPerClass, 1, 1_000_000);
        Files.createDirectories(outDir);
        Path data = extract(outDir.resolve("example-study.csv"));
        CsvTable t =
                CsvTable.read(
                        data,
                        CsvReader.builder()
                                .text("label")
                                .number("score")
                                .number("score_previous")
                                .text("site")
                                .text("manufacturer")
                                .text("sex")
                                .text("age_band")
                                .build());
        boolean[] label = t.labels("label", null);
        double[] score = t.doubles("score");
        double[] previous = t.doubles("score_previous");
        ConfidenceLevel level = ConfidenceLevel.of(0.95);
        ThresholdRule rule = ThresholdRule.GE;
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(text);

        ConfusionMatrix m = ConfusionMatrix.of(label, score, threshold, rule);
        DiagnosticAccuracy a = DiagnosticAccuracy.of(m, level);
        out.printf(
                "clinval %s: the example study (%d synthetic chest CT cases, %d with a malignant nodule)%n",
                Version.current(), m.total(), m.positives());
        out.printf("Data: %s%n%n", data);

        out.printf(
                "Accuracy at the operating point: score %s %s, 95%% intervals%n",
                rule.symbol(), TextTable.num(threshold));
        out.printf("  TP %d   FP %d   TN %d   FN %d%n", m.tp(), m.fp(), m.tn(), m.fn());
        TextTable acc =
                new TextTable()
                        .row("measure", "estimate", "Clopper-Pearson", "Wilson", "Jeffreys", "n");
        for (Proportion p :
                List.of(a.sensitivity(), a.specificity(), a.ppv(), a.npv(), a.accuracy())) {
            acc.row(
                    p.name(),
                    TextTable.num(p.estimate()),
                    TextTable.interval(p.interval(BinomialInterval.CLOPPER_PEARSON)),
                    TextTable.interval(p.interval(BinomialInterval.WILSON)),
                    TextTable.interval(p.interval(BinomialInterval.JEFFREYS)),
                    p.successes() + "/" + p.trials());
        }
        acc.row(
                "LR+",
                TextTable.num(a.lrPositive().estimate()),
                TextTable.interval(a.lrPositive().interval()),
                "(log method)",
                "",
                "");
        acc.row(
                "LR-",
                TextTable.num(a.lrNegative().estimate()),
                TextTable.interval(a.lrNegative().interval()),
                "(log method)",
                "",
                "");
        out.print(acc.render("  "));
        out.println();

        RocInput roc = RocInput.of(label, score, Direction.HIGHER);
        AucEstimate auc = DeLong.auc(roc, level);
        BootstrapInterval boot = RocBootstrap.auc(roc, new BootstrapSpec(replicates, seed, level));
        RocCurve curve = RocCurve.of(roc);
        RocPoint youden = curve.youden();
        out.println("ROC (higher score = positive)");
        out.printf(
                "  AUC %s, DeLong 95%% CI %s (SE %s)%n",
                TextTable.num(auc.auc()), TextTable.interval(auc.ci()), TextTable.num(auc.se()));
        out.printf(
                "  stratified bootstrap, %d replicates, seed %d: percentile %s, BCa %s%n",
                boot.replicates(),
                boot.seed(),
                TextTable.interval(boot.percentile()),
                TextTable.interval(boot.bca()));
        out.printf(
                "  Youden-optimal threshold %s: sensitivity %s, specificity %s%n",
                TextTable.num(youden.threshold()),
                TextTable.num(youden.sensitivity()),
                TextTable.num(youden.specificity()));
        AucComparison cmp = DeLong.compare(label, score, previous, Direction.HIGHER, level);
        out.printf(
                "  versus the previous model version (AUC %s): difference %s, 95%% CI %s, z = %s, p %s (paired DeLong)%n%n",
                TextTable.num(cmp.second().auc()),
                TextTable.num(cmp.difference()),
                TextTable.interval(cmp.differenceCi()),
                TextTable.num(cmp.z()),
                cmp.p().isPresent()
                        ? (cmp.p().getAsDouble() < 1e-4
                                ? "< 0.0001"
                                : "= " + TextTable.p(cmp.p().getAsDouble()))
                        : "undefined");

        SubgroupAnalysis subgroups =
                SubgroupAnalysis.builder()
                        .setCases(label, score)
                        .setOperatingPoint(threshold, rule)
                        .setDirection(Direction.HIGHER)
                        .setLevel(level)
                        .setMinimumPerClass(minPerClass)
                        .build();
        out.printf(
                "Subgroups (Clopper-Pearson intervals; flagged below %d positives or negatives)%n",
                minPerClass);
        TextTable sub =
                new TextTable()
                        .row(
                                "subgroup",
                                "n",
                                "sensitivity",
                                "95% CI",
                                "specificity",
                                "95% CI",
                                "AUC",
                                "");
        for (String attribute : List.of("site", "manufacturer", "sex", "age_band")) {
            for (SubgroupResult r : subgroups.by(attribute, t.strings(attribute))) {
                DiagnosticAccuracy s = r.accuracy();
                sub.row(
                        attribute + " = " + r.value(),
                        String.valueOf(r.n()),
                        TextTable.num(s.sensitivity().estimate()),
                        TextTable.interval(
                                s.sensitivity().interval(BinomialInterval.CLOPPER_PEARSON)),
                        TextTable.num(s.specificity().estimate()),
                        TextTable.interval(
                                s.specificity().interval(BinomialInterval.CLOPPER_PEARSON)),
                        r.auc().map(x -> TextTable.num(x.auc())).orElse("undefined"),
                        r.isSmall() ? "small: see below" : "");
            }
        }
        out.print(sub.render("  "));
        for (String attribute : List.of("site", "manufacturer", "sex", "age_band")) {
            for (SubgroupResult r : subgroups.by(attribute, t.strings(attribute))) {
                r.warnings().forEach(w -> out.println("  warning: " + w));
            }
        }
        out.flush();
        Path summary = outDir.resolve("summary.txt");
        Files.writeString(summary, text.toString(), java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter console = spec.commandLine().getOut();
        console.print(text);
        console.println();
        console.println("Wrote:");
        console.println("  " + data);
        console.println("  " + summary);
        console.flush();
        return 0;
    }

    /** Copies the bundled data set next to the summary, so the user can open what was analysed. */
    private static Path extract(Path file) throws IOException {
        try (InputStream in = ExampleCommand.class.getResourceAsStream(RESOURCE)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
