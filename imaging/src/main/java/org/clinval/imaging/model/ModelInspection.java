package org.clinval.imaging.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a TorchScript or ONNX file says about itself: the shape of its first input and of its first
 * output. An axis the file leaves open (a dynamic {@code batch}, {@code height}…) is {@code -1}; an
 * ONNX file declares its shapes, a TorchScript file none. The output shape is measured by running
 * zeros of the input shape (batch 1) whenever that shape is known, so it is what the model really
 * gives, not what it claims.
 *
 * @param file the weights file
 * @param format its format, from its extension
 * @param input the first input's shape as declared, {@code (batch, channels, height, width)} for an
 *     image model, {@code -1} for an open axis; empty when the file declares none
 * @param output the first output's shape: measured when {@code ranWith} is present, else as
 *     declared ({@code -1} for an open axis); empty when unknown
 * @param ranWith the input shape the output was measured with, if the model was run
 */
public record ModelInspection(
        Path file,
        ModelFormat format,
        List<Long> input,
        List<Long> output,
        Optional<InputShape> ranWith) {

    public ModelInspection {
        input = List.copyOf(input);
        output = List.copyOf(output);
    }

    /** Returns the channels axis of a declared 4-axis input, if fixed. */
    public OptionalInt channels() {
        return axis(1);
    }

    /** Returns the height axis of a declared 4-axis input, if fixed. */
    public OptionalInt height() {
        return axis(2);
    }

    /** Returns the width axis of a declared 4-axis input, if fixed. */
    public OptionalInt width() {
        return axis(3);
    }

    /**
     * Returns the input per image the model takes: the one it was run with, else the declared one
     * when every axis but the batch is fixed and fits {@link InputShape}.
     */
    public Optional<InputShape> inputShape() {
        if (ranWith.isPresent()) {
            return ranWith;
        }
        if (channels().isEmpty() || height().isEmpty() || width().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new InputShape(channels().getAsInt(), height().getAsInt(), width().getAsInt()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns the size of the output's class axis (the axis after the batch), if known. */
    public OptionalInt outputSize() {
        if (output.size() < 2 || output.get(1) <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.toIntExact(output.get(1)));
    }

    /** Returns a shape as text, {@code ?} for an open axis, e.g. {@code (?, 1, 32, 32)}. */
    public static String show(List<Long> shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) {
            if (i > 0) s.append(", ");
            s.append(shape.get(i) < 0 ? "?" : shape.get(i).toString());
        }
        return s.append(')').toString();
    }

    private OptionalInt axis(int i) {
        if (input.size() != 4 || input.get(i) <= 0 || input.get(i) > Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(input.get(i).intValue());
    }
}
