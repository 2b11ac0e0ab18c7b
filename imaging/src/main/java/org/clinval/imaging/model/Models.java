package org.clinval.imaging.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.imaging.model.internal.DjlImageModel;
import org.clinval.imaging.model.internal.ModelInspector;

/** Loads models: the built-in ones from the classpath, users' ones from a descriptor file. */
public final class Models {

    private Models() {}

    /**
     * Loads a built-in model, verifying the SHA-256 of its weights against its descriptor.
     *
     * @throws ModelLoadException if a resource is missing, the weights do not match their SHA-256,
     *     or they do not fit the architecture
     */
    public static ImageModel builtIn(BuiltInModel which) throws ModelLoadException {
        String folder = which.resourceFolder();
        ModelDescriptor d =
                ModelDescriptor.parse(
                        new String(resource(folder + "descriptor.yaml"), StandardCharsets.UTF_8),
                        folder + "descriptor.yaml");
        if (d.sha256().isEmpty()) {
            throw new ModelLoadException(
                    "built-in descriptor " + folder + "descriptor.yaml has no sha256");
        }
        String weights = folder + d.file();
        return DjlImageModel.load(d, resource(weights), Path.of(d.file()), "classpath:" + weights);
    }

    /**
     * Loads the model a descriptor file describes; its {@code file} is resolved against the
     * descriptor's folder. TorchScript runs on the PyTorch engine, ONNX on ONNX Runtime.
     *
     * @throws InvalidDescriptorException listing every problem of the descriptor
     * @throws ModelLoadException if the weights cannot be read, do not match the descriptor's
     *     SHA-256, or do not accept the declared input
     */
    public static ImageModel load(Path descriptorYaml) throws ModelLoadException {
        ModelDescriptor d = ModelDescriptor.read(descriptorYaml);
        Path dir = descriptorYaml.toAbsolutePath().getParent();
        return DjlImageModel.load(d, dir.resolve(d.file()));
    }

    /**
     * Opens a TorchScript ({@code .pt}) or ONNX ({@code .onnx}) file with the engine that runs it
     * and returns the shapes it declares; when its input (channels, height, width) is fixed, the
     * model is run once on zeros of that shape and the output shape is the one measured.
     *
     * @throws ModelLoadException if the file is missing, has another extension, or cannot be opened
     *     or run by its engine
     */
    public static ModelInspection inspect(Path weights) throws ModelLoadException {
        return ModelInspector.inspect(weights, Optional.empty());
    }

    /**
     * Like {@link #inspect(Path)}, for a model that does not state its input (TorchScript) or
     * leaves axes open: runs it on zeros of {@code input} to measure its output.
     *
     * @throws ModelLoadException if the file cannot be opened, declares another input, or does not
     *     run on {@code input}
     */
    public static ModelInspection inspect(Path weights, InputShape input)
            throws ModelLoadException {
        return ModelInspector.inspect(weights, Optional.of(input));
    }

    private static byte[] resource(String name) throws ModelLoadException {
        try (InputStream in = Models.class.getResourceAsStream(name)) {
            if (in == null) throw new ModelLoadException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException("cannot read resource " + name + ": " + e, e);
        }
    }
}
