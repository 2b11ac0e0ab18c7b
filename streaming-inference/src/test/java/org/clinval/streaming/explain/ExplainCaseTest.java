package org.clinval.streaming.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.DicomSlices;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.testing.ColourGrader;
import org.clinval.imaging.testing.Dciodvfy;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * A colour photograph (pydicom's RLE RGB Secondary Capture, no Pixel Spacing) and a 5-grade
     * colour model: every method explains the predicted grade, writes original.png in the
     * photograph's own colours and a Secondary Capture overlay that passes the IOD check.
     */
    @ParameterizedTest
    @ValueSource(strings = {"grad-cam", "occlusion", "lime"})
    void aColourCaseOfAGradingModelIsExplainedInColour(String method) throws Exception {
        Path image = dir.resolve("photo.dcm");
        Files.copy(DebianDicomFiles.file("SC_rgb_rle.dcm"), image);
        Path model = ColourGrader.write(Files.createDirectories(dir.resolve("model")));
        ImageSlice s = DicomSlices.read(image, false);
        int grade;
        double[] probabilities;
        try (ImageModel m = Models.load(model);
                ImagePredictor p = m.newPredictor()) {
            Prediction pr = p.predict(s);
            grade = pr.grade();
            probabilities = pr.classProbabilities();
        }
        Path out = dir.resolve("out");
        CaseExplainer explainer = new CaseExplainer(model, method, 7, 0, out);
        OneInputStreamOperatorTestHarness<SelectedCase, ExplainedCase> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new ExplainCase(explainer));
        h.processElement(
                new SelectedCase(
                        "C0001",
                        "true-positives",
                        image.toString(),
                        image.toString(),
                        "",
                        1,
                        0.9,
                        1),
                0);
        assertThat(h.getSideOutput(ExplainCase.FAILED)).isNull();
        ExplainedCase e = h.extractOutputValues().get(0);
        h.close();
        assertThat(e.problem()).isEmpty();
        assertThat(e.dicomOverlay()).isEqualTo("overlay.dcm");
        assertThat(e.target())
                .isEqualTo(
                        method.equals("grad-cam")
                                ? "class " + grade + " (predicted)"
                                : "probability of grade " + grade + " (predicted)");
        assertThat(e.peakRow()).isBetween(0, s.rows() - 1);
        assertThat(e.peakColumn()).isBetween(0, s.columns() - 1);
        if (!method.equals("grad-cam")) {
            // Each channel's own 5th percentile (nearest rank), as numpy's
            // np.percentile(channel, 5, method="inverted_cdf") gives it.
            double[] fill = new double[3];
            int n = s.rows() * s.columns();
            for (int k = 0; k < 3; k++) {
                float[] ch = java.util.Arrays.copyOfRange(s.hu(), k * n, (k + 1) * n);
                java.util.Arrays.sort(ch);
                fill[k] = ch[(int) Math.ceil(0.05 * n) - 1];
            }
            assertThat(CaseExplainer.parse(e.parameters()))
                    .containsEntry("fill_rgb", fill[0] + " " + fill[1] + " " + fill[2])
                    .doesNotContainKey("fill_hu");
        }
        assertThat(probabilities).hasSize(5);
        Path folder = out.resolve(e.folder());
        BufferedImage original = ImageIO.read(folder.resolve("original.png").toFile());
        assertThat(original.getWidth()).isEqualTo(s.columns());
        assertThat(original.getHeight()).isEqualTo(s.rows());
        int n = s.rows() * s.columns(), coloured = 0;
        for (int i = 0; i < n; i++) {
            int px = original.getRGB(i % s.columns(), i / s.columns());
            int[] rgb = {(px >> 16) & 0xFF, (px >> 8) & 0xFF, px & 0xFF};
            for (int k = 0; k < 3; k++) {
                assertThat(rgb[k]).isEqualTo(Math.round(s.hu()[k * n + i]));
            }
            if (rgb[0] != rgb[1] || rgb[1] != rgb[2]) coloured++;
        }
        assertThat(coloured).as("pixels whose channels differ").isPositive();
        Dciodvfy.assertValid(folder.resolve("overlay.dcm"), "SCImage");
        ImageSlice sc = DicomSlices.read(folder.resolve("overlay.dcm"), false);
        assertThat(sc.channels()).isEqualTo(3);
        assertThat(sc.rows()).isEqualTo(s.rows());
    }
}
