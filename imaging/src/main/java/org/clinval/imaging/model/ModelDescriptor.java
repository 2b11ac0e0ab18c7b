package org.clinval.imaging.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.common.yaml.YamlProblem;
import org.clinval.imaging.model.internal.DescriptorCheck;
import org.clinval.imaging.model.internal.DescriptorYaml;
import org.clinval.imaging.preprocess.Preprocessing;

/**
 * Everything needed to run a model, as data: what it does, where its weights are and their SHA-256,
 * the input it takes, its preprocessing, what its output means and the threshold that turns a score
 * into a decision. Read from and written to YAML, checked against its published JSON Schema ({@link
 * #SCHEMA}; see docs/reference/model-descriptor.md):
 *
 * <pre>
 * name: my-classifier
 * version: "1"
 * task: classification          # or segmentation
 * format: onnx                  # or torchscript, djl (built-in architectures only)
 * file: my-classifier.onnx      # relative to the descriptor
 * sha256: 3f2a…                 # optional for users' models; checked when present
 * input: {channels: 1, height: 256, width: 256}
 * preprocessing:
 *   - window: {lower: -1000, upper: 400}
 *   - resize: {height: 256, width: 256}
 *   - rescale: {lower: -1000, upper: 400}
 * output: {kind: logit, classes: 1, positive_index: 0}   # or probability, or score
 * threshold: 0.5                # on the positive score, rule >=
 * </pre>
 *
 * <p>A segmentation model may take 3D patches instead: {@code input: {channels: 1, depth: 8,
 * height: 96, width: 96}} on the volume's own grid (no resize step), run as a sliding window over
 * the volume ({@code inference: {overlap: 0.5, blending: gaussian}}, see {@link SlidingWindow}).
 *
 * @param name model name
 * @param version model version
 * @param task classification or segmentation
 * @param format weights format, which fixes the engine
 * @param architecture the built-in block for {@link ModelFormat#DJL}, empty otherwise
 * @param file weights file, relative to the descriptor
 * @param sha256 expected SHA-256 of the weights file (lower-case hex), if given
 * @param input input tensor per image
 * @param preprocessing transforms from HU to the input tensor
 * @param output meaning of the output tensor
 * @param threshold decision threshold on the positive probability (positive when {@code p >=
 *     threshold})
 * @param inference how a 3D input covers a volume; present exactly when the input is 3D ({@link
 *     SlidingWindow#DEFAULT} when not given)
 * @param grades the ordered grade names of a grading model, lowest first (empty for the other
 *     tasks); {@code output.classes} equals their number, or is 1 for an expected grade ({@code
 *     kind: score})
 */
public record ModelDescriptor(
        String name,
        String version,
        Task task,
        ModelFormat format,
        Optional<String> architecture,
        String file,
        Optional<String> sha256,
        InputShape input,
        Preprocessing preprocessing,
        OutputSpec output,
        double threshold,
        Optional<SlidingWindow> inference,
        List<String> grades) {

    /** The class-path name of the descriptor's JSON Schema, also published in docs/schemas. */
    public static final String SCHEMA = "/org/clinval/imaging/model/model-descriptor.schema.json";

    /** Why a 3D descriptor cannot resize: patches are cut from the volume's own grid. */
    public static final String RESIZE_3D =
            "has a resize step, but a 3D input (input.depth) is taken as patches on the"
                    + " volume's own grid: remove the resize step (resample the volume"
                    + " beforehand if the model needs another spacing)";

    public ModelDescriptor {
        grades = List.copyOf(grades);
        checkGrades(name, task, output, grades);
        if (input.volumetric() && inference.isEmpty()) {
            inference = Optional.of(SlidingWindow.DEFAULT);
        }
        if (!input.volumetric() && inference.isPresent()) {
            throw new IllegalArgumentException(
                    "inference (sliding window) applies to a 3D input, but model "
                            + name
                            + " takes "
                            + input);
        }
        if (input.volumetric() && task != Task.SEGMENTATION) {
            throw new IllegalArgumentException(
                    "model " + name + " takes 3D patches " + input + " but is not a segmenter");
        }
        if (input.volumetric() && preprocessing.resize().isPresent()) {
            throw new IllegalArgumentException(RESIZE_3D);
        }
    }

    /** A descriptor of a classifier or segmenter (no grades). */
    public ModelDescriptor(
            String name,
            String version,
            Task task,
            ModelFormat format,
            Optional<String> architecture,
            String file,
            Optional<String> sha256,
            InputShape input,
            Preprocessing preprocessing,
            OutputSpec output,
            double threshold,
            Optional<SlidingWindow> inference) {
        this(
                name,
                version,
                task,
                format,
                architecture,
                file,
                sha256,
                input,
                preprocessing,
                output,
                threshold,
                inference,
                List.of());
    }

    /**
     * Checks the grades against the task and output: given exactly for grading, at least two,
     * distinct, as many as the output's classes unless the output is one expected grade.
     */
    public static void checkGrades(String name, Task task, OutputSpec output, List<String> grades) {
        if (task != Task.GRADING) {
            if (!grades.isEmpty()) {
                throw new IllegalArgumentException(
                        "grades are given only for task grading, but model "
                                + name
                                + " is "
                                + task);
            }
            return;
        }
        if (grades.size() < 2) {
            throw new IllegalArgumentException(
                    "a grading model names at least 2 grades, model " + name + " names " + grades);
        }
        if (new java.util.HashSet<>(grades).size() != grades.size()) {
            throw new IllegalArgumentException("grades are not distinct: " + grades);
        }
        boolean expected = output.kind() == OutputKind.SCORE;
        if (expected && output.classes() != 1) {
            throw new IllegalArgumentException(
                    "output kind score of a grading model is one expected grade (classes 1), not "
                            + output.classes()
                            + " classes");
        }
        if (!expected && output.classes() != grades.size()) {
            throw new IllegalArgumentException(
                    "output has "
                            + output.classes()
                            + " classes but the model names "
                            + grades.size()
                            + " grades");
        }
    }

    /** Returns whether the output is one expected grade rather than a probability per grade. */
    public boolean expectedGrade() {
        return task == Task.GRADING && output.kind() == OutputKind.SCORE;
    }

    /** A descriptor without sliding-window settings (the defaults when the input is 3D). */
    public ModelDescriptor(
            String name,
            String version,
            Task task,
            ModelFormat format,
            Optional<String> architecture,
            String file,
            Optional<String> sha256,
            InputShape input,
            Preprocessing preprocessing,
            OutputSpec output,
            double threshold) {
        this(
                name,
                version,
                task,
                format,
                architecture,
                file,
                sha256,
                input,
                preprocessing,
                output,
                threshold,
                Optional.empty());
    }

    /** Reads a descriptor file, listing every problem if it is invalid. */
    public static ModelDescriptor read(Path yaml) throws ModelLoadException {
        String text;
        try {
            text = Files.readString(yaml);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model descriptor " + yaml + ": " + e, e);
        }
        return parse(text, yaml.toString());
    }

    /** Parses descriptor text; {@code source} names it in messages. */
    public static ModelDescriptor parse(String yaml, String source)
            throws InvalidDescriptorException {
        return DescriptorYaml.parse(yaml, source);
    }

    /**
     * Returns every problem of the descriptor file {@code yaml} (none when it is usable): its keys
     * and values, and that its weights file exists and has the SHA-256 the descriptor states. What
     * {@code study check} prints.
     *
     * @throws IOException if a file exists but cannot be read
     */
    public static List<YamlProblem> check(Path yaml) throws IOException {
        return DescriptorCheck.check(yaml);
    }

    /** Returns the YAML text of this descriptor. */
    public String toYaml() {
        return DescriptorYaml.write(this);
    }

    /** Returns a copy with the given SHA-256 of the weights. */
    public ModelDescriptor withSha256(String hex) {
        return new ModelDescriptor(
                name,
                version,
                task,
                format,
                architecture,
                file,
                Optional.of(hex),
                input,
                preprocessing,
                output,
                threshold,
                inference,
                grades);
    }

    /**
     * Returns the model input of {@code image}: this descriptor's preprocessing applied, checked to
     * be the size the model takes. The predictor runs exactly this before every prediction.
     *
     * @throws ModelRunException if the preprocessed image is not the model's input size
     */
    public org.clinval.imaging.preprocess.Raster prepare(ImageSlice image)
            throws ModelRunException {
        return org.clinval.imaging.model.internal.InputEncoder.preprocess(this, image);
    }
}
