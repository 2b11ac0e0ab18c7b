package org.clinval.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.clinval.common.Sha256;
import org.clinval.imaging.phantom.ImageStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs the grading, MR and X-ray demos write before the study runs: phantoms, the reference
 * model, the protocol and the acceptance criteria. ModalityDemosIT runs the studies themselves.
 */
class ModalityDemoInputsTest {

    @TempDir Path dir;

    @Test
    void theGradingDemoWritesFundusPhantomsTheGraderAndItsProtocol() throws Exception {
        ImageStudy s = DemoStudy.phantoms("grading", 20261121, 6, dir.resolve("data"));
        assertThat(s.masks()).contains(dir.resolve("data/truth/masks"));
        Path descriptor = DemoStudy.referenceModel("grading", dir.resolve("model"));
        String d = Files.readString(descriptor);
        assertThat(d).contains("task: grading", "channels: 3", "grades: [none, mild, moderate,");
        // the descriptor names the SHA-256 of the weights copied beside it
        assertThat(d)
                .contains(
                        "sha256: "
                                + Sha256.of(
                                        Files.readAllBytes(dir.resolve("model/dr-grader.params"))));
        DemoStudy.features(dir.resolve("features"), "grading");
        assertThat(Files.readString(dir.resolve("features/dr-grading.feature")))
                .contains("Then the quadratic weighted kappa is at least 0.80");
        Path protocol =
                DemoStudy.protocol(
                        dir.resolve("protocol.yaml"), descriptor, "ab".repeat(32), 77, "grading");
        String p = Files.readString(protocol);
        assertThat(p)
                .contains(
                        "task: grading",
                        "  model: model/descriptor.yaml",
                        "  sha256: \"" + "ab".repeat(32) + "\"",
                        "  modalities: [OP]",
                        "  reference_masks: data/truth/masks",
                        "  reference: {rule: majority, graders: [grader_1, grader_2, grader_3],"
                                + " column: adjudicated}",
                        "measure: kappa_quadratic",
                        "grading_endpoint: referable, superiority_goal: 0.85",
                        "  method: grad-cam",
                        "    seed: 77");
        Path risk = DemoStudy.risk(dir.resolve("risk"), "grading");
        assertThat(Files.readString(risk)).contains("RMF-DEMO-GRADING-001");
    }

    @Test
    void theMrAndDxDemosDeclareTheirModalities() throws Exception {
        for (String kind : List.of("mr", "dx")) {
            Path k = dir.resolve(kind);
            ImageStudy s = DemoStudy.phantoms(kind, 5, 4, k.resolve("data"));
            assertThat(s.cases()).isEqualTo(4);
            // the protocol names whatever descriptor the study is given
            Path descriptor = Files.writeString(k.resolve("descriptor.yaml"), "name: x\n");
            DemoStudy.features(k.resolve("features"), kind);
            String p =
                    Files.readString(
                            DemoStudy.protocol(
                                    k.resolve("protocol.yaml"),
                                    descriptor,
                                    "cd".repeat(32),
                                    5,
                                    kind));
            assertThat(p).contains(kind.equals("mr") ? "modalities: [MR]" : "modalities: [DX, CR]");
        }
    }

    @Test
    void theMrDemoCopiesTheBuiltInMrClassifier() throws Exception {
        Path descriptor = DemoStudy.referenceModel("mr", dir.resolve("model"));
        String d = Files.readString(descriptor);
        assertThat(d).contains("task: classification", "- zscore: {}", "positive_index: 1");
        assertThat(d)
                .contains(
                        "sha256: "
                                + Sha256.of(
                                        Files.readAllBytes(
                                                dir.resolve("model/mr-lesion-classifier.params"))));
    }

    @Test
    void badModalityOptionsAreNamedBeforeAnythingIsWritten() {
        assertThat(
                        CliRun.of("demo", "--out", dir.resolve("x").toString(), "--modality", "US")
                                .err())
                .startsWith("clinval: --modality is not CT, MR or DX: US");
        assertThat(
                        CliRun.of(
                                        "demo",
                                        "--out",
                                        dir.resolve("y").toString(),
                                        "--modality",
                                        "MR",
                                        "--task",
                                        "segmentation")
                                .err())
                .startsWith("clinval: --modality MR runs a classification study");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
