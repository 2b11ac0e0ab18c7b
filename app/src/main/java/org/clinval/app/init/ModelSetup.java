package org.clinval.app.init;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.common.yaml.YamlProblem;
import org.clinval.imaging.model.DescriptorDraft;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelInspection;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Task;

/**
 * The model of a drafted study: a TorchScript or ONNX file inspected and drafted a descriptor for
 * (its weights to be copied into the study), or a descriptor used as it is once its own check
 * passes.
 *
 * @param source the model file or the descriptor as given
 * @param descriptor the descriptor the study will use
 * @param draft the drafted descriptor, when a model file was given
 * @param weightsSha256 the SHA-256 of the weights to copy, when drafted
 */
record ModelSetup(
        Path source,
        ModelDescriptor descriptor,
        Optional<DescriptorDraft> draft,
        Optional<String> weightsSha256) {

    /** Whether {@code file} is a descriptor rather than a model file. */
    static boolean isDescriptor(Path file) {
        String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** Returns the file name of the descriptor a draft is written under. */
    String descriptorFileName() {
        return descriptor.name() + ".yaml";
    }

    /** Checks the descriptor {@code file} as the study check will, and takes it as it is. */
    static Optional<ModelSetup> existing(Path file, InitOptions o, List<String> problems) {
        if (o.window().isPresent()
                || o.output().isPresent()
                || o.inputSize().isPresent()
                || o.positiveIndex().isPresent()) {
            problems.add(
                    "--output, --window, --input-size and --positive-index describe a model file;"
                            + " the descriptor "
                            + file
                            + " (--model) already says them");
            return Optional.empty();
        }
        List<YamlProblem> found;
        try {
            found = ModelDescriptor.check(file);
        } catch (IOException e) {
            problems.add("cannot read " + file + " (--model): " + e.getMessage());
            return Optional.empty();
        }
        if (!found.isEmpty()) {
            found.forEach(p -> problems.add(file + " (--model): " + p.inFile()));
            return Optional.empty();
        }
        ModelDescriptor d;
        try {
            d = ModelDescriptor.read(file);
        } catch (ModelLoadException e) {
            problems.add(e.getMessage() + " (--model)");
            return Optional.empty();
        }
        if (d.task() != Task.CLASSIFICATION) {
            problems.add(
                    file
                            + " (--model) describes a segmentation model; clinval init drafts"
                            + " studies of classifiers (sensitivity, specificity, AUC)");
            return Optional.empty();
        }
        return Optional.of(new ModelSetup(file, d, Optional.empty(), Optional.empty()));
    }

    /**
     * Inspects the model file {@code file} and drafts its descriptor for images of the surveyed
     * modalities (none is drafted without them, but the model is still inspected).
     */
    static Optional<ModelSetup> drafted(
            Path file, InitOptions o, Optional<DicomSurvey> images, List<String> problems) {
        ModelInspection m;
        try {
            m =
                    o.inputSize().isPresent()
                            ? Models.inspect(file, o.inputSize().get())
                            : Models.inspect(file);
        } catch (ModelLoadException e) {
            problems.add(e.getMessage() + " (--model)");
            return Optional.empty();
        }
        boolean stated =
                m.channels().isPresent() && m.height().isPresent() && m.width().isPresent();
        Optional<InputShape> input = m.inputShape();
        if (input.isEmpty()) {
            problems.add(noInput(file, m));
            return Optional.empty();
        }
        if (m.output().size() != 2 || m.outputSize().isEmpty()) {
            problems.add(
                    "model file "
                            + file
                            + " (--model) gives an output of shape "
                            + ModelInspection.show(m.output())
                            + "; clinval init drafts studies of classifiers, whose output is"
                            + " (batch, classes)");
            return Optional.empty();
        }
        int classes = m.outputSize().getAsInt();
        if (o.positiveIndex().isPresent() && o.positiveIndex().get() >= classes) {
            problems.add(
                    "--positive-index "
                            + o.positiveIndex().get()
                            + " is not an output of "
                            + file
                            + ", which gives "
                            + classes
                            + (classes == 1 ? " (index 0)" : " (0 to " + (classes - 1) + ")"));
            return Optional.empty();
        }
        if (o.positiveIndex().isEmpty() && classes > 2) {
            problems.add(
                    "model file "
                            + file
                            + " (--model) gives "
                            + classes
                            + " outputs: name the positive class's with --positive-index (from 0)");
            return Optional.empty();
        }
        if (images.isEmpty()) {
            return Optional
                    .empty(); // the preprocessing needs the modalities; the images' problem is
            // listed
        }
        String sha;
        try {
            sha = Sha256.of(file);
        } catch (IOException e) {
            problems.add("cannot read " + file + " (--model): " + e.getMessage());
            return Optional.empty();
        }
        DescriptorDraft.Builder b =
                DescriptorDraft.builder()
                        .setName(stem(file))
                        .setFormat(m.format())
                        .setWeights(file.getFileName().toString(), sha)
                        .setInput(input.get(), stated)
                        .setClasses(classes)
                        .setModalities(images.get().modalities().keySet());
        o.window().ifPresent(w -> b.optWindow(w.lowerHu(), w.upperHu()));
        o.output().ifPresent(b::optOutputKind);
        o.positiveIndex().ifPresent(b::optPositiveIndex);
        DescriptorDraft draft = b.build();
        return Optional.of(
                new ModelSetup(file, draft.descriptor(), Optional.of(draft), Optional.of(sha)));
    }

    private static String noInput(Path file, ModelInspection m) {
        String declared = ModelInspection.show(m.input());
        if (m.input().isEmpty()) {
            return "model file "
                    + file
                    + " (--model) does not state its input size: give it with --input-size"
                    + " CHANNELS,HEIGHT,WIDTH, e.g. 1,256,256";
        }
        if (m.input().size() != 4) {
            return "model file "
                    + file
                    + " (--model) takes input "
                    + declared
                    + "; clinval feeds image models (batch, channels, height, width)";
        }
        long c = m.input().get(1);
        boolean fits = c < 0 || c == 1 || c == 3;
        for (int i = 2; i < 4; i++) {
            long v = m.input().get(i);
            fits &= v < 0 || (v >= 8 && v <= 4096);
        }
        if (fits) {
            return "model file "
                    + file
                    + " (--model) leaves its input size open "
                    + declared
                    + ": give it with --input-size CHANNELS,HEIGHT,WIDTH, e.g. 1,256,256";
        }
        return "model file "
                + file
                + " (--model) takes input "
                + declared
                + "; clinval feeds 1 or 3 channels of 8 to 4096 pixels a side";
    }

    /** The model's name: its file name without the extension. */
    static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Whether {@code file} exists and is a regular file; adds a problem naming it if not. */
    static boolean present(Path file, List<String> problems) {
        if (Files.isRegularFile(file)) return true;
        problems.add(
                (Files.exists(file) ? "not a file: " : "no such file: ") + file + " (--model)");
        return false;
    }
}
