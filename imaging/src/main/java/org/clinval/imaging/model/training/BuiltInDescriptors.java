package org.clinval.imaging.model.training;

import java.util.Optional;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelFormat;
import org.clinval.imaging.model.OutputKind;
import org.clinval.imaging.model.OutputSpec;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.model.internal.Architectures;
import org.clinval.imaging.preprocess.HuWindow;
import org.clinval.imaging.preprocess.Preprocessing;
import org.clinval.imaging.preprocess.Rescale;
import org.clinval.imaging.preprocess.Resize;

/**
 * The descriptors of the built-in models before training fills in the SHA-256. Both take 256 × 256
 * (about 1.3–1.5 mm per pixel on the phantoms' fields of view, so a 3 mm nodule covers a few
 * pixels), windowed to [−1000, 400] HU and rescaled to [0, 1].
 */
public final class BuiltInDescriptors {

    /** Input side of both built-in models. */
    public static final int SIZE = 256;

    private BuiltInDescriptors() {}

    /** Returns the preprocessing of the built-in models. */
    public static Preprocessing preprocessing() {
        return Preprocessing.of(
                new HuWindow(-1000, 400), new Resize(SIZE, SIZE), new Rescale(-1000, 400));
    }

    /** Returns the descriptor of {@code model} without SHA-256. */
    public static ModelDescriptor of(BuiltInModel model) {
        boolean classifier = model == BuiltInModel.NODULE_CLASSIFIER;
        return new ModelDescriptor(
                model.id(),
                "1",
                classifier ? Task.CLASSIFICATION : Task.SEGMENTATION,
                ModelFormat.DJL,
                Optional.of(classifier ? Architectures.CLASSIFIER : Architectures.UNET),
                model.id() + ".params",
                Optional.empty(),
                new InputShape(1, SIZE, SIZE),
                preprocessing(),
                new OutputSpec(OutputKind.LOGIT, 1, 0),
                0.5);
    }
}
