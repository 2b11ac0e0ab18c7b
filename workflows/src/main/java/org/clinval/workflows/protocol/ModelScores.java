package org.clinval.workflows.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.common.yaml.YamlDocument;

/**
 * What the model descriptor says of the scores the threshold applies to. Its {@code output.kind}
 * {@code logit} and {@code probability} both give the study probabilities (a logit goes through the
 * logistic function); {@code score} gives the model's own scale. The descriptor is checked in full
 * by the imaging module ({@code ModelDescriptor.check}); here only that one key is read.
 */
final class ModelScores {

    /** The output kind whose scores are not probabilities. */
    static final String NOT_PROBABILITIES = "score";

    private ModelScores() {}

    /**
     * Returns the descriptor's {@code grades} (a grading model's class names, lowest first), or
     * empty when it names none or cannot be read.
     */
    static Optional<java.util.List<String>> grades(Path descriptor) {
        if (!Files.isRegularFile(descriptor)) {
            return Optional.empty();
        }
        try {
            YamlDocument d = YamlDocument.read(descriptor, descriptor.getFileName().toString());
            return d.root()
                    .map(r -> r.node().path("grades"))
                    .filter(n -> n.isArray() && !n.isEmpty())
                    .map(
                            n -> {
                                java.util.List<String> out = new java.util.ArrayList<>();
                                n.forEach(g -> out.add(g.asText()));
                                return out;
                            });
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether the descriptor's scores are probabilities, or empty when it cannot be read
     * (its own check says why).
     */
    static Optional<Boolean> probabilities(Path descriptor) {
        if (!Files.isRegularFile(descriptor)) {
            return Optional.empty();
        }
        try {
            YamlDocument d = YamlDocument.read(descriptor, descriptor.getFileName().toString());
            return d.root()
                    .map(
                            r ->
                                    !NOT_PROBABILITIES.equals(
                                            r.node().path("output").path("kind").asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
