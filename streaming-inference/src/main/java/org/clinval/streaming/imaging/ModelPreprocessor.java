package org.clinval.streaming.imaging;

import java.nio.file.Path;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.Preprocessor;
import org.clinval.streaming.RejectedInput;

/**
 * The model's own preprocessing as a stage of the job: {@link ModelDescriptor#prepare}, the very
 * code the predictor runs, with the image's header context (VOI transform, presentation intent). An
 * image it cannot bring to the model's input (size, channels, or a step that refuses it) is
 * rejected with the reason, named by its pseudonymous id.
 */
public final class ModelPreprocessor implements Preprocessor {

    private static final long serialVersionUID = 1L;

    private final String descriptor;
    private transient ModelDescriptor parsed;

    /**
     * @param descriptor the model descriptor (YAML)
     */
    public ModelPreprocessor(Path descriptor) {
        this.descriptor = descriptor.toAbsolutePath().toString();
    }

    @Override
    public float[] prepare(LoadedCase image) throws RejectedInput {
        try {
            ImageSlice slice = image.slice();
            return descriptor().prepare(slice).values();
        } catch (ModelRunException | IllegalArgumentException e) {
            // image.file() is the pseudonymous id, never a path.
            throw new RejectedInput(image.file() + ": " + e.getMessage());
        }
    }

    private ModelDescriptor descriptor() {
        if (parsed == null) {
            try {
                parsed = ModelDescriptor.read(Path.of(descriptor));
            } catch (ModelLoadException e) {
                // The descriptor was checked when the job was built; failing here fails the task.
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return parsed;
    }
}
