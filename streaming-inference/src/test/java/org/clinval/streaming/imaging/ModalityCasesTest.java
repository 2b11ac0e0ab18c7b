package org.clinval.streaming.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.clinval.common.Sha256;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.clinval.imaging.testing.InputFixtures;
import org.clinval.imaging.testing.XrayFiles;
import org.clinval.imaging.testing.XrayFiles.Xray;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.RejectedInput;
import org.clinval.streaming.ScorerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's load and preprocess stages on X-ray (MONOCHROME1 and its inverse) and colour cases, and
 * what they say about a case they reject: its pseudonymous id, never its path.
 */
class ModalityCasesTest {

    @TempDir Path root;

    private CaseInput input(String id, Path file) throws Exception {
        return CaseInput.image("case-" + id, id, root.relativize(file).toString(), Sha256.of(file));
    }

    private Path descriptor(String name, String body) throws Exception {
        Path yaml = root.resolve(name + ".yaml");
        Files.writeString(yaml, "name: " + name + "\nversion: \"1\"\nformat: onnx\n" + body);
        return yaml;
    }

    @Test
    void aMonochrome1CaseAndItsInverseArePreparedIdentically() throws Exception {
        Xray base =
                XrayFiles.fromStoredText(
                        InputFixtures.reference().resolve("MR_small.stored.txt"),
                        "MONOCHROME1",
                        "CR");
        Xray m1 =
                new Xray(
                        base.rows(),
                        base.columns(),
                        base.stored(),
                        "MONOCHROME1",
                        "CR",
                        2,
                        -100,
                        2 * 1095 - 100,
                        1201,
                        Optional.empty());
        Path a = root.resolve("secret-patient-name-a.dcm");
        Path b = root.resolve("secret-patient-name-b.dcm");
        XrayFiles.write(m1, a, "stream-m1");
        XrayFiles.write(XrayFiles.inverse(m1), b, "stream-m2");
        DicomCaseLoader loader = new DicomCaseLoader(root, List.of("CR", "DX"), false);
        LoadedCase ca = loader.load(input("F1", a));
        LoadedCase cb = loader.load(input("F2", b));
        assertThat(ca.read()).isEqualTo("MONOCHROME1 inverted");
        assertThat(cb.read()).isEmpty();
        assertThat(ca.pixels()).isEqualTo(cb.pixels());
        ModelPreprocessor prepare =
                new ModelPreprocessor(
                        descriptor(
                                "cr",
                                "task: classification\nfile: cr.onnx\n"
                                        + "input: {channels: 1, height: 32, width: 32}\n"
                                        + "preprocessing:\n  - voi_lut: {}\n"
                                        + "  - resize: {height: 32, width: 32}\n"
                                        + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n"));
        float[] pa = prepare.prepare(ca);
        assertThat(pa).hasSize(32 * 32).isEqualTo(prepare.prepare(cb));
        assertThat(pa).contains(0f, 1f);
        assertThatThrownBy(
                        () -> new DicomCaseLoader(root, List.of("CT"), false).load(input("F1", a)))
                .isInstanceOf(RejectedInput.class)
                .hasMessage("F1: modality CR; the protocol accepts CT");
    }

    @Test
    void aColourCaseIsPreparedAsThreePlanesAndScoredPerGrade() throws Exception {
        Path rgb = root.resolve("photo.dcm");
        Files.copy(DebianDicomFiles.file("SC_rgb_rle.dcm"), rgb);
        Path us = root.resolve("echo.dcm");
        Files.copy(DebianDicomFiles.file("ExplVR_BigEnd.dcm"), us);
        LoadedCase c = new DicomCaseLoader(root, List.of("OT", "US"), false).load(input("F7", rgb));
        assertThat(c.channels()).isEqualTo(3);
        assertThat(c.photometric()).isEqualTo("RGB");
        Path grader =
                descriptor(
                        "grader",
                        "task: grading\nfile: "
                                + InputFixtures.models().resolve("tiny_grader.onnx")
                                + "\ninput: {channels: 3, height: 32, width: 32}\npreprocessing:\n"
                                + "  - resize: {height: 32, width: 32}\n"
                                + "  - scale: {factor: 0.00392156862745098}\n"
                                + "  - standardize: {mean: [0.5, 0.3, 0.2], std: [0.25, 0.2, 0.15]}\n"
                                + "output: {kind: logit, classes: 5}\n"
                                + "grades: [none, mild, moderate, severe, proliferative]\n");
        float[] in = new ModelPreprocessor(grader).prepare(c);
        assertThat(in).hasSize(3 * 32 * 32);
        try (ScorerFactory.Scorer s = new ModelScorerFactory(grader).open()) {
            double[] p = s.classProbabilities(in);
            assertThat(p).hasSize(5);
            assertThat(p[0] + p[1] + p[2] + p[3] + p[4]).isCloseTo(1, within(1e-9));
            assertThat(s.score(in)).isCloseTo(1 - p[0], within(1e-9));
        }
        // An image without Pixel Spacing is taken only where sizes are not needed.
        assertThat(
                        new DicomCaseLoader(root, List.of("US"), false)
                                .load(input("F8", us))
                                .rowSpacingMm())
                .isNaN();
        assertThatThrownBy(() -> new DicomCaseLoader(root, List.of("US")).load(input("F8", us)))
                .isInstanceOf(RejectedInput.class)
                .hasMessageStartingWith("F8: ")
                .hasMessageContaining("no pixel spacing")
                .hasMessageNotContaining(root.toString());
        // A colour case given to a grey model is rejected by id, with the reason.
        ModelPreprocessor grey =
                new ModelPreprocessor(
                        descriptor(
                                "grey",
                                "task: classification\nfile: g.onnx\n"
                                        + "input: {channels: 1, height: 32, width: 32}\n"
                                        + "preprocessing:\n  - resize: {height: 32, width: 32}\n"
                                        + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n"));
        assertThatThrownBy(() -> grey.prepare(c))
                .isInstanceOf(RejectedInput.class)
                .hasMessageStartingWith("F7: ")
                .hasMessageContaining("3 channels (colour)")
                .hasMessageNotContaining("photo.dcm");
    }

    @Test
    void aLoadedCaseStaysAFlinkPojo() {
        assertThat(TypeInformation.of(LoadedCase.class)).isNotInstanceOf(GenericTypeInfo.class);
    }
}
