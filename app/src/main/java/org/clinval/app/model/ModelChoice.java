package org.clinval.app.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.app.cli.UserError;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.imaging.model.Models;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which model a command runs: a built-in one or a descriptor file. */
final class ModelChoice {

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(
                names = "--model",
                paramLabel = "classifier|unet",
                description = "A built-in model.")
        String builtIn;

        @Option(
                names = "--descriptor",
                paramLabel = "FILE",
                description =
                        "A model descriptor (YAML): a TorchScript or ONNX file, or weights "
                                + "written by 'clinval model train'.")
        Path descriptor;
    }

    /** Loads the chosen model; errors become one-line user errors naming the file. */
    ImageModel load() {
        try {
            if (which.builtIn != null) return Models.builtIn(BuiltInModel.parse(which.builtIn));
            if (!Files.isRegularFile(which.descriptor)) {
                throw new UserError("descriptor file not found: " + which.descriptor);
            }
            return Models.load(which.descriptor);
        } catch (ModelLoadException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
