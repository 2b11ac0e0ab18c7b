package org.clinval.app.init;

import java.util.Optional;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.OutputKind;
import org.clinval.imaging.preprocess.HuWindow;

/**
 * The choices of {@code clinval init} beyond its inputs, each empty when not given.
 *
 * @param positiveClass the ground-truth label of the positive class
 * @param id the study id
 * @param output what the model's outputs are
 * @param window the value range (HU window for CT) the model keeps
 * @param inputSize the model's input, for a model file that does not state it
 * @param positiveIndex the positive class's output
 * @param force whether files of an earlier draft may be overwritten
 */
record InitOptions(
        Optional<String> positiveClass,
        Optional<String> id,
        Optional<OutputKind> output,
        Optional<HuWindow> window,
        Optional<InputShape> inputSize,
        Optional<Integer> positiveIndex,
        boolean force) {}
