package org.clinval.app.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UsageError;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.explain.ExplanationMap;
import org.clinval.imaging.explain.GradCam;
import org.clinval.imaging.explain.Lime;
import org.clinval.imaging.explain.Occlusion;
import org.clinval.imaging.explain.Overlay;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.phantom.PhantomCase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clinval model explain}: an explanation map of one phantom case, as a PNG overlay. */
@Command(
        name = "explain",
        description =
                "Explain a model's prediction on one phantom case: Grad-CAM (built-in "
                        + "classifier), occlusion or LIME (any model); writes a PNG overlay.")
public final class ExplainCommand implements Callable<Integer> {

    @Mixin ModelChoice choice;

    @Mixin ImageInput input;

    @Option(
            names = "--case",
            defaultValue = "0",
            paramLabel = "I",
            description = "Index of the phantom case (0-based; default: ${DEFAULT-VALUE}).")
    int caseIndex;

    @Option(
            names = "--method",
            required = true,
            paramLabel = "grad-cam|occlusion|lime",
            description = "Explanation method.")
    String method;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "LIME sampling seed (required for lime).")
    Long seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE.png",
            description = "Where to write the overlay.")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ModelRunException {
        if (caseIndex < 0) throw new UserError("--case is negative: " + caseIndex);
        // ImageIO deletes what is at the path before writing, an empty folder included.
        if (Files.isDirectory(out)) {
            throw new UsageError("--out " + out + " is a folder; give a file name ending in .png");
        }
        String m = method.toLowerCase(Locale.ROOT);
        if (m.equals("lime") && seed == null) {
            throw new UserError("--method lime needs an explicit --seed");
        }
        PhantomCase c = null;
        ImageSlice slice;
        if (input.files() != null) {
            if (input.files().size() != 1) {
                throw new UserError("explain takes one --input file, not " + input.files().size());
            }
            try {
                // A photograph has no Pixel Spacing; the explained models need no sizes.
                slice = org.clinval.imaging.model.DicomSlices.read(input.files().get(0), false);
            } catch (org.clinval.imaging.dicom.DicomReadException e) {
                throw new UserError(e.getMessage(), e);
            }
        } else {
            c = input.phantom().generator().generateCase(caseIndex);
            slice = ImageSlice.of(c.image(), 0);
        }
        ExplanationMap map;
        try (ImageModel model = choice.load();
                ImagePredictor p = model.newPredictor()) {
            int cell = Math.max(1, slice.rows() / 16);
            // Grey images fill with lung parenchyma; a colour photograph with each channel's 5th
            // percentile.
            double[] fill =
                    slice.channels() == 3
                            ? org.clinval.imaging.explain.Fill.percentile(slice, 0.05)
                            : new double[] {-850};
            map =
                    switch (m) {
                        case "grad-cam" -> GradCam.explain(model, slice);
                        case "occlusion" ->
                                Occlusion.builder()
                                        .setPatch(2 * cell)
                                        .setStride(cell)
                                        .setChannelFills(fill)
                                        .build()
                                        .explain(p, slice);
                        case "lime" ->
                                Lime.builder()
                                        .setCells(16)
                                        .setSamples(300)
                                        .setSeed(seed)
                                        .setChannelFills(fill)
                                        .build()
                                        .explain(p, slice);
                        default ->
                                throw new UserError(
                                        "--method is not grad-cam, occlusion or lime: " + method);
                    };
        }
        try {
            Overlay.writePng(out, slice.raster(), map.map(), -1000, 400, 0.6);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        }
        ObjectNode o = Json.object();
        o.put("png", out.toString());
        o.put("method", map.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("model", map.model());
        if (c != null) {
            o.put("case_id", c.caseId());
            o.put("reference_positive", c.positive());
        } else {
            o.put("file", input.files().get(0).toString());
        }
        Json.put(o, "probability", map.probability());
        o.put("peak_row", map.peakRow());
        o.put("peak_column", map.peakColumn());
        if (c != null) {
            o.put("peak_in_reference_mask", c.image().mask()[map.peakIndex()]);
        }
        ObjectNode params = o.putObject("parameters");
        map.parameters().forEach(params::put);
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }
}
