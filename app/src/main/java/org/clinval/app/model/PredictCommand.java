package org.clinval.app.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.OptionValues;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.phantom.PhantomCase;
import org.clinval.imaging.phantom.PhantomGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clinval model predict}: run a model on phantom cases and print its predictions. */
@Command(
        name = "predict",
        description =
                "Run a model on DICOM images (--input) or generated phantom cases and print one result per image.")
public final class PredictCommand implements Callable<Integer> {

    @Mixin ModelChoice choice;

    @Mixin ImageInput input;

    @Option(
            names = "--cases",
            paramLabel = "N",
            description = "Number of phantom cases (with --phantom-seed).")
    Integer cases;

    @Option(
            names = "--batch",
            paramLabel = "B",
            defaultValue = "8",
            description = "Images per engine call (default: ${DEFAULT-VALUE}).")
    int batch;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws ModelRunException {
        if (input.phantom() != null && cases == null) {
            throw new UserError("--phantom-seed needs --cases N");
        }
        // Every result is kept for the JSON answer, and a batch of images is held in memory.
        if (cases != null) OptionValues.count("--cases", cases, 1, 100_000);
        OptionValues.count("--batch", batch, 1, 256);
        if (input.files() != null) {
            return dicom(input.files());
        }
        PhantomInput phantom = input.phantom();
        PhantomGenerator g = phantom.generator();
        ObjectNode o = Json.object();
        ArrayNode rows = Json.array();
        try (ImageModel model = choice.load();
                ImagePredictor p = model.newPredictor()) {
            o.put("model", model.descriptor().name() + " " + model.descriptor().version());
            o.put("sha256", model.weightsSha256());
            Json.put(o, "threshold", model.descriptor().threshold());
            o.put("rule", ">=");
            o.put("phantom_seed", phantom.seed);
            for (int from = 0; from < cases; from += batch) {
                List<PhantomCase> part = new ArrayList<>();
                for (int i = from; i < Math.min(cases, from + batch); i++) {
                    part.add(g.generateCase(i));
                }
                List<ImageSlice> slices =
                        part.stream().map(c -> ImageSlice.of(c.image(), 0)).toList();
                List<Prediction> preds = p.predictAll(slices);
                for (int k = 0; k < part.size(); k++) {
                    rows.add(row(part.get(k), slices.get(k), preds.get(k)));
                }
            }
        }
        o.put("cases", rows.size());
        o.set("results", rows);
        spec.commandLine().getOut().println(Json.write(o));
        return 0;
    }

    /** Predicts each DICOM file; an unreadable one gets an {@code error} and exit code 1. */
    private Integer dicom(List<java.nio.file.Path> files) throws ModelRunException {
        ObjectNode o = Json.object();
        ArrayNode rows = Json.array();
        int failed = 0;
        try (ImageModel model = choice.load();
                ImagePredictor p = model.newPredictor()) {
            o.put("model", model.descriptor().name() + " " + model.descriptor().version());
            o.put("sha256", model.weightsSha256());
            Json.put(o, "threshold", model.descriptor().threshold());
            o.put("rule", ">=");
            ModelDescriptor d = model.descriptor();
            preprocessing(o, d);
            boolean spacing = d.task() == Task.SEGMENTATION;
            for (java.nio.file.Path f : files) {
                ObjectNode r = Json.object();
                r.put("file", f.toString());
                try {
                    ImageSlice s = org.clinval.imaging.model.DicomSlices.read(f, spacing);
                    ArrayNode read = Json.array();
                    s.context().read().forEach(read::add);
                    r.set("read", read);
                    Prediction pred = p.predict(s);
                    Json.put(r, "probability", pred.probability());
                    r.put("positive", pred.positive());
                    grade(r, d, pred);
                    mask(r, s, pred);
                } catch (org.clinval.imaging.dicom.DicomReadException e) {
                    r.put("error", e.getMessage());
                    failed++;
                } catch (ModelRunException e) {
                    r.put("error", f + ": " + e.getMessage());
                    failed++;
                }
                rows.add(r);
            }
        }
        o.put("images", rows.size());
        o.set("results", rows);
        spec.commandLine().getOut().println(Json.write(o));
        if (failed > 0) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "clinval: "
                                    + failed
                                    + " of "
                                    + files.size()
                                    + " files could not be read");
        }
        return failed > 0 ? 1 : 0;
    }

    /** The preprocessing steps by name, in order, with their parameters (the run's provenance). */
    private static void preprocessing(ObjectNode o, ModelDescriptor d) {
        ArrayNode steps = Json.array();
        d.preprocessing().names().forEach(steps::add);
        o.set("preprocessing_steps", steps);
        o.set(
                "preprocessing",
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .valueToTree(d.preprocessing().describe()));
    }

    /** A grading model's grade name and one probability per grade (or the expected grade). */
    private static void grade(ObjectNode r, ModelDescriptor d, Prediction p) {
        if (d.task() != Task.GRADING) return;
        r.put("grade", p.grade());
        r.put("grade_name", d.grades().get(p.grade()));
        double[] c = p.classProbabilities();
        if (d.expectedGrade()) {
            Json.put(r, "expected_grade", c[0]);
            return;
        }
        ObjectNode probs = Json.object();
        for (int k = 0; k < c.length; k++) Json.put(probs, d.grades().get(k), c[k]);
        r.set("grade_probabilities", probs);
    }

    private static void mask(ObjectNode r, ImageSlice s, Prediction p) {
        p.mask()
                .ifPresent(
                        m -> {
                            int n = 0;
                            for (boolean b : m) if (b) n++;
                            r.put("mask_pixels", n);
                            Json.put(
                                    r, "mask_area_mm2", n * s.rowSpacingMm() * s.columnSpacingMm());
                        });
    }

    private static ObjectNode row(PhantomCase c, ImageSlice s, Prediction p) {
        ObjectNode r = Json.object();
        r.put("case_id", c.caseId());
        r.put("site", c.site().id());
        Json.put(r, "probability", p.probability());
        r.put("positive", p.positive());
        r.put("reference_positive", c.positive());
        mask(r, s, p);
        return r;
    }
}
