package org.clinval.imaging.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.clinval.common.Quote;
import org.clinval.common.Sha256;
import org.clinval.common.yaml.YamlDocument;
import org.clinval.common.yaml.YamlProblem;

/**
 * Checks a descriptor file as {@code study check} needs it: every problem of its YAML, and that the
 * weights it names exist and are the ones its {@code sha256} states, before anyone signs.
 */
public final class DescriptorCheck {

    private DescriptorCheck() {}

    /** Returns every problem of the descriptor {@code yaml}; none when it is usable. */
    public static List<YamlProblem> check(Path yaml) throws IOException {
        String name = yaml.getFileName() == null ? yaml.toString() : yaml.getFileName().toString();
        YamlDocument doc;
        try {
            doc = YamlDocument.read(yaml, name);
        } catch (NoSuchFileException e) {
            return List.of(new YamlProblem(name, 0, 0, "", "no such file: " + yaml));
        }
        DescriptorYaml.check(doc);
        if (doc.root().isPresent()) {
            weights(doc, yaml.toAbsolutePath().getParent(), doc.root().get().node());
        }
        return doc.problems();
    }

    private static void weights(YamlDocument doc, Path folder, JsonNode root) throws IOException {
        JsonNode file = root.path("file");
        if (!file.isTextual() || file.textValue().isBlank() || doc.hasProblem("file")) {
            return;
        }
        Path weights = folder.resolve(file.textValue().trim()).normalize();
        if (!Files.isRegularFile(weights)) {
            doc.problem("file", Quote.value(file.textValue()) + " is not a file (" + weights + ")");
            return;
        }
        JsonNode sha = root.path("sha256");
        if (sha.isMissingNode() || sha.isNull()) {
            doc.problem(
                    "sha256",
                    "is missing, so the weights cannot be verified: write the SHA-256 that"
                            + " sha256sum '"
                            + weights
                            + "' prints, in quotes");
            return;
        }
        if (doc.hasProblem("sha256") || !Sha256.isHex(sha.textValue().toLowerCase(Locale.ROOT))) {
            return;
        }
        String actual = Sha256.of(weights);
        if (!actual.equals(sha.textValue().toLowerCase(Locale.ROOT))) {
            doc.problem(
                    "sha256",
                    Quote.value(sha.textValue())
                            + " is not the SHA-256 of "
                            + weights
                            + " ("
                            + actual
                            + "): the weights are not the ones described");
        }
    }
}
