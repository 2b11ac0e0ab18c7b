package org.clinval.imaging.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clinval.imaging.preprocess.HuWindow;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Rescale;
import org.clinval.imaging.preprocess.Resize;

/**
 * A first descriptor of a user's TorchScript or ONNX classifier, drafted from what the model file
 * says (its input and output, see {@link ModelInspection}) and the modalities of the images it will
 * see, and written as YAML with a comment above every value the file could not tell, marked {@code
 * CHECK}. CT images get the Hounsfield window (by default {@link #CT_WINDOW}), a resize to the
 * model's input and a rescale of the window to [0, 1]; images of other modalities get only the
 * resize unless a value range is given, because they have no scale a default could assume.
 *
 * @param descriptor the descriptor
 * @param notes comment lines above top-level keys of the YAML, by key
 */
public record DescriptorDraft(ModelDescriptor descriptor, Map<String, List<String>> notes) {

    /** The default CT window in HU: lung to soft tissue, as the built-in models use. */
    public static final HuWindow CT_WINDOW = new HuWindow(-1000, 400);

    /** The threshold every draft starts from. */
    public static final double THRESHOLD = 0.5;

    public DescriptorDraft {
        Objects.requireNonNull(descriptor, "descriptor");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        notes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        notes = java.util.Collections.unmodifiableMap(copy);
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the descriptor as YAML, each note as comment lines above its key. */
    public String toYaml() {
        StringBuilder out = new StringBuilder();
        for (String line : header()) out.append("# ").append(oneLine(line)).append('\n');
        out.append('\n');
        for (String line : descriptor.toYaml().split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith(" ") && !line.startsWith("-")) {
                for (String note : notes.getOrDefault(line.substring(0, colon), List.of())) {
                    out.append("# ").append(oneLine(note)).append('\n');
                }
            }
            out.append(line).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** A comment stays one line whatever a name in it holds. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ");
    }

    private List<String> header() {
        return List.of(
                "Model descriptor of " + descriptor.name() + ", drafted from its model file.",
                "Reference: docs/reference/model-descriptor.md. Lines marked CHECK are what the"
                        + " model file",
                "cannot tell: make them what the model was trained with before the protocol is"
                        + " approved.",
                "The protocol holds the SHA-256 of this file (device.sha256): after an edit,"
                        + " write the new one there.");
    }

    /** Collects a draft's inputs; {@code set…} are required, {@code opt…} optional. */
    public static final class Builder {
        private String name;
        private ModelFormat format;
        private String file;
        private String sha256;
        private InputShape input;
        private boolean inputStated;
        private int classes;
        private Set<String> modalities = Set.of();
        private HuWindow window;
        private OutputKind kind;
        private Integer positiveIndex;

        private Builder() {}

        /** The model's name, e.g. the weights file's name without its extension. */
        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        /** TorchScript or ONNX. */
        public Builder setFormat(ModelFormat format) {
            this.format = format;
            return this;
        }

        /** The weights file, relative to the descriptor, with the SHA-256 of its bytes. */
        public Builder setWeights(String file, String sha256) {
            this.file = file;
            this.sha256 = sha256;
            return this;
        }

        /** The input, and whether the model file states it (else it was given by the user). */
        public Builder setInput(InputShape input, boolean statedByModel) {
            this.input = input;
            this.inputStated = statedByModel;
            return this;
        }

        /** The size of the output's class axis. */
        public Builder setClasses(int classes) {
            this.classes = classes;
            return this;
        }

        /** The DICOM modality codes of the images the model will see. */
        public Builder setModalities(Collection<String> modalities) {
            this.modalities = new TreeSet<>(modalities);
            return this;
        }

        /**
         * The value range to keep (a HU window for CT), instead of the default.
         *
         * @throws IllegalArgumentException unless both are finite and {@code lower < upper}
         */
        public Builder optWindow(double lower, double upper) {
            this.window = new HuWindow(lower, upper);
            return this;
        }

        /** What the outputs are; {@link OutputKind#LOGIT} when not given. */
        public Builder optOutputKind(OutputKind kind) {
            this.kind = kind;
            return this;
        }

        /** The positive class's output; by default the only one, or the second of two. */
        public Builder optPositiveIndex(int index) {
            this.positiveIndex = index;
            return this;
        }

        /**
         * Returns the draft.
         *
         * @throws IllegalArgumentException if a required value is missing, or the model has more
         *     than two outputs and no positive index was given
         */
        public DescriptorDraft build() {
            if (name == null || format == null || file == null || sha256 == null) {
                throw new IllegalArgumentException("a draft needs a name, format and weights");
            }
            if (input == null || classes < 1 || modalities.isEmpty()) {
                throw new IllegalArgumentException("a draft needs the input, classes, modalities");
            }
            if (positiveIndex == null && classes > 2) {
                throw new IllegalArgumentException(
                        "the model gives "
                                + classes
                                + " outputs, so which one is the positive class must be given");
            }
            int positive = positiveIndex != null ? positiveIndex : classes - 1;
            OutputKind k = kind != null ? kind : OutputKind.LOGIT;
            Map<String, List<String>> notes = new LinkedHashMap<>();
            notes.put("input", List.of(inputNote()));
            Preprocessing pre = preprocessing(notes);
            notes.put("output", outputNotes(k, positive));
            notes.put("threshold", List.of(thresholdNote(k)));
            ModelDescriptor d =
                    new ModelDescriptor(
                            name,
                            "1",
                            Task.CLASSIFICATION,
                            format,
                            Optional.empty(),
                            file,
                            Optional.of(sha256),
                            input,
                            pre,
                            new OutputSpec(k, classes, positive),
                            THRESHOLD);
            return new DescriptorDraft(d, notes);
        }

        private String inputNote() {
            return inputStated
                    ? "Read from the model file."
                    : "CHECK: the model file does not state its input; this is the size given"
                            + " for it.";
        }

        private Preprocessing preprocessing(Map<String, List<String>> notes) {
            Resize resize = new Resize(input.height(), input.width());
            String size = input.height() + " x " + input.width();
            List<String> lines = new ArrayList<>();
            if (modalities.equals(Set.of("CT"))) {
                HuWindow w = window != null ? window : CT_WINDOW;
                String range = range(w);
                lines.add(
                        "CHECK: CT in Hounsfield units: the window "
                                + range
                                + (window != null
                                        ? " (as given)"
                                        : " (the default, lung to soft tissue)")
                                + " clips them,");
                lines.add(
                        "the image is resized to the model's "
                                + size
                                + " and "
                                + range
                                + " mapped to [0, 1]. Use the model's own training steps.");
                notes.put("preprocessing", lines);
                return Preprocessing.of(w, resize, new Rescale(w.lowerHu(), w.upperHu()));
            }
            String found = String.join(", ", modalities);
            if (window != null) {
                lines.add(
                        "CHECK: the images are "
                                + found
                                + ", not CT: the range "
                                + range(window)
                                + " (as given) is in the values they hold after their");
                lines.add(
                        "modality LUT; it is kept, the image resized to "
                                + size
                                + " and the range mapped to [0, 1]. Use the model's own training"
                                + " steps.");
                notes.put("preprocessing", lines);
                return Preprocessing.of(
                        window, resize, new Rescale(window.lowerHu(), window.upperHu()));
            }
            lines.add(
                    "CHECK: the images are "
                            + found
                            + ", which have no Hounsfield scale, so no intensity step is assumed:");
            lines.add(
                    "the model receives the values the images hold (after their modality LUT),"
                            + " resized to "
                            + size
                            + ".");
            lines.add(
                    "Add the steps the model was trained with (window and rescale, or"
                            + " standardize) before this is used.");
            notes.put("preprocessing", lines);
            return Preprocessing.of(resize);
        }

        private List<String> outputNotes(OutputKind k, int positive) {
            String kindName = k.name().toLowerCase(Locale.ROOT);
            List<String> lines = new ArrayList<>();
            if (kind == null) {
                lines.add(
                        "CHECK: "
                                + kindName
                                + " is the default: "
                                + (classes == 1
                                        ? "the one output becomes a probability by the logistic"
                                                + " function;"
                                        : "the "
                                                + classes
                                                + " outputs become probabilities by softmax;"));
                lines.add(
                        "use probability if the model ends in a "
                                + (classes == 1 ? "sigmoid" : "softmax")
                                + ", score if its outputs are on a scale of its own.");
            } else {
                lines.add("Output kind " + kindName + " (as given).");
            }
            if (classes > 1) {
                lines.add(
                        (positiveIndex == null ? "CHECK: " : "")
                                + "output "
                                + positive
                                + " (counting from 0) of "
                                + classes
                                + " is the positive class"
                                + (positiveIndex == null ? ", the last one by default." : "."));
            }
            return lines;
        }

        private static String thresholdNote(OutputKind k) {
            return k.givesProbabilities()
                    ? "Positive when the probability >= 0.5; the protocol's operating point"
                            + " states its own."
                    : "CHECK: 0.5 is a placeholder on the model's own score scale.";
        }

        private static String range(HuWindow w) {
            return "[" + num(w.lowerHu()) + ", " + num(w.upperHu()) + "]";
        }

        private static String num(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15
                    ? Long.toString((long) v)
                    : Double.toString(v);
        }
    }
}
