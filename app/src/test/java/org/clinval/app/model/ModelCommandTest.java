package org.clinval.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval model ...} in-process. Users' models: the ONNX file made by Debian's PyTorch in
 * imaging/src/test/python/make_test_models.py. Phantom seeds 4_400_0xx are test seeds.
 */
class ModelCommandTest {

    static Path models;

    @BeforeAll
    static void makeModels() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Process check =
                new ProcessBuilder(python.toString(), "-c", "import torch, onnx")
                        .redirectErrorStream(true)
                        .start();
        check.getInputStream().readAllBytes();
        assumeTrue(
                check.waitFor(2, TimeUnit.MINUTES) && check.exitValue() == 0,
                "Debian's python3-torch and python3-onnx are not installed");
        models = Path.of("target/test-models").toAbsolutePath();
        Process p =
                new ProcessBuilder(
                                python.toString(),
                                "../imaging/src/test/python/make_test_models.py",
                                models.toString())
                        .redirectErrorStream(true)
                        .start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0).as(log).isTrue();
    }

    static Path descriptor(Path dir, boolean resize) throws Exception {
        Path yaml = dir.resolve(resize ? "tiny.yaml" : "tiny-noresize.yaml");
        Files.writeString(
                yaml,
                "name: tiny_classifier\nversion: \"0.1\"\ntask: classification\nformat: onnx\n"
                        + "file: "
                        + models.resolve("tiny_classifier.onnx")
                        + "\ninput: {channels: 1, height: 32, width: 32}\npreprocessing:\n"
                        + "  - window: {lower: -1000, upper: 400}\n"
                        + (resize ? "  - resize: {height: 32, width: 32}\n" : "")
                        + "  - rescale: {lower: -1000, upper: 400}\n"
                        + "output: {kind: logit, classes: 2, positive_index: 1}\n"
                        + "threshold: 0.5\n");
        return yaml;
    }

    static JsonNode json(CliRun r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void predictRunsAUsersOnnxModelOnPhantoms(@TempDir Path tmp) throws Exception {
        JsonNode o =
                json(
                        CliRun.of(
                                "model",
                                "predict",
                                "--descriptor",
                                descriptor(tmp, true).toString(),
                                "--phantom-seed",
                                "4400002",
                                "--cases",
                                "3",
                                "--size",
                                "128"));
        assertThat(o.get("model").asText()).isEqualTo("tiny_classifier 0.1");
        assertThat(o.get("sha256").asText()).hasSize(64);
        assertThat(o.get("results")).hasSize(3);
        for (JsonNode r : o.get("results")) {
            assertThat(r.get("probability").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.get("positive").asBoolean())
                    .isEqualTo(r.get("probability").asDouble() >= 0.5);
            assertThat(r.has("reference_positive")).isTrue();
        }
    }

    @Test
    void predictWithTheBuiltInUNetReportsMaskAreas() throws Exception {
        JsonNode o =
                json(
                        CliRun.of(
                                "model",
                                "predict",
                                "--model",
                                "unet",
                                "--phantom-seed",
                                "4400004",
                                "--cases",
                                "2",
                                "--size",
                                "128"));
        for (JsonNode r : o.get("results")) {
            int pixels = r.get("mask_pixels").asInt();
            assertThat(r.get("mask_area_mm2").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(pixels == 0).isEqualTo(r.get("mask_area_mm2").asDouble() == 0);
        }
    }

    @Test
    void aModelWhoseInputSizeTheImageDoesNotReachIsAOneLineError(@TempDir Path tmp)
            throws Exception {
        CliRun r =
                CliRun.of(
                        "model",
                        "predict",
                        "--descriptor",
                        descriptor(tmp, false).toString(),
                        "--phantom-seed",
                        "4400002",
                        "--cases",
                        "1",
                        "--size",
                        "128");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip())
                .isEqualTo(
                        "clinval: after preprocessing the image is 128 x 128 but model "
                                + "tiny_classifier takes 32 x 32 (add a resize step to its "
                                + "preprocessing)");
    }

    @Test
    void badDescriptorsAreReportedWithEveryProblem(@TempDir Path tmp) throws Exception {
        CliRun missing =
                CliRun.of(
                        "model",
                        "predict",
                        "--descriptor",
                        tmp.resolve("nope.yaml").toString(),
                        "--phantom-seed",
                        "1",
                        "--cases",
                        "1");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("descriptor file not found: ").contains("nope.yaml");

        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: x\ntask: detect\nformat: onnx\n");
        CliRun r =
                CliRun.of(
                        "model",
                        "predict",
                        "--descriptor",
                        bad.toString(),
                        "--phantom-seed",
                        "1",
                        "--cases",
                        "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .contains("bad.yaml (6 problems)")
                .contains("task: 'detect' is not one of")
                .contains("file: is required")
                .contains("threshold: is required");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void explainWritesAnOpaquePngOverlay(@TempDir Path tmp) throws Exception {
        Path png = tmp.resolve("cam.png");
        JsonNode o =
                json(
                        CliRun.of(
                                "model",
                                "explain",
                                "--model",
                                "classifier",
                                "--method",
                                "grad-cam",
                                "--phantom-seed",
                                "4400005",
                                "--case",
                                "0",
                                "--size",
                                "128",
                                "--out",
                                png.toString()));
        assertThat(o.get("method").asText()).isEqualTo("grad-cam");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(128);
        assertThat(img.getColorModel().hasAlpha()).isFalse();
        assertThat(o.get("peak_row").asInt()).isBetween(0, 127);

        Path lime = tmp.resolve("lime.png");
        JsonNode l =
                json(
                        CliRun.of(
                                "model",
                                "explain",
                                "--descriptor",
                                descriptor(tmp, true).toString(),
                                "--method",
                                "lime",
                                "--seed",
                                "3",
                                "--phantom-seed",
                                "4400005",
                                "--case",
                                "0",
                                "--size",
                                "128",
                                "--out",
                                lime.toString()));
        assertThat(l.get("parameters").get("seed").asText()).isEqualTo("3");
        assertThat(Files.size(lime)).isPositive();
    }

    @Test
    void explainRefusesLimeWithoutSeedAndUnknownMethods(@TempDir Path tmp) {
        CliRun r =
                CliRun.of(
                        "model",
                        "explain",
                        "--model",
                        "classifier",
                        "--method",
                        "lime",
                        "--phantom-seed",
                        "1",
                        "--case",
                        "0",
                        "--out",
                        tmp.resolve("x.png").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--method lime needs an explicit --seed");
        CliRun u =
                CliRun.of(
                        "model",
                        "explain",
                        "--model",
                        "classifier",
                        "--method",
                        "shap",
                        "--phantom-seed",
                        "1",
                        "--case",
                        "0",
                        "--size",
                        "128",
                        "--out",
                        tmp.resolve("x.png").toString());
        assertThat(u.exit()).isEqualTo(1);
        assertThat(u.err()).contains("--method is not grad-cam, occlusion or lime: shap");
        CliRun g =
                CliRun.of(
                        "model",
                        "explain",
                        "--model",
                        "unet",
                        "--method",
                        "grad-cam",
                        "--phantom-seed",
                        "1",
                        "--case",
                        "0",
                        "--size",
                        "128",
                        "--out",
                        tmp.resolve("x.png").toString());
        assertThat(g.exit()).isEqualTo(1);
        assertThat(g.err()).contains("Grad-CAM needs the built-in classifier");
    }

    @Test
    void evaluatePrintsAucSensitivityAndBands(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("cases.csv");
        JsonNode o =
                json(
                        CliRun.of(
                                "model",
                                "evaluate",
                                "--descriptor",
                                descriptor(tmp, true).toString(),
                                "--seed",
                                "4400006",
                                "--cases",
                                "8",
                                "--csv",
                                csv.toString()));
        assertThat(o.get("cases").asInt()).isEqualTo(8);
        assertThat(o.get("phantom_seed").asLong()).isEqualTo(4400006);
        assertThat(o.has("auc")).isTrue();
        assertThat(
                        o.get("sensitivity").get("trials").asInt()
                                + o.get("specificity").get("trials").asInt())
                .isEqualTo(8);
        assertThat(o.get("by_diameter_band").has("3-6 mm")).isTrue();
        assertThat(o.has("grad_cam")).isFalse();
        assertThat(Files.readAllLines(csv)).hasSize(9);
    }

    @Test
    void trainingOnTheHeldOutSeedIsRefused(@TempDir Path tmp) {
        CliRun r =
                CliRun.of("model", "train", "unet", "--out", tmp.toString(), "--seed", "9200001");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("seed 9200001 is the held-out evaluation seed");
        CliRun u = CliRun.of("model", "train", "resnet", "--out", tmp.toString());
        assertThat(u.exit()).isEqualTo(1);
        assertThat(u.err()).contains("unknown built-in model: resnet");
    }
}
