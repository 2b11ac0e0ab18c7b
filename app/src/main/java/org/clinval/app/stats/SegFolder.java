package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.segmentation.DistanceMetric;
import org.clinval.validation.segmentation.GeneralizedDice;
import org.clinval.validation.segmentation.LabelMap;
import org.clinval.validation.segmentation.LabelResult;
import org.clinval.validation.segmentation.MeanBootstrap;
import org.clinval.validation.segmentation.MultiLabelMetrics;
import org.clinval.validation.segmentation.Reduction;

/**
 * Folder mode of {@code clinval stats seg}: pairs the files of two folders by name, compares each
 * pair, writes one CSV row per case and label, and returns the aggregate. Every name found in
 * either folder is one case: a result, or skipped with its reason (no partner, not a NIfTI-1 file
 * name, unreadable, dimensions or spacing differ); a bad case never stops the others.
 */
final class SegFolder {

    private static final String FOREGROUND = "foreground";

    private final Path predDir;
    private final Path truthDir;
    private final String spacing;
    private final int[] labels;
    private final DistanceMetric metric;
    private final OptionalDouble percentile;
    private final Path casesCsv;
    private final BootstrapSpec bootstrap;
    private final Reduction reduction;
    private final PrintWriter progress;

    /** One compared case: its labels' results and, for label maps, its generalized Dice. */
    private record Case(String name, List<LabelResult> labels, double[] generalizedDice) {}

    /** One skipped case. */
    private record Skipped(String name, String reason) {}

    /**
     * @param labels the labels to compare, or null for binary masks (non-zero is foreground)
     */
    SegFolder(
            Path predDir,
            Path truthDir,
            String spacing,
            int[] labels,
            DistanceMetric metric,
            OptionalDouble percentile,
            Path casesCsv,
            int replicates,
            long seed,
            ConfidenceLevel level,
            Reduction reduction,
            PrintWriter progress) {
        this.predDir = predDir;
        this.truthDir = truthDir;
        this.spacing = spacing;
        this.labels = labels;
        this.metric = metric;
        this.percentile = percentile;
        this.casesCsv = casesCsv;
        this.bootstrap = new BootstrapSpec(replicates, seed, level);
        this.reduction = reduction;
        this.progress = progress;
        if (spacing != null) {
            // a malformed value is the user's typo, reported before any case is read
            SegCommand.parseSpacing(spacing, spacing.split(",", -1).length);
        }
    }

    /** Compares every case and returns the aggregate; writes the per-case CSV. */
    ObjectNode run() {
        Map<String, Path> predFiles = list(predDir, "--pred");
        Map<String, Path> truthFiles = list(truthDir, "--truth");
        TreeSet<String> names = new TreeSet<>(predFiles.keySet());
        names.addAll(truthFiles.keySet());
        List<Case> done = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int i = 0;
        for (String name : names) {
            i++;
            progress.printf("seg: %d/%d %s%n", i, names.size(), name);
            progress.flush();
            Path p = predFiles.get(name);
            Path t = truthFiles.get(name);
            Optional<String> why = unpaired(name, p, t);
            if (why.isPresent()) {
                skipped.add(new Skipped(name, why.get()));
                continue;
            }
            try {
                done.add(compare(name, p, t));
            } catch (UserError | IllegalArgumentException | UncheckedIOException e) {
                skipped.add(new Skipped(name, String.valueOf(e.getMessage())));
            }
        }
        writeCsv(done, skipped);
        progress.printf(
                "seg: %d cases: %d compared, %d skipped%n",
                names.size(), done.size(), skipped.size());
        progress.flush();
        return aggregate(names.size(), done, skipped);
    }

    private static Map<String, Path> list(Path dir, String option) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(f -> out.put(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new UserError(option + " folder " + dir + " cannot be listed: " + e.getMessage());
        }
        return out;
    }

    private static Optional<String> unpaired(String name, Path p, Path t) {
        if (p == null) return Optional.of("no file of this name in the --pred folder");
        if (t == null) return Optional.of("no file of this name in the --truth folder");
        if (!Files.isRegularFile(p) || !Files.isRegularFile(t)) {
            return Optional.of("not a regular file in both folders");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".nii") && !lower.endsWith(".nii.gz")) {
            return Optional.of("not a NIfTI-1 file name (.nii or .nii.gz)");
        }
        return Optional.empty();
    }

    private Case compare(String name, Path predFile, Path truthFile) {
        Nifti1 a = Nifti1.read(predFile);
        Nifti1 b = Nifti1.read(truthFile);
        SegCommand.Pair pair = SegCommand.pair(a, b, spacing);
        if (labels == null) {
            LabelResult r =
                    MultiLabelMetrics.binary(
                            a.mask(), b.mask(), pair.spacing(), metric, percentile);
            return new Case(name, List.of(r), null);
        }
        LabelMap la = a.labelMap();
        LabelMap lb = b.labelMap();
        List<LabelResult> rs =
                MultiLabelMetrics.compute(la, lb, pair.spacing(), labels, metric, percentile);
        GeneralizedDice.Weight[] ws = GeneralizedDice.Weight.values();
        double[] gd = new double[ws.length];
        for (int w = 0; w < ws.length; w++) gd[w] = GeneralizedDice.of(la, lb, labels, ws[w]);
        return new Case(name, rs, gd);
    }

    private String label(LabelResult r) {
        return r.label() == LabelResult.FOREGROUND ? FOREGROUND : Integer.toString(r.label());
    }

    private void writeCsv(List<Case> done, List<Skipped> skipped) {
        List<String> header = new ArrayList<>(List.of("case", "status", "label"));
        header.addAll(LabelResult.KEYS);
        if (labels != null) {
            for (GeneralizedDice.Weight w : GeneralizedDice.Weight.values()) {
                header.add("generalized_dice_" + w.key());
            }
        }
        header.addAll(List.of("pred_voxels", "truth_voxels", "intersection", "reason"));
        try (BufferedWriter w = Files.newBufferedWriter(casesCsv, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write("\n");
            for (Case c : done) {
                for (LabelResult r : c.labels()) {
                    List<String> row = new ArrayList<>(List.of(csv(c.name()), "ok", label(r)));
                    List<String> reasons = new ArrayList<>();
                    for (String k : LabelResult.KEYS) {
                        OptionalDouble v = r.value(k);
                        row.add(v.isPresent() ? Double.toString(v.getAsDouble()) : "");
                        r.undefinedReason(k).ifPresent(why -> reasons.add(k + ": " + why));
                    }
                    if (c.generalizedDice() != null) {
                        for (double g : c.generalizedDice()) row.add(Double.toString(g));
                    }
                    row.add(Long.toString(r.voxels().prediction()));
                    row.add(Long.toString(r.voxels().reference()));
                    row.add(Long.toString(r.voxels().intersection()));
                    row.add(csv(String.join("; ", reasons)));
                    w.write(String.join(",", row));
                    w.write("\n");
                }
            }
            int blanks = header.size() - 4;
            for (Skipped s : skipped) {
                w.write(csv(s.name()) + ",skipped," + ",".repeat(blanks) + "," + csv(s.reason()));
                w.write("\n");
            }
        } catch (IOException e) {
            throw new UserError("--cases " + casesCsv + " cannot be written: " + e.getMessage());
        }
    }

    /** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String csv(String field) {
        if (field.indexOf(',') < 0
                && field.indexOf('"') < 0
                && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private ObjectNode aggregate(int casesIn, List<Case> done, List<Skipped> skipped) {
        ObjectNode o = Json.object();
        o.put("pred_dir", predDir.toString());
        o.put("truth_dir", truthDir.toString());
        o.put("cases_csv", casesCsv.toString());
        if (labels == null) {
            o.put("labels", FOREGROUND);
        } else {
            ArrayNode l = o.putArray("labels");
            for (int v : labels) l.add(v);
            o.put("include_background", Arrays.stream(labels).anyMatch(v -> v == 0));
        }
        o.put("distance_metric", metric.key());
        o.put("distance_unit", metric.unit());
        Json.put(o, "percentile", percentile);
        o.put("spacing_source", spacing != null ? "--spacing" : "header pixdim of each case");
        if (reduction != null) o.put("reduction", reduction.key());
        o.put("cases_in", casesIn);
        o.put("results", done.size());
        o.put("skipped_count", skipped.size());
        ArrayNode sk = o.putArray("skipped");
        for (Skipped s : skipped) {
            ObjectNode e = sk.addObject();
            e.put("case", s.name());
            e.put("reason", s.reason());
        }
        ObjectNode b = o.putObject("bootstrap");
        b.put("replicates", bootstrap.replicates());
        b.put("seed", bootstrap.seed());
        Json.put(b, "level", bootstrap.level().value());
        b.put("resampling", MeanBootstrap.RESAMPLING);
        ObjectNode metrics = o.putObject("metrics");
        int nLabels = labels == null ? 1 : labels.length;
        for (String k : LabelResult.KEYS) {
            ObjectNode m = metrics.putObject(k);
            ArrayNode perLabel = m.putArray("per_label");
            OptionalDouble[][] table = new OptionalDouble[done.size()][nLabels];
            for (int l = 0; l < nLabels; l++) {
                List<OptionalDouble> values = new ArrayList<>();
                Map<String, Integer> reasons = new TreeMap<>();
                for (int c = 0; c < done.size(); c++) {
                    LabelResult r = done.get(c).labels().get(l);
                    table[c][l] = r.value(k);
                    values.add(r.value(k));
                    r.undefinedReason(k).ifPresent(why -> reasons.merge(why, 1, Integer::sum));
                }
                String name = labels == null ? FOREGROUND : Integer.toString(labels[l]);
                perLabel.add(summary(name, values, reasons));
            }
            m.set("mean", SegCommand.cellJson(Reduction.MEAN.reduce(table).get(0)));
            if (reduction != null) {
                ArrayNode cells = m.putArray(reduction.key());
                List<Reduction.Cell> reduced = reduction.reduce(table);
                for (int j = 0; j < reduced.size(); j++) {
                    ObjectNode cell = SegCommand.cellJson(reduced.get(j));
                    switch (reduction) {
                        case MEAN_BATCH, SUM_BATCH -> cell.put("label", labelName(j));
                        case MEAN_CHANNEL, SUM_CHANNEL -> cell.put("case", done.get(j).name());
                        case NONE -> {
                            cell.put("case", done.get(j / nLabels).name());
                            cell.put("label", labelName(j % nLabels));
                        }
                        default -> {
                            // one cell
                        }
                    }
                    cells.add(cell);
                }
            }
        }
        if (labels != null) {
            ObjectNode g = o.putObject("generalized_dice");
            GeneralizedDice.Weight[] ws = GeneralizedDice.Weight.values();
            for (int w = 0; w < ws.length; w++) {
                List<OptionalDouble> values = new ArrayList<>();
                for (Case c : done) values.add(OptionalDouble.of(c.generalizedDice()[w]));
                g.set(ws[w].key(), summary(null, values, Map.of()));
            }
        }
        return o;
    }

    private String labelName(int l) {
        return labels == null ? FOREGROUND : Integer.toString(labels[l]);
    }

    /** n, defined, undefined with reasons, mean, median and the bootstrap CI of the mean. */
    private ObjectNode summary(
            String label, List<OptionalDouble> values, Map<String, Integer> reasons) {
        ObjectNode s = Json.object();
        if (label != null) s.put("label", label);
        double[] x =
                values.stream()
                        .filter(OptionalDouble::isPresent)
                        .mapToDouble(OptionalDouble::getAsDouble)
                        .toArray();
        s.put("n", values.size());
        s.put("n_defined", x.length);
        s.put("n_undefined", values.size() - x.length);
        ObjectNode why = s.putObject("undefined_reasons");
        reasons.forEach(why::put);
        if (x.length == 0) {
            s.putNull("mean");
            s.putNull("median");
            s.putNull("ci");
            s.put("ci_undefined", "no defined value");
            return s;
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int k = sorted.length;
        double median = k % 2 == 1 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
        Optional<BootstrapInterval> ci = MeanBootstrap.of(x, bootstrap);
        double mean = 0;
        for (double v : x) mean += v;
        Json.put(s, "mean", ci.isPresent() ? ci.get().estimate() : mean / k);
        Json.put(s, "median", median);
        if (ci.isPresent()) {
            s.set("ci", JsonResults.bootstrap(ci.get()));
        } else {
            s.putNull("ci");
            s.put("ci_undefined", "one defined value: nothing to resample");
        }
        return s;
    }
}
