package org.clinval.streaming.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.clinval.imaging.model.BuiltInModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explain function: a case it cannot explain goes to the side output with its reason. */
class ExplainCaseTest {

    @TempDir Path dir;

    @Test
    void anUnreadableImageGoesToTheSideOutputNamingTheCaseNotAJobFailure() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        String folder = BuiltInModel.NODULE_CLASSIFIER.resourceFolder();
        for (String name : List.of("descriptor.yaml", "nodule-classifier.params")) {
            try (InputStream in = getClass().getResourceAsStream(folder + name)) {
                Files.copy(in, model.resolve(name));
            }
        }
        Path bad = Files.writeString(dir.resolve("not-dicom.dcm"), "not a DICOM file");
        CaseExplainer explainer =
                new CaseExplainer(
                        model.resolve("descriptor.yaml"), "grad-cam", 1, 0, dir.resolve("out"));
        OneInputStreamOperatorTestHarness<SelectedCase, ExplainedCase> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new ExplainCase(explainer));
        h.processElement(
                new SelectedCase(
                        "C0007", "false-negatives", bad.toString(), bad.toString(), "", 1, 0.2, 0),
                0);
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(h.getSideOutput(ExplainCase.FAILED))
                .singleElement()
                .satisfies(
                        r -> {
                            ExplainedCase e = r.getValue();
                            assertThat(e.caseId()).isEqualTo("C0007");
                            assertThat(e.kind()).isEqualTo("false-negatives");
                            assertThat(e.problem()).isNotEmpty().doesNotContain("not-dicom");
                            assertThat(e.problem()).doesNotContain(dir.toString());
                            assertThat(e.pointingHit()).isEmpty();
                        });
        h.close();
    }
}
