package org.clinval.app.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.app.stats.JsonResults;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.model.training.CaseResult;
import org.clinval.imaging.model.training.Evaluation;
import org.clinval.imaging.model.training.TrainingSpec;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval model evaluate}: a model on a freshly generated held-out phantom study. These are
 * the figures in the model cards.
 */
@Command(
        name = "evaluate",
        description =
                "Evaluate a model on freshly generated held-out phantoms (256 x 256, prevalence "
                        + "0.5): AUC with DeLong CI, sensitivity/specificity at the threshold, "
                        + "per-diameter results, Dice (segmenters), Grad-CAM hit rate "
                        + "(built-in classifier).")
public final class EvaluateCommand implements Callable<Integer> {

    /** Diameter bands in mm, by the case's largest nodule: [low, high). */
    static final double[][] BANDS = {{3, 6}, {6, 10}, {10, 15}, {15, 20.001}};

    @Mixin ModelChoice choice;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Phantom seed (default: the held-out seed ${DEFAULT-VALUE}).",
            defaultValue = "" + TrainingSpec.EVALUATION_SEED)
    long seed;

    @Option(
            names = "--cases",
            paramLabel = "N",
            defaultValue = "600",
            description = "Phantom cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(
            names = "--no-grad-cam",
            description = "Skip the Grad-CAM check of the built-in classifier.")
    boolean noGradCam;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write per-case results.")
    Path csv;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ModelRunException {
        // Every case's result is kept in memory for the summary.
        OptionValues.count("--cases", cases, 2, 100_000);
        if (csv != null && Files.isDirectory(csv)) {
            throw new UsageError("--csv " + csv + " is a folder; give a file name");
        }
        var err = spec.commandLine().getErr();
        List<CaseResult> results;
        ObjectNode o = Json.object();
        try (ImageModel model = choice.load()) {
            boolean gradCam =
                    !noGradCam
                            && model.descriptor()
                                    .architecture()
                                    .map(a -> a.equals("nodule-classifier-v1"))
                                    .orElse(false);
            results =
                    Evaluation.run(model, seed, cases, gradCam, l -> err.println("clinval: " + l));
            o.put("model", model.descriptor().name() + " " + model.descriptor().version());
            o.put("sha256", model.weightsSha256());
            o.put("task", model.descriptor().task().name().toLowerCase(Locale.ROOT));
            Json.put(o, "threshold", model.descriptor().threshold());
            o.put("phantom_seed", seed);
            o.put("cases", results.size());
            imageLevel(o, results, model.descriptor().threshold());
            o.set("by_diameter_band", bands(results));
            if (model.descriptor().task() == Task.SEGMENTATION) o.set("dice", dice(results));
            if (gradCam) o.set("grad_cam", gradCam(results));
        }
        if (csv != null) writeCsv(results);
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private static void imageLevel(ObjectNode o, List<CaseResult> r, double threshold) {
        ConfidenceLevel level = ConfidenceLevel.of(0.95);
        boolean[] y = new boolean[r.size()];
        double[] s = new double[r.size()];
        long tp = 0, pos = 0, tn = 0, neg = 0;
        for (int i = 0; i < r.size(); i++) {
            y[i] = r.get(i).positive();
            s[i] = r.get(i).probability();
            boolean called = s[i] >= threshold;
            if (y[i]) {
                pos++;
                if (called) tp++;
            } else {
                neg++;
                if (!called) tn++;
            }
        }
        if (pos > 0 && neg > 0) {
            JsonResults.auc(o, DeLong.auc(RocInput.of(y, s, Direction.HIGHER), level));
        } else {
            o.putNull("auc");
            o.put("auc_undefined", "needs positive and negative cases");
        }
        o.set("sensitivity", JsonResults.proportion(Proportion.of("sensitivity", tp, pos, level)));
        o.set("specificity", JsonResults.proportion(Proportion.of("specificity", tn, neg, level)));
    }

    /** AUC of each band's positives against all negatives, and their sensitivity. */
    private static ObjectNode bands(List<CaseResult> r) {
        ObjectNode out = Json.object();
        List<CaseResult> negatives = r.stream().filter(c -> !c.positive()).toList();
        for (double[] b : BANDS) {
            Predicate<CaseResult> in =
                    c ->
                            c.positive()
                                    && c.largestDiameterMm() >= b[0]
                                    && c.largestDiameterMm() < b[1];
            List<CaseResult> pos = r.stream().filter(in).toList();
            ObjectNode k = out.putObject(band(b));
            k.put("n_positive", pos.size());
            if (!pos.isEmpty() && !negatives.isEmpty()) {
                boolean[] y = new boolean[pos.size() + negatives.size()];
                double[] s = new double[y.length];
                for (int i = 0; i < pos.size(); i++) {
                    y[i] = true;
                    s[i] = pos.get(i).probability();
                }
                for (int i = 0; i < negatives.size(); i++) {
                    s[pos.size() + i] = negatives.get(i).probability();
                }
                Json.put(
                        k,
                        "auc_vs_all_negatives",
                        DeLong.auc(RocInput.of(y, s, Direction.HIGHER), ConfidenceLevel.of(0.95))
                                .auc());
            } else {
                k.putNull("auc_vs_all_negatives");
            }
            long segCases = pos.stream().filter(c -> c.dice().isPresent()).count();
            if (segCases > 0) {
                double[] d =
                        pos.stream()
                                .filter(c -> c.dice().isPresent())
                                .mapToDouble(c -> c.dice().getAsDouble())
                                .toArray();
                Json.put(k, "mean_dice", Arrays.stream(d).average().orElseThrow());
                k.put("n_dice", d.length);
            }
        }
        return out;
    }

    private static String band(double[] b) {
        return String.format(Locale.ROOT, "%.0f-%.0f mm", b[0], Math.floor(b[1]));
    }

    private static ObjectNode dice(List<CaseResult> r) {
        ObjectNode o = Json.object();
        double[] d =
                r.stream()
                        .filter(c -> c.positive() && c.truthPixels() > 0)
                        .mapToDouble(c -> c.dice().orElse(0))
                        .sorted()
                        .toArray();
        o.put(
                "definition",
                "per case 2|P∩T|/(|P|+|T|) over the slice; mean over cases with a nodule whose "
                        + "reference mask is not empty; a missed nodule counts 0");
        o.put("n", d.length);
        if (d.length > 0) {
            Json.put(o, "mean", Arrays.stream(d).average().orElseThrow());
            Json.put(o, "median", d[d.length / 2]);
        } else {
            o.putNull("mean");
            o.put("undefined", "no case with a non-empty reference mask");
        }
        o.put(
                "positives_with_empty_reference_mask",
                r.stream().filter(c -> c.positive() && c.truthPixels() == 0).count());
        List<CaseResult> neg = r.stream().filter(c -> !c.positive()).toList();
        ObjectNode n = o.putObject("negatives");
        n.put(
                "handling",
                "Dice is undefined (0/0) on a case without nodule when nothing is marked; "
                        + "negatives are reported as false-positive images instead");
        n.put("n", neg.size());
        n.put("with_any_marked_pixel", neg.stream().filter(c -> c.predictedPixels() > 0).count());
        Json.put(
                n,
                "mean_marked_pixels",
                neg.stream().mapToInt(CaseResult::predictedPixels).average().orElse(0));
        return o;
    }

    private static ObjectNode gradCam(List<CaseResult> r) {
        long n = r.stream().filter(c -> c.gradCamPeakInNodule().isPresent()).count();
        long hit = r.stream().filter(c -> c.gradCamPeakInNodule().orElse(false)).count();
        ObjectNode o =
                JsonResults.proportion(
                        Proportion.of("peak in nodule", hit, n, ConfidenceLevel.of(0.95)));
        o.put(
                "definition",
                "true positives (nodule present, probability >= threshold) whose Grad-CAM peak "
                        + "pixel lies in the reference nodule mask");
        return o;
    }

    private void writeCsv(List<CaseResult> results) {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            w.println(
                    "case_id,site,positive,largest_diameter_mm,probability,truth_pixels,"
                            + "predicted_pixels,dice,grad_cam_peak_in_nodule");
            for (CaseResult c : results) {
                w.printf(
                        Locale.ROOT,
                        "%s,%s,%d,%.2f,%.6f,%d,%d,%s,%s%n",
                        c.caseId(),
                        c.site(),
                        c.positive() ? 1 : 0,
                        c.largestDiameterMm(),
                        c.probability(),
                        c.truthPixels(),
                        c.predictedPixels(),
                        c.dice().isPresent()
                                ? String.format(Locale.ROOT, "%.4f", c.dice().getAsDouble())
                                : "",
                        c.gradCamPeakInNodule().map(b -> b ? "1" : "0").orElse(""));
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }
}
