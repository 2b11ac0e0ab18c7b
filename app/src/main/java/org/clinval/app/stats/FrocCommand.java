package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.app.io.CsvTable;
import org.clinval.common.csv.CsvReader;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.detection.Candidate;
import org.clinval.validation.detection.Froc;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.FrocPoint;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.detection.Lesion;
import org.clinval.validation.detection.MatchedDetections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clinval stats froc}: FROC sensitivities and the LUNA16 CPM of detection marks. */
@Command(
        name = "froc",
        description =
                "FROC analysis of detection marks against reference lesions (LUNA16 matching):"
                        + " sensitivity at 1/8 to 8 false positives per scan, CPM, optional"
                        + " bootstrap over scans.")
public final class FrocCommand implements Callable<Integer> {

    /** The most scans: a bootstrap replicate draws this many. */
    static final int MAX_SCANS = 10_000_000;

    @Option(
            names = "--candidates",
            required = true,
            paramLabel = "FILE",
            description = "CSV of detection marks with columns scan,x,y,z,score (mm).")
    Path candidates;

    @Option(
            names = "--truth",
            required = true,
            paramLabel = "FILE",
            description = "CSV of reference lesions with columns scan,x,y,z,radius (mm).")
    Path truth;

    @Option(
            names = "--scans",
            required = true,
            paramLabel = "N",
            description = "Number of scans in the study, including scans without lesions or marks.")
    int scans;

    @Option(
            names = "--bootstrap",
            paramLabel = "N",
            description = "Bootstrap replicates over scans.")
    Integer bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Bootstrap seed (required with --bootstrap).")
    Long seed;

    @Mixin Confidence confidence;

    @Option(names = "--curve", description = "Include every operating point of the curve.")
    boolean curve;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConfidenceLevel level = confidence.level();
        OptionValues.count("--scans", scans, 1, MAX_SCANS);
        if (bootstrap != null) {
            OptionValues.count(
                    "--bootstrap", bootstrap, RocCommand.MIN_REPLICATES, RocCommand.MAX_REPLICATES);
            if (seed == null) throw new UsageError("--bootstrap needs an explicit --seed");
        }
        // A detector may mark nothing, and a study may hold no lesion: FROC then answers with
        // its undefined values, so a header-only file is read as no rows.
        CsvTable ct = CsvTable.readMaybeEmpty(candidates, columns("score"));
        CsvTable tt = CsvTable.readMaybeEmpty(truth, columns("radius"));
        List<Candidate> marks = candidates(ct);
        List<Lesion> lesions = lesions(tt);
        Set<String> ids = new HashSet<>();
        marks.forEach(c -> ids.add(c.scan()));
        lesions.forEach(l -> ids.add(l.scan()));
        if (scans < ids.size()) {
            throw new UserError(
                    "--scans "
                            + scans
                            + " is below the "
                            + ids.size()
                            + " distinct scan identifiers in "
                            + ct.file()
                            + " and "
                            + tt.file());
        }
        MatchedDetections d = MatchedDetections.of(marks, lesions, scans);
        FrocResult r = Froc.of(d);

        ObjectNode o = Json.object();
        o.put("candidates_file", ct.file());
        o.put("truth_file", tt.file());
        o.put("n_scans", r.scans());
        o.put("n_lesions", r.lesions());
        o.put("n_lesions_hit", r.lesionsHit());
        o.put("n_candidates", r.candidates());
        o.put("n_false_positives", r.falsePositives());
        ObjectNode at = o.putObject("sensitivity_at_fp");
        for (double rate : Froc.LUNA16_FP_RATES) {
            Double s = r.sensitivityAtFp().get(rate);
            if (s == null) at.putNull(key(rate));
            else Json.put(at, key(rate), s);
        }
        Json.put(o, "cpm", r.cpm());
        o.put("method", r.method());
        r.undefinedReason().ifPresent(reason -> o.put("undefined", reason));
        if (bootstrap != null) {
            o.set("bootstrap", bootstrap(d, new BootstrapSpec(bootstrap, seed, level)));
        }
        if (curve && r.curve().isPresent()) {
            var points = o.putArray("curve");
            for (FrocPoint p : r.curve().get().points()) {
                ObjectNode n = points.addObject();
                Json.put(n, "threshold", p.threshold());
                Json.put(n, "fp_per_scan", p.fpPerScan());
                Json.put(n, "sensitivity", p.sensitivity());
                n.put("true_positives", p.truePositives());
                n.put("false_positives", p.falsePositives());
            }
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private static ObjectNode bootstrap(MatchedDetections d, BootstrapSpec b) {
        FrocBootstrap fb = Froc.bootstrap(d, b);
        ObjectNode o = Json.object();
        o.put("replicates", fb.replicates());
        o.put("seed", fb.seed());
        Json.put(o, "confidence_level", fb.level().value());
        o.put("replicates_without_lesions", fb.replicatesWithoutLesions());
        if (fb.undefinedReason().isPresent()) {
            o.put("undefined", fb.undefinedReason().get());
            o.putNull("cpm");
            o.putNull("sensitivity_at_fp");
            return o;
        }
        o.set("cpm", JsonResults.bootstrap(fb.cpm().orElseThrow()));
        ObjectNode at = o.putObject("sensitivity_at_fp");
        for (Map.Entry<Double, BootstrapInterval> e : fb.sensitivityAtFp().entrySet()) {
            at.set(key(e.getKey()), JsonResults.bootstrap(e.getValue()));
        }
        return o;
    }

    /** Returns the FP rate as a JSON key: 0.125, 0.25, 0.5, 1, 2, 4, 8. */
    static String key(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }

    /** The columns of a marks or lesions file: scan, x, y, z and {@code last}. */
    private static CsvReader columns(String last) {
        return CsvReader.builder()
                .text("scan")
                .number("x")
                .number("y")
                .number("z")
                .number(last)
                .build();
    }

    private static List<Candidate> candidates(CsvTable t) {
        String[] scan = t.strings("scan");
        double[] x = t.doubles("x"), y = t.doubles("y"), z = t.doubles("z");
        double[] score = t.doubles("score");
        List<Candidate> out = new ArrayList<>(scan.length);
        for (int i = 0; i < scan.length; i++) {
            out.add(new Candidate(scan[i], x[i], y[i], z[i], score[i]));
        }
        return out;
    }

    private static List<Lesion> lesions(CsvTable t) {
        String[] scan = t.strings("scan");
        double[] x = t.doubles("x"), y = t.doubles("y"), z = t.doubles("z");
        double[] radius = t.doubles("radius");
        List<Lesion> out = new ArrayList<>(scan.length);
        for (int i = 0; i < scan.length; i++) {
            if (!(radius[i] > 0)) {
                throw new UserError(
                        t.where(i, "radius") + ": radius is not a positive number: " + radius[i]);
            }
            out.add(new Lesion(scan[i], x[i], y[i], z[i], radius[i]));
        }
        return out;
    }
}
