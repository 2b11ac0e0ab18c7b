package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code explanations} block and lesion masks in a classification protocol. */
class ExplanationProtocolTest {

    @TempDir Path dir;

    private Path protocol;

    @BeforeEach
    void folders() throws Exception {
        Files.createDirectories(dir.resolve("truth/masks"));
        Files.createDirectories(dir.resolve("truth/seg"));
    }

    private List<String> problems(String top, String dataset) throws Exception {
        protocol = StudyFixture.in(dir).write();
        String text =
                Files.readString(protocol)
                        .replace("  deidentify: false\n", "  deidentify: false\n" + dataset);
        Files.writeString(protocol, top + text);
        return ProtocolReader.check(protocol).stream()
                .map(p -> p.path() + ": " + p.what())
                .toList();
    }

    private static final String BLOCK =
            """
            explanations:
              method: grad-cam
              cases: [false-negatives, false-positives, true-positives]
              per_kind: 4
              seed: 20261205
            """;

    @Test
    void aClassificationStudyTakesExplanationsAndLesionMasks() throws Exception {
        assertThat(problems(BLOCK, "  reference_masks: truth/masks\n")).isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        ExplanationSettings e = p.explanations().orElseThrow();
        assertThat(e.method()).isEqualTo("grad-cam");
        assertThat(e.cases())
                .containsExactly("false-negatives", "false-positives", "true-positives");
        assertThat(e.perKind()).isEqualTo(4);
        assertThat(e.seed()).isEqualTo(20261205L);
        assertThat(e.tolerancePx()).isZero();
        assertThat(p.dataset().referenceMasks())
                .contains(dir.resolve("truth/masks").toAbsolutePath().normalize());
        assertThat(problems(BLOCK.replace("  seed", "  tolerance_px: 3\n  seed"), "")).isEmpty();
        assertThat(ProtocolReader.read(protocol).explanations().orElseThrow().tolerancePx())
                .isEqualTo(3);
        assertThat(problems("", "")).isEmpty();
        assertThat(ProtocolReader.read(protocol).explanations()).isEmpty();
    }

    @Test
    void badSettingsAreNamedByTheirPath() throws Exception {
        assertThat(problems(BLOCK.replace("grad-cam", "shap"), ""))
                .singleElement()
                .asString()
                .startsWith("explanations.method: 'shap' is not one of");
        assertThat(problems(BLOCK.replace("true-positives", "true-positive"), ""))
                .singleElement()
                .asString()
                .startsWith("explanations.cases");
        assertThat(problems(BLOCK.replace("per_kind: 4", "per_kind: 0"), ""))
                .singleElement()
                .asString()
                .startsWith("explanations.per_kind");
        assertThat(problems(BLOCK.replace("  seed: 20261205\n", ""), ""))
                .singleElement()
                .asString()
                .startsWith("explanations");
        assertThat(problems(BLOCK + "  colour: red\n", ""))
                .singleElement()
                .asString()
                .startsWith("explanations");
        assertThat(problems(BLOCK, "  reference_masks: truth/none\n"))
                .singleElement()
                .asString()
                .startsWith("dataset.reference_masks: 'truth/none' is not a folder");
    }

    @Test
    void explanationsBelongToAStudyWithACaseLevelScore() throws Exception {
        assertThat(problems("task: segmentation\n" + BLOCK, "  reference_masks: truth/seg\n"))
                .anyMatch(
                        p ->
                                p.startsWith(
                                        "explanations: is only for a study with a case-level"
                                                + " score"));
    }
}
