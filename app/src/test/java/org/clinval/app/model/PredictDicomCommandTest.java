package org.clinval.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.dicom.write.CtImage;
import org.clinval.imaging.dicom.write.CtImageWriter;
import org.clinval.imaging.dicom.write.CtSeries;
import org.clinval.imaging.dicom.write.PatientStudy;
import org.clinval.imaging.dicom.write.SliceGeometry;
import org.clinval.imaging.dicom.write.Uids;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudy;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code clinval predict --input DICOM…} with the built-in model and with models made outside the
 * project.
 */
class PredictDicomCommandTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT =
            Path.of("..", "imaging", "src", "test", "python", "make_test_models.py");

    @TempDir static Path dir;
    private static Path models;
    private static final List<Path> fixtures = new ArrayList<>();

    /**
     * Models made by Debian's PyTorch 1.13 ({@code make_test_models.py}: a tiny CNN traced to
     * TorchScript and exported to ONNX), and its three fixed images written as CT DICOM: {@code hu
     * = −1000 + 1400·((7r + 13c + 31k) mod 97)/96}, stored exactly with rescale slope 1400/96.
     */
    @BeforeAll
    static void fixtures() throws Exception {
        assumeTrue(
                Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/torch")),
                "python3-torch not installed: run .ci/install-test-tools");
        models = dir.resolve("models");
        Process p =
                new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), models.toString())
                        .redirectErrorStream(true)
                        .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        PatientStudy study = PatientStudy.synthetic("fixture", "predict-test");
        CtSeries series =
                CtSeries.builder()
                        .setStudy(study)
                        .setSeriesInstanceUid(Uids.derive("predict-test", "series"))
                        .setFrameOfReferenceUid(Uids.derive("predict-test", "frame"))
                        .setBodyPartExamined("CHEST")
                        .optRescale(1400.0 / 96, -1000)
                        .build();
        for (int k = 0; k < 3; k++) {
            float[] hu = new float[32 * 32];
            for (int r = 0; r < 32; r++)
                for (int c = 0; c < 32; c++)
                    hu[r * 32 + c] =
                            (float) (-1000 + 1400.0 * ((7 * r + 13 * c + 31 * k) % 97) / 96);
            Path f = dir.resolve("fixture-" + k + ".dcm");
            CtImageWriter.write(
                    series,
                    new CtImage(32, 32, hu, SliceGeometry.axial(0, 0, k, 0.7, 0.7, 1), k + 1),
                    f);
            fixtures.add(f);
        }
    }

    private static Path descriptor(String format) throws Exception {
        Path yaml = dir.resolve("tiny-" + format + ".yaml");
        Files.writeString(
                yaml,
                "name: tiny_classifier\nversion: \"0.1\"\ntask: classification\nformat: "
                        + format
                        + "\nfile: "
                        + models.resolve(
                                format.equals("onnx")
                                        ? "tiny_classifier.onnx"
                                        : "tiny_classifier.pt")
                        + "\ninput: {channels: 1, height: 32, width: 32}\npreprocessing:\n"
                        + "  - window: {lower: -1000, upper: 400}\n  - rescale: {lower: -1000, upper: 400}\n"
                        + "output: {kind: logit, classes: 2, positive_index: 1}\nthreshold: 0.5\n");
        return yaml;
    }

    private static double expected(int image) throws Exception {
        for (String line : Files.readAllLines(models.resolve("expected.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals("tiny_classifier")
                    && f[1].equals(Integer.toString(image))
                    && f[2].equals("0")) return Double.parseDouble(f[3]);
        }
        throw new AssertionError("no expected value for image " + image);
    }

    // Reference: torch.softmax(TinyClassifier()(x), dim=1)[:, 1] in make_test_models.py
    // (expected.csv).
    @ParameterizedTest
    @ValueSource(strings = {"torchscript", "onnx"})
    void aModelMadeOutsideTheProjectRunsOnDicomAsPyTorchRunsIt(String format) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "predict",
                                "--descriptor",
                                descriptor(format).toString(),
                                "--input"));
        fixtures.forEach(f -> args.add(f.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        JsonNode results = r.json().get("results");
        for (int k = 0; k < 3; k++) {
            assertThat(results.get(k).get("file").asText()).isEqualTo(fixtures.get(k).toString());
            assertThat(results.get(k).get("probability").asDouble())
                    .as(format + " image " + k)
                    .isCloseTo(expected(k), within(1e-5));
        }
    }

    @Test
    void theBuiltInClassifierGivesOnDicomWhatItGivesOnThePhantomItself() throws Exception {
        PhantomGenerator g =
                PhantomGenerator.builder().setSeed(5000201).setSize(256).setPrevalence(0.5).build();
        PhantomStudy s = PhantomStudyWriter.write(g, 2, dir.resolve("phantoms"));
        Path junk = Files.writeString(dir.resolve("junk.dcm"), "not DICOM");
        Path f0 = s.dicom().resolve("case-0001/IM001.dcm");
        Path f1 = s.dicom().resolve("case-0002/IM001.dcm");
        CliRun r =
                CliRun.of(
                        "predict",
                        "--model",
                        "classifier",
                        "--input",
                        f0.toString(),
                        f1.toString(),
                        junk.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("clinval: 1 of 3 files could not be read\n");
        JsonNode results = r.json().get("results");
        assertThat(results.get(2).get("error").asText()).startsWith(junk.toString());
        try (ImageModel m = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER);
                ImagePredictor p = m.newPredictor()) {
            for (int i = 0; i < 2; i++) {
                double direct =
                        p.predict(ImageSlice.of(g.generateCase(i).image(), 0)).probability();
                assertThat(results.get(i).get("probability").asDouble())
                        .isCloseTo(direct, within(1e-9));
            }
        }
        assertThat(r.out()).doesNotContain(g.generateCase(0).patient().id());
    }

    @Test
    void explainWritesAnOverlayForADicomImage() throws Exception {
        PhantomGenerator g =
                PhantomGenerator.builder().setSeed(5000202).setSize(256).setPrevalence(1).build();
        PhantomStudy s = PhantomStudyWriter.write(g, 1, dir.resolve("explain"));
        Path png = dir.resolve("gradcam.png");
        CliRun r =
                CliRun.of(
                        "explain",
                        "--model",
                        "classifier",
                        "--input",
                        s.dicom().resolve("case-0001/IM001.dcm").toString(),
                        "--method",
                        "grad-cam",
                        "--out",
                        png.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.json().get("png").asText()).isEqualTo(png.toString());
        assertThat(Files.size(png)).isPositive();
    }
}
