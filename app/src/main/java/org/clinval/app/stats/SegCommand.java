package org.clinval.app.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.common.Quote;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.validation.segmentation.Mask;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.validation.segmentation.SegmentationMetrics;
import org.clinval.validation.segmentation.SegmentationResult;
import org.clinval.validation.segmentation.Spacing;
import org.clinval.validation.segmentation.VoxelCounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval stats seg}: overlap and surface distances of a predicted and a reference mask. */
@Command(
        name = "seg",
        mixinStandardHelpOptions = true,
        description =
                "Segmentation metrics of two NIfTI-1 masks (.nii or .nii.gz; non-zero voxels are"
                        + " foreground): Dice, IoU, Hausdorff, HD95 (max of the directed 95th"
                        + " percentiles), HD95 pooled, ASSD, surface Dice.")
public final class SegCommand implements Callable<Integer> {

    @Option(
            names = "--pred",
            required = true,
            paramLabel = "FILE",
            description = "Predicted mask (NIfTI-1).")
    Path pred;

    @Option(
            names = "--truth",
            required = true,
            paramLabel = "FILE",
            description = "Reference mask (NIfTI-1), same dimensions as --pred.")
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
                    "Surface-Dice tolerance in mm. Without it surface_dice is null, with the"
                            + " reason under \"undefined\".")
    Double tolerance;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (tolerance != null) OptionValues.nonNegative("--tolerance", tolerance);
        Nifti1 p = Nifti1.read(pred);
        Nifti1 t = Nifti1.read(truth);
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
        String source;
        Spacing s;
        if (spacing != null) {
            s = parseSpacing(spacing, p.shape().length);
            source = "--spacing";
        } else {
            s = headerSpacing(p, t);
            source = "header pixdim (units " + t.spatialUnits() + ")";
        }
        Mask a = p.mask();
        Mask b = t.mask();
        OptionalDouble tol =
                tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(tolerance);
        SegmentationResult r = SegmentationMetrics.compute(a, b, s, tol);
        spec.commandLine().getOut().println(Json.write(json(p, t, r, source)));
        return 0;
    }

    private static Spacing parseSpacing(String text, int axes) {
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

    private ObjectNode json(Nifti1 p, Nifti1 t, SegmentationResult r, String source) {
        ObjectNode o = Json.object();
        o.put("pred", p.file());
        o.put("truth", t.file());
        ArrayNode shape = o.putArray("shape");
        for (int n : p.shape()) shape.add(n);
        ArrayNode mm = o.putArray("spacing");
        for (double v : r.spacing().values()) mm.add(v);
        o.put("spacing_source", source);
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
        VoxelCounts v = r.voxels();
        ObjectNode voxels = o.putObject("voxels");
        voxels.put("prediction", v.prediction());
        voxels.put("reference", v.reference());
        voxels.put("intersection", v.intersection());
        voxels.put("prediction_surface", v.predictionSurface());
        voxels.put("reference_surface", v.referenceSurface());
        return o;
    }
}
