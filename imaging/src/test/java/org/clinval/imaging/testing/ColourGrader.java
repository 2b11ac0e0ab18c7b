package org.clinval.imaging.testing;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.imaging.model.internal.Architectures;

/**
 * A colour grading model for tests of shapes and targets: the built-in classifier for 3 channels
 * and 5 grades with seeded random weights (N(0, 0.1)), input 32 × 32 after a resize, scaled to [0,
 * 1] and standardised per channel.
 */
public final class ColourGrader {

    private ColourGrader() {}

    /** Writes the weights and descriptor into {@code dir}; returns the descriptor. */
    public static Path write(Path dir) throws IOException {
        Engine.getEngine("PyTorch").setRandomSeed(20261205);
        Path params = dir.resolve("grader.params");
        try (Model m = Model.newInstance("grader", "PyTorch")) {
            Block b = Architectures.classifier(3, 5);
            b.setInitializer(new NormalInitializer(0.1f), Parameter.Type.WEIGHT);
            b.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 32, 32));
            try (OutputStream out = Files.newOutputStream(params)) {
                b.saveParameters(new DataOutputStream(out));
            }
        }
        Path yaml = dir.resolve("grader.yaml");
        Files.writeString(
                yaml,
                "name: colour-grader\nversion: '1'\ntask: grading\nformat: djl\n"
                        + "architecture: "
                        + Architectures.CLASSIFIER
                        + "\nfile: grader.params\nsha256: '"
                        + sha256(params)
                        + "'\n"
                        + "input: {channels: 3, height: 32, width: 32}\npreprocessing:\n"
                        + "  - resize: {height: 32, width: 32}\n"
                        + "  - scale: {factor: 0.00392156862745098}\n"
                        + "  - standardize: {mean: [0.5, 0.3, 0.2], std: [0.25, 0.2, 0.15]}\n"
                        + "output: {kind: logit, classes: 5}\n"
                        + "grades: [none, mild, moderate, severe, proliferative]\n");
        return yaml;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
