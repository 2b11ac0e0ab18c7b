package org.clinval.imaging.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.common.Sha256;
import org.clinval.common.yaml.YamlProblem;
import org.clinval.imaging.model.internal.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ModelDescriptor#check}: what {@code study check} shows of a descriptor, before anyone
 * signs.
 */
class DescriptorCheckTest {

    @TempDir Path dir;

    private Path descriptor(String sha256Line, String output, String threshold) throws Exception {
        Files.writeString(dir.resolve("m.onnx"), "weights");
        Path yaml = dir.resolve("m.yaml");
        Files.writeString(
                yaml,
                "name: m\nversion: \"1\"\ntask: classification\nformat: onnx\nfile: m.onnx\n"
                        + sha256Line
                        + "input: {channels: 1, height: 32, width: 32}\npreprocessing: []\n"
                        + "output: "
                        + output
                        + "\nthreshold: "
                        + threshold
                        + "\n");
        return yaml;
    }

    private static List<String> problems(Path yaml) throws Exception {
        return ModelDescriptor.check(yaml).stream().map(YamlProblem::toString).toList();
    }

    @Test
    void aDescriptorWhoseWeightsMatchHasNoProblem() throws Exception {
        Path yaml =
                descriptor(
                        "sha256: \"" + Sha256.ofText("weights") + "\"\n",
                        "{kind: logit, classes: 1, positive_index: 0}",
                        "0.5");
        assertThat(ModelDescriptor.check(yaml)).isEmpty();
    }

    @Test
    void aMissingSha256IsAProblemThatGivesTheCommand() throws Exception {
        Path yaml = descriptor("", "{kind: logit, classes: 1, positive_index: 0}", "0.5");
        assertThat(problems(yaml))
                .containsExactly(
                        "m.yaml line 1, column 1, sha256: is missing, so the weights cannot be"
                                + " verified: write the SHA-256 that sha256sum '"
                                + dir.resolve("m.onnx")
                                + "' prints, in quotes");
    }

    @Test
    void weightsThatAreNotTheDescribedOnesAreNamed() throws Exception {
        String other = "0".repeat(64);
        Path yaml =
                descriptor(
                        "sha256: \"" + other + "\"\n",
                        "{kind: logit, classes: 1, positive_index: 0}",
                        "0.5");
        assertThat(problems(yaml))
                .containsExactly(
                        "m.yaml line 6, column 9, sha256: '"
                                + other
                                + "' is not the SHA-256 of "
                                + dir.resolve("m.onnx")
                                + " ("
                                + Sha256.ofText("weights")
                                + "): the weights are not the ones described");
        Files.delete(dir.resolve("m.onnx"));
        assertThat(problems(yaml))
                .containsExactly(
                        "m.yaml line 5, column 7, file: 'm.onnx' is not a file ("
                                + dir.resolve("m.onnx")
                                + ")");
    }

    @Test
    void aThresholdOnScoresThatAreNotProbabilitiesMayBeAnyFiniteNumber() throws Exception {
        String sha = "sha256: \"" + Sha256.ofText("weights") + "\"\n";
        assertThat(
                        ModelDescriptor.check(
                                descriptor(
                                        sha,
                                        "{kind: score, classes: 1, positive_index: 0}",
                                        "-3.5")))
                .isEmpty();
        assertThat(
                        problems(
                                descriptor(
                                        sha,
                                        "{kind: probability, classes: 1, positive_index: 0}",
                                        "1.5")))
                .containsExactly(
                        "m.yaml line 10, column 12, threshold: 1.5 is above the maximum 1 (the"
                                + " scores are probabilities)");
        assertThat(
                        problems(
                                descriptor(
                                        sha,
                                        "{kind: score, classes: 1, positive_index: 0}",
                                        ".inf")))
                .containsExactly(
                        "m.yaml line 10, column 12, threshold: '.inf' is not a finite number");
    }

    @Test
    void aMissingDescriptorIsOneProblem() throws Exception {
        assertThat(problems(dir.resolve("none.yaml")))
                .containsExactly("none.yaml: no such file: " + dir.resolve("none.yaml"));
    }

    @Test
    void theBuiltInDescriptorsAndTheirWeightsPassTheCheck() throws Exception {
        for (BuiltInModel m : BuiltInModel.values()) {
            Path folder = Files.createDirectories(dir.resolve(m.id()));
            for (String name : List.of("descriptor.yaml", m.id() + ".params")) {
                try (InputStream in = getClass().getResourceAsStream(m.resourceFolder() + name)) {
                    Files.copy(in, folder.resolve(name));
                }
            }
            assertThat(ModelDescriptor.check(folder.resolve("descriptor.yaml")))
                    .as(m.id())
                    .isEmpty();
        }
    }

    @Test
    void theSchemaNamesTheArchitecturesTheModuleBuilds() throws Exception {
        var schema =
                org.clinval.common.yaml.YamlSchema.load(
                        ModelDescriptor.class, ModelDescriptor.SCHEMA);
        List<String> names = new java.util.ArrayList<>();
        schema.json().at("/properties/architecture/enum").forEach(n -> names.add(n.asText()));
        assertThat(names).isEqualTo(Architectures.NAMES);
    }
}
