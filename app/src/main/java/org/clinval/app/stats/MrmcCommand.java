package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.mrmc.GallasAnalysis;
import org.clinval.validation.mrmc.MissingReads;
import org.clinval.validation.mrmc.MrmcFiles;
import org.clinval.validation.mrmc.MrmcFormatException;
import org.clinval.validation.mrmc.MrmcSizing;
import org.clinval.validation.mrmc.MrmcTest;
import org.clinval.validation.mrmc.ObuchowskiRockette;
import org.clinval.validation.mrmc.OrAnalysis;
import org.clinval.validation.mrmc.OrCovariance;
import org.clinval.validation.mrmc.OrEstimate;
import org.clinval.validation.mrmc.OrFactors;
import org.clinval.validation.mrmc.ProportionAnalysis;
import org.clinval.validation.mrmc.ReaderStudy;
import org.clinval.validation.mrmc.SizedStudy;
import org.clinval.validation.mrmc.UstatComponents;
import org.clinval.validation.mrmc.UstatEstimate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clinval stats mrmc}: multi-reader multi-case analysis of the reader-averaged AUC, or of
 * the readers' sensitivity or specificity at a threshold.
 */
@Command(
        name = "mrmc",
        description =
                "Multi-reader multi-case (MRMC) ROC analysis of a reader study: reader-averaged"
                        + " AUC per modality and the difference of each pair, with iMRMC's"
                        + " U-statistic variance (gallas) or the Obuchowski-Rockette analysis"
                        + " with Hillis's df (or). With --size-readers and --size-cases, the"
                        + " power of future fully crossed studies sized from this pilot, as"
                        + " iMRMC's sizing. With --measure sensitivity or specificity and"
                        + " --threshold, the readers' reader-averaged proportion instead.")
public final class MrmcCommand implements Callable<Integer> {

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description =
                    "Reader study: an iMRMC .imrmc file (rows readerID,caseID,modalityID,score"
                            + " after 'BEGIN DATA:', truth rows with readerID -1) or a CSV with"
                            + " columns reader, case, modality, score, truth (0/1).")
    Path input;

    @Option(
            names = "--format",
            paramLabel = "imrmc|csv",
            description = "Format of --input (default: from its extension, .imrmc or .csv).")
    String format;

    @Option(
            names = "--analysis",
            defaultValue = "gallas",
            paramLabel = "gallas|or|dbm",
            description =
                    "gallas: U-statistic MRMC variance as FDA's iMRMC (any design); or:"
                            + " Obuchowski-Rockette with Hillis's ddf (fully crossed only); dbm:"
                            + " Dorfman-Berbaum-Metz with Hillis's ddf, computed as the OR"
                            + " analysis with jackknife covariances, which gives DBM's F, ddf"
                            + " and p exactly (Hillis et al. 2005), with DBM's variance"
                            + " components (default: ${DEFAULT-VALUE}).")
    String analysis;

    @Option(
            names = "--readers",
            defaultValue = "random",
            paramLabel = "random|fixed",
            description = "Readers as a random or fixed factor; fixed needs --analysis or.")
    String readers;

    @Option(
            names = "--cases",
            defaultValue = "random",
            paramLabel = "random|fixed",
            description = "Cases as a random or fixed factor; fixed needs --analysis or.")
    String cases;

    @Option(
            names = "--covariance",
            paramLabel = "delong|jackknife",
            description =
                    "Error covariances of the OR analysis (default: delong; jackknife as the"
                            + " OR-DBM MRMC software, and always with --analysis dbm).")
    String covariance;

    @Option(
            names = "--direction",
            defaultValue = "higher",
            paramLabel = "higher|lower",
            description =
                    "Whether higher or lower scores mean positive (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(
            names = {"--confidence", "--conf"},
            defaultValue = "0.95",
            paramLabel = "LEVEL",
            description = "Confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
            names = "--measure",
            paramLabel = "M",
            defaultValue = "auc",
            description =
                    "auc (default), or sensitivity / specificity of the readers' calls at"
                            + " --threshold: the reader-averaged proportion per modality and the"
                            + " difference, U-statistic variance as iMRMC's uStat11 (identity"
                            + " kernel), normal-approximation CI and test.")
    String measure;

    @Option(
            names = "--threshold",
            paramLabel = "T",
            description =
                    "With --measure sensitivity/specificity: a read is a positive call when its"
                            + " score meets T by --rule (binary reads 0/1: --threshold 1).")
    Double threshold;

    @Option(
            names = "--rule",
            paramLabel = "R",
            defaultValue = ">=",
            description = "How --threshold is applied to the score: >= (default) or >.")
    String rule;

    @Option(
            names = "--size-readers",
            split = ",",
            paramLabel = "N,...",
            description =
                    "Size future fully crossed studies with these numbers of readers (needs"
                            + " --size-cases and a fully crossed pilot; --analysis gallas).")
    int[] sizeReaders;

    @Option(
            names = "--size-cases",
            split = ",",
            paramLabel = "N,...",
            description =
                    "Total cases of the sized studies, split into negatives and positives like"
                            + " the pilot's (negatives = round(N * pilot negatives / pilot cases)).")
    int[] sizeCases;

    @Option(
            names = "--effect",
            paramLabel = "D",
            description =
                    "True difference of AUCs the sized studies should detect (default: the"
                            + " pilot's observed difference of each pair).")
    Double effect;

    @Option(
            names = "--alpha",
            defaultValue = "0.05",
            paramLabel = "A",
            description =
                    "Two-sided significance level of the sized test (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(
            names = "--target-power",
            paramLabel = "P",
            description =
                    "Also report the smallest sized study (fewest reads, readers x cases; then"
                            + " fewest readers) whose --size-test power reaches P.")
    Double targetPower;

    @Option(
            names = "--size-test",
            defaultValue = "bdg",
            paramLabel = "normal|bdg|hillis",
            description = "Power used for --target-power (default: ${DEFAULT-VALUE}).")
    String sizeTest;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConfidenceLevel level =
                ConfidenceLevel.of(OptionValues.openUnit("--confidence", confidence));
        Direction d = OptionValues.parse("--direction", direction, Direction::parse);
        String fmt = format();
        String kind = analysis.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("gallas") && !kind.equals("or") && !kind.equals("dbm")) {
            throw new UsageError("--analysis is not one of gallas, or, dbm: " + analysis);
        }
        if (kind.equals("dbm")
                && covariance != null
                && !covariance.trim().equalsIgnoreCase("jackknife")) {
            throw new UsageError(
                    "--analysis dbm works on jackknife pseudovalues: --covariance "
                            + covariance
                            + " does not apply (use --analysis or for DeLong covariances)");
        }
        OrFactors factors;
        try {
            factors = OrFactors.of(readers, cases);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--readers/--cases: " + e.getMessage());
        }
        if (kind.equals("gallas") && factors != OrFactors.RANDOM_READERS_RANDOM_CASES) {
            throw new UsageError("fixed readers or cases need --analysis or");
        }
        OrCovariance cov =
                OptionValues.parse(
                        "--covariance",
                        covariance != null
                                ? covariance
                                : kind.equals("dbm") ? "jackknife" : "delong",
                        OrCovariance::parse);
        boolean sizing = sizeReaders != null || sizeCases != null;
        String powerTest = sizeTest.trim().toLowerCase(Locale.ROOT);
        if (sizing) checkSizing(kind, powerTest);
        else if (effect != null || targetPower != null) {
            throw new UsageError(
                    "--effect and --target-power need --size-readers and --size-cases");
        }
        String what = measure.trim().toLowerCase(Locale.ROOT);
        ProportionAnalysis.Measure proportion = null;
        if (!what.equals("auc")) {
            proportion = OptionValues.parse("--measure", what, ProportionAnalysis.Measure::parse);
            if (threshold == null) {
                throw new UsageError(
                        "--measure "
                                + what
                                + " needs --threshold (binary reads 0/1: --threshold 1)");
            }
            if (!kind.equals("gallas")
                    || sizing
                    || factors != OrFactors.RANDOM_READERS_RANDOM_CASES
                    || covariance != null) {
                throw new UsageError(
                        "--measure "
                                + what
                                + " is analysed with iMRMC's U-statistics only: --analysis,"
                                + " --readers, --cases, --covariance and sizing do not apply");
            }
        } else if (threshold != null) {
            throw new UsageError("--threshold needs --measure sensitivity or specificity");
        }
        ReaderStudy study = read(fmt, d);
        if (proportion != null) {
            ThresholdRule r = OptionValues.parse("--rule", rule, ThresholdRule::parse);
            if (!Double.isFinite(threshold)) {
                throw new UsageError("--threshold must be a finite number: " + threshold);
            }
            List<ProportionAnalysis.Estimate> results;
            try {
                results = ProportionAnalysis.analyse(study, proportion, threshold, r, level);
            } catch (IllegalArgumentException e) {
                throw new UserError(input + ": " + e.getMessage(), e);
            }
            ObjectNode o = Json.object();
            o.put("file", input.toString());
            o.put("format", fmt);
            o.put("measure", proportion.label());
            Json.put(o, "threshold", threshold);
            o.put("rule", r.symbol());
            Json.put(o, "confidence_level", level.value());
            o.set("study", study(study));
            o.put(
                    "method",
                    "U-statistic MRMC variance of the reader-averaged proportion (iMRMC"
                            + " uStat11.jointD, identity kernel); normal-approximation CI and test");
            ArrayNode a = o.putArray("results");
            for (ProportionAnalysis.Estimate e : results) a.add(proportion(study, e));
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }
        ObjectNode o = Json.object();
        o.put("file", input.toString());
        o.put("format", fmt);
        o.put("analysis", kind);
        o.put("direction", d.name().toLowerCase(Locale.ROOT));
        Json.put(o, "confidence_level", level.value());
        o.set("study", study(study));
        if (kind.equals("gallas")) {
            o.put("method", "U-statistic MRMC variance (Gallas 2006/2009), as iMRMC 4");
            ArrayNode a = o.putArray("results");
            List<UstatEstimate> results = GallasAnalysis.analyse(study, level);
            results.forEach(e -> a.add(gallas(e)));
            if (sizing) o.set("sizing", sizing(study, results, powerTest));
        } else {
            OrAnalysis or;
            try {
                or = ObuchowskiRockette.analyse(study, factors, cov, level);
            } catch (IllegalArgumentException e) {
                throw new UserError(input + ": " + e.getMessage(), e);
            }
            if (kind.equals("dbm")) {
                o.put(
                        "method",
                        "Dorfman-Berbaum-Metz with Hillis (2007) ddf, computed as the"
                                + " Obuchowski-Rockette analysis with jackknife covariances, whose"
                                + " F, ddf and p equal DBM's (Hillis, Obuchowski, Schartz and"
                                + " Berbaum 2005); variance components in dbm_components");
                o.set("dbm", or(or));
            } else {
                o.put("method", "Obuchowski-Rockette with Hillis (2007) ddf");
                o.set("or", or(or));
            }
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private void checkSizing(String kind, String powerTest) {
        if (sizeReaders == null || sizeCases == null) {
            throw new UsageError("--size-readers and --size-cases go together");
        }
        if (!kind.equals("gallas")) throw new UsageError("sizing needs --analysis gallas");
        for (int r : sizeReaders) OptionValues.count("--size-readers", r, 2, 1_000_000);
        for (int n : sizeCases) OptionValues.count("--size-cases", n, 4, 100_000_000);
        OptionValues.openUnit("--alpha", alpha);
        if (effect != null) OptionValues.finite("--effect", effect);
        if (targetPower != null) OptionValues.openUnit("--target-power", targetPower);
        if (!List.of("normal", "bdg", "hillis").contains(powerTest)) {
            throw new UsageError("--size-test is not one of normal, bdg, hillis: " + sizeTest);
        }
    }

    private ObjectNode sizing(ReaderStudy study, List<UstatEstimate> results, String powerTest) {
        ObjectNode o = Json.object();
        o.put(
                "method",
                "iMRMC sizing: pilot BDG moments rescaled to a fully crossed study; BDG and"
                        + " Hillis df; power of the two-sided test of the difference");
        o.put("case_split", "negatives = round(cases * pilot negatives / pilot cases)");
        Json.put(o, "alpha", alpha);
        if (targetPower != null) Json.put(o, "target_power", targetPower);
        o.put("power_test", powerTest);
        ArrayNode pairs = o.putArray("pairs");
        int nm = study.modalities().size();
        int i = nm;
        for (int a = 0; a < nm; a++) {
            for (int b = a + 1; b < nm; b++) {
                UstatEstimate diff = results.get(i++);
                MrmcSizing pilot;
                try {
                    pilot = MrmcSizing.pilot(study, a, b);
                } catch (IllegalArgumentException e) {
                    throw new UserError(input + ": " + e.getMessage(), e);
                }
                double d = effect != null ? effect : diff.estimate();
                ObjectNode p = pairs.addObject();
                p.put("modality", diff.modality());
                p.put("minus", diff.minus().orElseThrow());
                Json.put(p, "effect", d);
                p.put("effect_from", effect != null ? "--effect" : "pilot difference");
                ArrayNode grid = p.putArray("studies");
                List<SizedStudy> sized = pilot.grid(sizeReaders, sizeCases, d, alpha);
                SizedStudy best = null;
                for (SizedStudy s : sized) {
                    grid.add(sized(s));
                    if (targetPower != null && reaches(s, powerTest) && better(s, best)) best = s;
                }
                if (targetPower != null) {
                    if (best == null) p.putNull("smallest_reaching_target");
                    else p.set("smallest_reaching_target", sized(best));
                }
            }
        }
        return o;
    }

    private boolean reaches(SizedStudy s, String powerTest) {
        var p =
                switch (powerTest) {
                    case "normal" -> s.powerNormal();
                    case "hillis" -> s.powerHillis();
                    default -> s.powerBdg();
                };
        return p.isPresent() && p.getAsDouble() >= targetPower;
    }

    private static boolean better(SizedStudy s, SizedStudy best) {
        if (best == null) return true;
        long reads = (long) s.readers() * s.cases();
        long bestReads = (long) best.readers() * best.cases();
        return reads < bestReads || (reads == bestReads && s.readers() < best.readers());
    }

    private static ObjectNode sized(SizedStudy s) {
        ObjectNode o = Json.object();
        o.put("readers", s.readers());
        o.put("cases", s.cases());
        o.put("negatives", s.negatives());
        o.put("positives", s.positives());
        Json.put(o, "variance", s.variance());
        Json.put(o, "df_bdg", s.dfBdg());
        Json.put(o, "variance_hillis", s.varianceHillis());
        Json.put(o, "df_hillis", s.dfHillis());
        Json.put(o, "power_normal", s.powerNormal());
        Json.put(o, "power_bdg", s.powerBdg());
        Json.put(o, "power_hillis", s.powerHillis());
        s.undefinedReason().ifPresent(r -> o.put("undefined", r));
        return o;
    }

    private ReaderStudy read(String fmt, Direction d) {
        try {
            return fmt.equals("csv") ? MrmcFiles.readCsv(input, d) : MrmcFiles.readImrmc(input, d);
        } catch (MrmcFormatException e) {
            if (notUtf8(e)) {
                // Where the first byte that is not UTF-8 is, as the other stats commands say it.
                try {
                    var fault = org.clinval.common.csv.Utf8Fault.find(input);
                    if (fault.isPresent()) {
                        throw new UserError(
                                input
                                        + " line "
                                        + fault.get().line()
                                        + ": not UTF-8 text ("
                                        + fault.get().what()
                                        + "); save the file as UTF-8",
                                e);
                    }
                } catch (java.io.IOException ignored) {
                    // The reader's own message below.
                }
            }
            throw new UserError(e.getMessage(), e);
        }
    }

    private static boolean notUtf8(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.CharacterCodingException) return true;
        }
        return false;
    }

    private String format() {
        if (format != null) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (f.equals("imrmc") || f.equals("csv")) return f;
            throw new UsageError("--format is not one of imrmc, csv: " + format);
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".imrmc")) return "imrmc";
        if (name.endsWith(".csv")) return "csv";
        throw new UsageError(
                "--format is needed: " + input + " ends neither in .imrmc nor in .csv");
    }

    private static ObjectNode study(ReaderStudy s) {
        ObjectNode o = Json.object();
        o.put("readers", s.readers().size());
        o.put("negatives", s.negatives());
        o.put("positives", s.positives());
        ArrayNode m = o.putArray("modalities");
        s.modalities().forEach(m::add);
        o.put("reads", s.reads());
        o.put("design", s.design().name().toLowerCase(Locale.ROOT));
        ArrayNode miss = o.putArray("missing_reads");
        for (MissingReads x : s.missingReads()) {
            ObjectNode r = miss.addObject();
            r.put("reader", x.reader());
            r.put("modality", x.modality());
            r.put("read", x.read());
            r.put("missing", x.missing());
        }
        o.put("unread_cases", s.unreadCases().size());
        return o;
    }

    private static ObjectNode proportion(ReaderStudy s, ProportionAnalysis.Estimate e) {
        ObjectNode o = Json.object();
        o.put("modality", e.modality());
        if (e.minus().isPresent()) o.put("minus", e.minus().get());
        else o.putNull("minus");
        o.put("readers", e.readers());
        o.put(
                e.measure() == ProportionAnalysis.Measure.SENSITIVITY ? "positives" : "negatives",
                e.cases());
        o.put("reads", e.reads());
        Json.put(o, e.minus().isPresent() ? "difference" : e.measure().label(), e.estimate());
        Json.put(o, "variance", e.variance());
        o.set("test", test(e.test()));
        if (e.minus().isEmpty()) {
            ObjectNode per = o.putObject("per_reader");
            for (int r = 0; r < s.readers().size(); r++) {
                Json.put(per, s.readers().get(r), e.perReader().get(r));
            }
        }
        return o;
    }

    private static ObjectNode gallas(UstatEstimate e) {
        ObjectNode o = Json.object();
        o.put("modality", e.modality());
        if (e.minus().isPresent()) o.put("minus", e.minus().get());
        else o.putNull("minus");
        o.put("readers", e.readers());
        o.put("negatives", e.negatives());
        o.put("positives", e.positives());
        Json.put(o, e.minus().isPresent() ? "difference" : "auc", e.estimate());
        Json.put(o, "null_value", e.nullValue());
        Json.put(o, "variance", e.variance());
        Json.put(o, "variance_biased", e.biasedVariance());
        Json.put(o, "df_bdg", e.dfBdg());
        Json.put(o, "df_hillis", e.dfHillis());
        ObjectNode t = o.putObject("tests");
        t.set("normal", test(e.normal()));
        t.set("bdg", test(e.bdg()));
        t.set("hillis", test(e.hillis()));
        o.set("components", components(e.components()));
        e.covariance().ifPresent(c -> o.set("covariance_components", components(c)));
        e.second().ifPresent(c -> o.set("minus_components", components(c)));
        return o;
    }

    private static ObjectNode components(UstatComponents c) {
        ObjectNode o = Json.object();
        o.set("bdg_moments", numbers(c.moments()));
        o.set("bdg_coefficients", numbers(c.coefficients()));
        ObjectNode bck = o.putObject("bck");
        ObjectNode bckc = o.putObject("bck_coefficients");
        for (int k = 0; k < UstatComponents.BCK_NAMES.size(); k++) {
            Json.put(bck, UstatComponents.BCK_NAMES.get(k), c.bck().get(k));
            Json.put(bckc, UstatComponents.BCK_NAMES.get(k), c.bckCoefficients().get(k));
        }
        return o;
    }

    private static ArrayNode numbers(List<Double> values) {
        ArrayNode a = Json.array();
        for (double v : values) {
            if (!Double.isFinite(v)) throw new IllegalStateException("non-finite component");
            a.add(v);
        }
        return a;
    }

    private static ObjectNode test(MrmcTest t) {
        ObjectNode o = Json.object();
        o.put("method", t.method());
        Json.put(o, "df", t.df());
        Json.put(o, "statistic", t.statistic());
        Json.put(o, "p", t.p());
        Json.put(o, "ci", t.ci());
        t.undefinedReason().ifPresent(r -> o.put("undefined", r));
        return o;
    }

    private static ObjectNode or(OrAnalysis a) {
        ObjectNode o = Json.object();
        o.put("factors", a.factors().name().toLowerCase(Locale.ROOT));
        o.put("covariance", a.covariance().name().toLowerCase(Locale.ROOT));
        ObjectNode aucs = o.putObject("aucs");
        for (int m = 0; m < a.modalities().size(); m++) {
            ObjectNode row = aucs.putObject(a.modalities().get(m));
            for (int r = 0; r < a.readers().size(); r++) {
                Json.put(row, a.readers().get(r), a.aucs().get(m).get(r));
            }
        }
        Json.put(o, "ms_t", a.msT());
        Json.put(o, "ms_r", a.msR());
        Json.put(o, "ms_tr", a.msTR());
        Json.put(o, "var_error", a.varError());
        Json.put(o, "cov1", a.cov1());
        Json.put(o, "cov2", a.cov2());
        Json.put(o, "cov3", a.cov3());
        Json.put(o, "var_r", a.varR());
        Json.put(o, "var_tr", a.varTR());
        a.dbm()
                .ifPresent(
                        d -> {
                            ObjectNode b = o.putObject("dbm_components");
                            Json.put(b, "var_r", d.varR());
                            Json.put(b, "var_c", d.varC());
                            Json.put(b, "var_tr", d.varTR());
                            Json.put(b, "var_tc", d.varTC());
                            Json.put(b, "var_rc", d.varRC());
                            Json.put(b, "var_trc_error", d.varTRCError());
                        });
        ObjectNode g = o.putObject("global");
        g.put("distribution", a.global().distribution());
        Json.put(g, "df1", a.global().df1());
        Json.put(g, "df2", a.global().df2());
        Json.put(g, "statistic", a.global().statistic());
        Json.put(g, "p", a.global().p());
        a.global().undefinedReason().ifPresent(r -> g.put("undefined", r));
        ArrayNode diffs = o.putArray("differences");
        a.differences().forEach(e -> diffs.add(orEstimate(e)));
        ArrayNode single = o.putArray("single");
        a.single().forEach(e -> single.add(orEstimate(e)));
        return o;
    }

    private static ObjectNode orEstimate(OrEstimate e) {
        ObjectNode o = Json.object();
        o.put("modality", e.modality());
        if (e.minus().isPresent()) o.put("minus", e.minus().get());
        Json.put(o, e.minus().isPresent() ? "difference" : "auc", e.estimate());
        Json.put(o, "se", e.standardError());
        o.set("test", test(e.test()));
        return o;
    }
}
