package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.common.Quote;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.validation.segmentation.DirectedDistances;
import org.clinval.validation.segmentation.DistanceMetric;
import org.clinval.validation.segmentation.GeneralizedDice;
import org.clinval.validation.segmentation.LabelMap;
import org.clinval.validation.segmentation.LabelResult;
import org.clinval.validation.segmentation.Mask;
import org.clinval.validation.segmentation.MultiLabelMetrics;
import org.clinval.validation.segmentation.Reduction;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.validation.segmentation.SegmentationMetrics;
import org.clinval.validation.segmentation.SegmentationResult;
import org.clinval.validation.segmentation.Spacing;
import org.clinval.validation.segmentation.SurfaceDistanceMetrics;
import org.clinval.validation.segmentation.VoxelCounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval stats seg}: overlap and surface distances of a predicted and a reference mask or
 * label map, or of every pair of files of the same name in two folders ({@link SegFolder}).
 */
@Command(
        name = "seg",
        mixinStandardHelpOptions = true,
        description = {
            "Segmentation metrics of two NIfTI-1 masks (.nii or .nii.gz; non-zero voxels are"
                    + " foreground): Dice, IoU, Hausdorff, HD95 (max of the directed 95th"
                    + " percentiles), HD95 pooled, ASSD, surface Dice, and the directed"
                    + " distances (pred->truth, truth->pred) at --distance and --percentile.",
            "With --labels or --include-background the files are integer label maps and every"
                    + " label is compared (MONAI's one-hot channels): Dice, IoU, HD, HD95, ASSD,"
                    + " directed distances, generalized Dice (square, simple, uniform weights).",
            "With --pred DIR --truth DIR, files of the same name are paired: a per-case CSV goes"
                    + " to --cases, the aggregate JSON (per-label mean, median, seeded bootstrap"
                    + " CI of the mean; MONAI's mean) to stdout, progress to stderr. Unpaired,"
                    + " unreadable and mismatched files are listed with a reason and do not stop"
                    + " the others. Case ids are the file names, written as given.",
            "Undefined values (a label absent from both files, distances to an empty mask) are"
                    + " null with the reason, and counted."
        })
public final class SegCommand implements Callable<Integer> {

    @Option(
            names = "--pred",
            required = true,
            paramLabel = "FILE|DIR",
            description = "Predicted mask or label map (NIfTI-1), or a folder of them.")
    Path pred;

    @Option(
            names = "--truth",
            required = true,
            paramLabel = "FILE|DIR",
            description =
                    "Reference mask or label map (NIfTI-1), same dimensions as --pred; a folder"
                            + " when --pred is one.")
    Path truth;

    @Option(
            names = "--spacing",
            paramLabel = "A,B[,C]",
            description =
                    "Voxel spacing in mm, one value per axis; overrides the headers' pixdim"
                            + " (default: pixdim, which must agree between the two files).")
    String spacing;

    @Option(
            names = "--tolerance",
            paramLabel = "MM",
            description =
                    "Surface-Dice tolerance in mm (two binary masks only). Without it"
                            + " surface_dice is null, with the reason under \"undefined\".")
    Double tolerance;

    @Option(
            names = "--labels",
            paramLabel = "L1,L2,...",
            description =
                    "Compare these labels of integer label maps (default with"
                            + " --include-background on two files: every label present). Label 0"
                            + " needs --include-background. Folders of label maps need"
                            + " --labels, so that every case compares the same labels.")
    String labelsText;

    private int[] labels;

    @Option(
            names = "--include-background",
            description = "Compare label 0 too (MONAI's include_background); implies label maps.")
    boolean includeBackground;

    @Option(
            names = "--distance",
            defaultValue = "euclidean",
            paramLabel = "euclidean|chessboard|taxicab",
            description =
                    "Point distance of the surface distances (MONAI's distance_metric; default:"
                            + " ${DEFAULT-VALUE}). Chessboard and taxicab are in voxel steps and"
                            + " ignore the spacing, as in MONAI.")
    String distance;

    @Option(
            names = "--percentile",
            paramLabel = "P",
            description =
                    "Percentile in (0, 100] of the directed Hausdorff distances (default: the"
                            + " maximum). hd95 is always the 95th percentile, Euclidean.")
    Double percentile;

    @Option(
            names = "--cases",
            paramLabel = "FILE",
            description = "Folder mode: where to write the per-case CSV (required there).")
    Path cases;

    @Option(
            names = "--bootstrap",
            defaultValue = "2000",
            paramLabel = "N",
            description =
                    "Folder mode: bootstrap replicates of each mean's CI, 100 to 100,000"
                            + " (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Folder mode: bootstrap seed (required there).")
    Long seed;

    @Option(
            names = "--reduction",
            paramLabel = "R",
            description =
                    "Folder mode: also reduce each metric's case x label table as MONAI's"
                            + " do_metric_reduction: none, mean, sum, mean_batch (per label),"
                            + " sum_batch, mean_channel (per case), sum_channel. Undefined"
                            + " entries are left out and counted; a cell with none defined is"
                            + " null with the reason (MONAI gives 0).")
    String reduction;

    @Mixin Confidence confidence;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (tolerance != null) OptionValues.nonNegative("--tolerance", tolerance);
        DistanceMetric metric = OptionValues.parse("--distance", distance, DistanceMetric::parse);
        OptionalDouble p = percentile();
        int[] chosen = chosenLabels();
        boolean labelMode = labels != null || includeBackground;
        if (tolerance != null && labelMode) {
            throw new UsageError("--tolerance applies to two binary masks, not to label maps");
        }
        if (Files.isDirectory(pred) || Files.isDirectory(truth)) {
            if (!Files.isDirectory(pred) || !Files.isDirectory(truth)) {
                throw new UsageError(
                        "--pred and --truth must both be files or both be folders: "
                                + pred
                                + (Files.isDirectory(pred) ? " is" : " is not")
                                + " a folder, "
                                + truth
                                + (Files.isDirectory(truth) ? " is" : " is not"));
            }
            if (tolerance != null) {
                throw new UsageError("--tolerance is not available in folder mode");
            }
            if (includeBackground && labels == null) {
                throw new UsageError(
                        "folder mode compares the same labels in every case: give --labels");
            }
            Reduction r =
                    reduction == null
                            ? null
                            : OptionValues.parse("--reduction", reduction, Reduction::parse);
            if (cases == null) {
                throw new UsageError("folder mode writes the per-case table to --cases FILE");
            }
            if (seed == null) {
                throw new UsageError("folder mode bootstraps each mean: give an explicit --seed");
            }
            OptionValues.count(
                    "--bootstrap", bootstrap, RocCommand.MIN_REPLICATES, RocCommand.MAX_REPLICATES);
            SegFolder folder =
                    new SegFolder(
                            pred,
                            truth,
                            spacing,
                            labelMode ? chosen : null,
                            metric,
                            p,
                            cases,
                            bootstrap,
                            seed,
                            confidence.level(),
                            r,
                            spec.commandLine().getErr());
            spec.commandLine().getOut().println(Json.write(folder.run()));
            return 0;
        }
        if (reduction != null) {
            throw new UsageError(
                    "--reduction reduces a folder's case x label table; for one pair the output"
                            + " has every label and their mean");
        }
        Nifti1 a = Nifti1.read(pred);
        Nifti1 b = Nifti1.read(truth);
        Pair pair = pair(a, b, spacing);
        ObjectNode o = header(a, b, pair);
        o.put("distance_metric", metric.key());
        o.put("distance_unit", metric.unit());
        Json.put(o, "percentile", p);
        if (labelMode) {
            labelsJson(o, a.labelMap(), b.labelMap(), pair.spacing(), chosen, metric, p);
        } else {
            binaryJson(o, a.mask(), b.mask(), pair.spacing(), metric, p);
        }
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    private OptionalDouble percentile() {
        if (percentile == null) return OptionalDouble.empty();
        double v = percentile;
        if (!(v > 0 && v <= 100)) {
            throw new UsageError(
                    "--percentile is not in (0, 100]: " + v + " (omit it for the maximum)");
        }
        return OptionalDouble.of(v);
    }

    /** The --labels, checked; null when not given. */
    private int[] chosenLabels() {
        if (labelsText == null) return null;
        String[] parts = labelsText.split(",", -1);
        labels = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                labels[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageError(
                        "--labels: value "
                                + (i + 1)
                                + " is not an integer: "
                                + Quote.value(parts[i]));
            }
        }
        for (int l : labels) {
            if (l < 0) throw new UsageError("--labels: a label is negative: " + l);
            if (l == 0 && !includeBackground) {
                throw new UsageError(
                        "--labels: label 0 is the background; add --include-background to"
                                + " compare it");
            }
        }
        return MultiLabelMetrics.labels(null, null, labels, includeBackground);
    }

    /** Two files' shapes and spacing, checked. */
    record Pair(Spacing spacing, String source) {}

    /**
     * Returns the spacing of two files of the same dimensions.
     *
     * @throws UserError naming both files if the dimensions or header spacings differ
     */
    static Pair pair(Nifti1 p, Nifti1 t, String spacingOption) {
        if (!Arrays.equals(p.shape(), t.shape())) {
            throw new UserError(
                    "pred "
                            + p.file()
                            + " and truth "
                            + t.file()
                            + " dimensions differ: "
                            + Arrays.toString(p.shape())
                            + " vs "
                            + Arrays.toString(t.shape()));
        }
        if (spacingOption != null) {
            return new Pair(parseSpacing(spacingOption, p.shape().length), "--spacing");
        }
        return new Pair(headerSpacing(p, t), "header pixdim (units " + t.spatialUnits() + ")");
    }

    private static ObjectNode header(Nifti1 p, Nifti1 t, Pair pair) {
        ObjectNode o = Json.object();
        o.put("pred", p.file());
        o.put("truth", t.file());
        ArrayNode shape = o.putArray("shape");
        for (int n : p.shape()) shape.add(n);
        ArrayNode mm = o.putArray("spacing");
        for (double v : pair.spacing().values()) mm.add(v);
        o.put("spacing_source", pair.source());
        return o;
    }

    private void binaryJson(
            ObjectNode o, Mask a, Mask b, Spacing s, DistanceMetric metric, OptionalDouble p) {
        OptionalDouble tol =
                tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(tolerance);
        SegmentationResult r = SegmentationMetrics.compute(a, b, s, tol);
        Json.put(o, "tolerance", r.tolerance());
        for (SegmentationMetric m : SegmentationMetric.values()) {
            Json.put(o, m.key(), r.value(m));
        }
        ArrayNode empty = o.putArray("empty");
        r.empty().names().forEach(empty::add);
        ObjectNode undefined = o.putObject("undefined");
        for (SegmentationMetric m : SegmentationMetric.values()) {
            r.undefinedReason(m).ifPresent(why -> undefined.put(m.key(), why));
        }
        o.set("voxels", voxels(r.voxels()));
        DirectedDistances d = SurfaceDistanceMetrics.compute(a, b, s, metric, p);
        ObjectNode directed = o.putObject("directed");
        Json.put(directed, "hd_pred_to_truth", d.hdPredictionToReference());
        Json.put(directed, "hd_truth_to_pred", d.hdReferenceToPrediction());
        Json.put(directed, "hd", d.hd());
        Json.put(directed, "asd_pred_to_truth", d.asdPredictionToReference());
        Json.put(directed, "asd_truth_to_pred", d.asdReferenceToPrediction());
        Json.put(directed, "assd", d.assd());
        d.undefinedReason().ifPresent(why -> directed.put("undefined", why));
    }

    private void labelsJson(
            ObjectNode o,
            LabelMap a,
            LabelMap b,
            Spacing s,
            int[] chosen,
            DistanceMetric metric,
            OptionalDouble p) {
        int[] compared = MultiLabelMetrics.labels(a, b, chosen, includeBackground);
        o.put("include_background", includeBackground);
        List<LabelResult> results = MultiLabelMetrics.compute(a, b, s, compared, metric, p);
        ArrayNode list = o.putArray("labels");
        OptionalDouble[][] table = new OptionalDouble[LabelResult.KEYS.size()][compared.length];
        for (int l = 0; l < results.size(); l++) {
            LabelResult r = results.get(l);
            list.add(labelJson(r));
            for (int k = 0; k < LabelResult.KEYS.size(); k++) {
                table[k][l] = r.value(LabelResult.KEYS.get(k));
            }
        }
        ObjectNode mean = o.putObject("mean_over_labels");
        for (int k = 0; k < LabelResult.KEYS.size(); k++) {
            Reduction.Cell c =
                    Reduction.MEAN_CHANNEL.reduce(new OptionalDouble[][] {table[k]}).get(0);
            mean.set(LabelResult.KEYS.get(k), cellJson(c));
        }
        if (compared.length == 0) {
            o.putNull("generalized_dice");
            o.put("generalized_dice_undefined", "no label to compare");
            return;
        }
        ObjectNode gd = o.putObject("generalized_dice");
        for (GeneralizedDice.Weight w : GeneralizedDice.Weight.values()) {
            Json.put(gd, w.key(), GeneralizedDice.of(a, b, compared, w));
        }
    }

    /** One label's values, voxel counts and the reasons of the undefined ones. */
    static ObjectNode labelJson(LabelResult r) {
        ObjectNode o = Json.object();
        o.put("label", r.label());
        for (String k : LabelResult.KEYS) Json.put(o, k, r.value(k));
        ObjectNode undefined = o.putObject("undefined");
        for (String k : LabelResult.KEYS) r.undefinedReason(k).ifPresent(w -> undefined.put(k, w));
        o.set("voxels", voxels(r.voxels()));
        return o;
    }

    /** A reduced cell: value, entries, defined, and why it is undefined if it is. */
    static ObjectNode cellJson(Reduction.Cell c) {
        ObjectNode o = Json.object();
        Json.put(o, "value", c.value());
        o.put("entries", c.entries());
        o.put("defined", c.defined());
        c.undefinedReason().ifPresent(w -> o.put("undefined", w));
        return o;
    }

    private static ObjectNode voxels(VoxelCounts v) {
        ObjectNode voxels = Json.object();
        voxels.put("prediction", v.prediction());
        voxels.put("reference", v.reference());
        voxels.put("intersection", v.intersection());
        voxels.put("prediction_surface", v.predictionSurface());
        voxels.put("reference_surface", v.referenceSurface());
        return voxels;
    }

    static Spacing parseSpacing(String text, int axes) {
        String[] parts = text.split(",", -1);
        if (parts.length != axes) {
            throw new UserError(
                    "--spacing "
                            + Quote.value(text)
                            + " has "
                            + parts.length
                            + " values but the masks have "
                            + axes
                            + " axes");
        }
        double[] mm = new double[axes];
        for (int i = 0; i < axes; i++) {
            try {
                mm[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageError(
                        "--spacing: value "
                                + (i + 1)
                                + " is not a number: "
                                + Quote.value(parts[i]));
            }
            OptionValues.positive("--spacing value " + (i + 1), mm[i]);
        }
        try {
            return Spacing.of(mm);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--spacing: " + e.getMessage());
        }
    }

    /** The truth's header spacing, which the prediction's must equal to float precision. */
    private static Spacing headerSpacing(Nifti1 p, Nifti1 t) {
        double[] truthMm = t.spacingMm();
        double[] predMm = p.spacingMm();
        for (int axis = 0; axis < truthMm.length; axis++) {
            if (Math.abs(predMm[axis] - truthMm[axis]) > 1e-6 * truthMm[axis]) {
                throw new UserError(
                        "pred "
                                + p.file()
                                + " and truth "
                                + t.file()
                                + " spacing differ: pixdim["
                                + (axis + 1)
                                + "] is "
                                + predMm[axis]
                                + " vs "
                                + truthMm[axis]
                                + " mm (give --spacing to choose one)");
            }
        }
        return Spacing.of(truthMm);
    }
}
