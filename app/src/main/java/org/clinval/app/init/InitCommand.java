package org.clinval.app.init;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.common.Quote;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.OutputKind;
import org.clinval.imaging.preprocess.HuWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval init STUDY_DIR --dicom D --ground-truth G --model M}: drafts a study folder. */
@Command(
        name = "init",
        description =
                "Draft a study folder from a DICOM folder, a ground truth and a model: the model's"
                        + " descriptor (weights copied into STUDY_DIR/model), protocol.yaml and"
                        + " features/acceptance.feature. The images and the ground truth are read"
                        + " where they are. Prints the paths written and the next command.")
public final class InitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY_DIR", description = "The study folder (created if needed).")
    Path study;

    @Option(
            names = "--dicom",
            required = true,
            paramLabel = "D",
            description = "Folder of the DICOM images, one folder per case.")
    Path dicom;

    @Option(
            names = "--ground-truth",
            required = true,
            paramLabel = "G",
            description = "Ground-truth CSV with case_id and label columns.")
    Path groundTruth;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "M",
            description =
                    "Model file: ONNX (.onnx) or TorchScript (.pt); or a model descriptor (.yaml),"
                            + " used as it is.")
    Path model;

    @Option(
            names = "--positive-class",
            paramLabel = "L",
            description =
                    "Ground-truth label of the positive class (default: 1 when the labels"
                            + " are exactly 0 and 1).")
    String positiveClass;

    @Option(
            names = "--id",
            paramLabel = "ID",
            description = "Study id (default: from the folder name).")
    String id;

    @Option(
            names = "--output",
            paramLabel = "logit|probability|score",
            description = "What the model's outputs are (default: logit).")
    String output;

    @Option(
            names = "--window",
            paramLabel = "LOW,HIGH",
            description = "Value range the model keeps: a HU window for CT (default -1000,400).")
    String window;

    @Option(
            names = "--input-size",
            paramLabel = "C,H,W",
            description =
                    "Channels, height and width of the model's input, for a model file that does"
                            + " not state them (TorchScript).")
    String inputSize;

    @Option(
            names = "--positive-index",
            paramLabel = "I",
            description = "Output of the positive class, from 0 (default: the last of 1 or 2).")
    Integer positiveIndex;

    @Option(names = "--force", description = "Overwrite the files of an earlier draft.")
    boolean force;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        InitOptions o;
        try {
            o =
                    new InitOptions(
                            Optional.ofNullable(positiveClass),
                            Optional.ofNullable(id),
                            Optional.ofNullable(output).map(InitCommand::outputKind),
                            Optional.ofNullable(window).map(InitCommand::window),
                            Optional.ofNullable(inputSize).map(InitCommand::inputSize),
                            Optional.ofNullable(positiveIndex).map(InitCommand::index),
                            force);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StudyInit.Written w;
        try {
            w = StudyInit.run(study, dicom, groundTruth, model, o, err);
        } catch (InitException e) {
            e.problems().forEach(p -> err.println("clinval: " + p));
            err.println(
                    "clinval: nothing was written ("
                            + e.problems().size()
                            + (e.problems().size() == 1 ? " problem" : " problems")
                            + ")");
            return 1;
        }
        spec.commandLine().getOut().println(Json.write(json(w)));
        return 0;
    }

    private static ObjectNode json(StudyInit.Written w) {
        ObjectNode o = Json.object();
        o.put("id", w.id());
        o.put("protocol", w.protocol().toString());
        o.put("descriptor", w.descriptor().toString());
        w.weights().ifPresent(p -> o.put("weights", p.toString()));
        o.put("features", w.features().toString());
        ObjectNode found = o.putObject("found");
        found.put("dicom_images", w.images().images());
        ObjectNode mod = found.putObject("modalities");
        w.images().modalities().forEach(mod::put);
        found.put("positive_class", w.truth().positive());
        found.put("positive_class_inferred", w.truth().inferred());
        found.put("positives", w.truth().positives());
        found.put("negatives", w.truth().negatives());
        ArrayNode sub = found.putArray("subgroups");
        w.truth().attributes().forEach(sub::add);
        ModelDescriptor d = w.model().descriptor();
        ArrayNode in = found.putArray("model_input");
        in.add(d.input().channels()).add(d.input().height()).add(d.input().width());
        found.put("model_outputs", d.output().classes());
        ArrayNode review = o.putArray("review");
        review.add(
                w.protocol().getFileName()
                        + ": title, intended_use, device.version, threshold, the endpoints' goals"
                        + " and requirement ids (the lines marked REVIEW)");
        if (w.model().draft().isPresent()) {
            review.add(
                    w.descriptor().getFileName()
                            + ": input, preprocessing and output (the lines marked CHECK); then"
                            + " write its new SHA-256 into device.sha256");
        }
        review.add(
                w.features().getFileName() + ": the requirement ids of each scenario (# @REQ-…)");
        o.put("next", "clinval study check " + w.protocol());
        return o;
    }

    static OutputKind outputKind(String text) {
        try {
            return OutputKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--output is not one of logit, probability, score: " + Quote.value(text));
        }
    }

    static HuWindow window(String text) {
        double[] v = numbers(text, 2, "--window", "LOW,HIGH, e.g. -1000,400");
        if (!(v[0] < v[1])) {
            throw new IllegalArgumentException(
                    "--window needs LOW below HIGH: " + Quote.value(text));
        }
        return new HuWindow(v[0], v[1]);
    }

    static InputShape inputSize(String text) {
        double[] v = numbers(text, 3, "--input-size", "CHANNELS,HEIGHT,WIDTH, e.g. 1,256,256");
        for (double x : v) {
            if (x != Math.rint(x) || Math.abs(x) > 1e6) {
                throw new IllegalArgumentException(
                        "--input-size takes whole numbers CHANNELS,HEIGHT,WIDTH: "
                                + Quote.value(text));
            }
        }
        try {
            return new InputShape((int) v[0], (int) v[1], (int) v[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--input-size " + e.getMessage(), e);
        }
    }

    static int index(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("--positive-index is below 0: " + i);
        }
        return i;
    }

    private static double[] numbers(String text, int n, String option, String form) {
        String[] parts = text.split(",", -1);
        double[] v = new double[parts.length];
        boolean ok = parts.length == n;
        for (int i = 0; ok && i < n; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
                ok = Double.isFinite(v[i]);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    option + " takes " + form + ": " + Quote.value(text));
        }
        return v;
    }
}
