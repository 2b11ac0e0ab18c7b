package org.clinval.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.clinval.imaging.testing.InputFixtures;
import org.clinval.imaging.testing.TorchFixtures;
import org.clinval.imaging.testing.XrayFiles;
import org.clinval.imaging.testing.XrayFiles.Xray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval predict} on MR, CR (MONOCHROME1 and its inverse) and colour DICOM files with
 * users' ONNX models made by PyTorch ({@code make_input_models.py}); the output names each
 * preprocessing step and what was done to the image when read.
 */
class PredictModalitiesCommandTest {

    @TempDir Path dir;

    private Path descriptor(String name, String model, String body) throws Exception {
        Path yaml = dir.resolve(name + ".yaml");
        Files.writeString(
                yaml,
                "name: "
                        + name
                        + "\nversion: \"1\"\nformat: onnx\nfile: "
                        + InputFixtures.models().resolve(model)
                        + "\n"
                        + body);
        return yaml;
    }

    private static JsonNode predict(Path descriptor, Path... files) {
        List<String> args =
                new ArrayList<>(
                        List.of("predict", "--descriptor", descriptor.toString(), "--input"));
        for (Path f : files) args.add(f.toString());
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return r.json();
    }

    @Test
    void aMonochrome1CrAndItsInverseScoreTheSameAndMrIsNormalisedPerImage() throws Exception {
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
                        1,
                        0,
                        1095,
                        1201,
                        Optional.empty());
        Path a = dir.resolve("cr-m1.dcm");
        Path b = dir.resolve("cr-m2.dcm");
        XrayFiles.write(m1, a, "predict-m1");
        XrayFiles.write(XrayFiles.inverse(m1), b, "predict-m2");
        Path cr =
                descriptor(
                        "cr",
                        "tiny_grey.onnx",
                        "task: classification\ninput: {channels: 1, height: 32, width: 32}\n"
                                + "preprocessing:\n"
                                + "  - presentation_intent: {accept: [FOR PRESENTATION], when_absent: accept}\n"
                                + "  - voi_lut: {}\n  - resize: {height: 32, width: 32}\n"
                                + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n");
        JsonNode out = predict(cr, a, b);
        assertThat(out.get("preprocessing_steps").toString())
                .isEqualTo("[\"presentation_intent\",\"voi_lut\",\"resize\"]");
        JsonNode r = out.get("results");
        assertThat(r.get(0).get("read").toString()).isEqualTo("[\"MONOCHROME1 inverted\"]");
        assertThat(r.get(1).get("read").size()).isZero();
        // The same model input exactly gives the same score exactly.
        assertThat(r.get(0).get("probability").asDouble())
                .isEqualTo(r.get(1).get("probability").asDouble());
        // The images are not blank to the model: other CR images score differently.
        Xray other =
                new Xray(
                        m1.rows(),
                        m1.columns(),
                        m1.stored(),
                        "MONOCHROME2",
                        "CR",
                        1,
                        0,
                        1095,
                        1201,
                        Optional.empty());
        Path c = dir.resolve("cr-not-inverted.dcm");
        XrayFiles.write(other, c, "predict-other");
        assertThat(predict(cr, c).get("results").get(0).get("probability").asDouble())
                .isNotEqualTo(r.get(0).get("probability").asDouble());

        Path mr =
                descriptor(
                        "mr",
                        "tiny_grey.onnx",
                        "task: classification\ninput: {channels: 1, height: 32, width: 32}\n"
                                + "preprocessing:\n  - zscore: {foreground_above: 100}\n"
                                + "  - resize: {height: 32, width: 32}\n"
                                + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n");
        JsonNode m =
                predict(
                        mr,
                        DebianDicomFiles.file("MR_small.dcm"),
                        DebianDicomFiles.file("MR_small_RLE.dcm"),
                        DebianDicomFiles.file("MR_small_bigendian.dcm"));
        assertThat(m.get("preprocessing").toString())
                .isEqualTo(
                        "[{\"zscore\":{\"foreground_above\":100.0}},{\"resize\":{\"height\":32,\"width\":32}}]");
        double p0 = m.get("results").get(0).get("probability").asDouble();
        for (int i = 1; i < 3; i++) {
            assertThat(m.get("results").get(i).get("probability").asDouble()).isEqualTo(p0);
        }
    }

    // Reference: make_input_models.py with pydicom 2.3.1 and torch 1.13: pixel_array
    // (convert_color_space for YBR), F.interpolate(bilinear, align_corners=False) to 32x32, scale,
    // standardize, torch.softmax(TinyGrader) (dicom_grading.csv).
    @Test
    void aColourGraderRunsOnSecondaryCaptureAndUltrasoundFilesAsPyTorchRunsIt() throws Exception {
        Path d =
                descriptor(
                        "grader",
                        "tiny_grader.onnx",
                        "task: grading\ninput: {channels: 3, height: 32, width: 32}\n"
                                + "preprocessing:\n  - resize: {height: 32, width: 32}\n"
                                + "  - scale: {factor: 0.00392156862745098}\n"
                                + "  - standardize: {mean: [0.5, 0.3, 0.2], std: [0.25, 0.2, 0.15]}\n"
                                + "output: {kind: logit, classes: 5}\n"
                                + "grades: [none, mild, moderate, severe, proliferative]\n");
        List<String> names =
                List.of("SC_rgb_rle.dcm", "SC_ybr_full_422_uncompressed.dcm", "ExplVR_BigEnd.dcm");
        JsonNode out = predict(d, names.stream().map(DebianDicomFiles::file).toArray(Path[]::new));
        assertThat(out.get("preprocessing_steps").toString())
                .isEqualTo("[\"resize\",\"scale\",\"standardize\"]");
        List<String[]> ref =
                TorchFixtures.rows(InputFixtures.models().resolve("dicom_grading.csv"));
        String[] grades = {"none", "mild", "moderate", "severe", "proliferative"};
        for (int i = 0; i < names.size(); i++) {
            JsonNode r = out.get("results").get(i);
            int best = 0;
            double bestP = -1;
            for (String[] row : ref) {
                if (!row[0].equals(names.get(i))) continue;
                int g = Integer.parseInt(row[1]);
                double p = Double.parseDouble(row[2]);
                assertThat(r.get("grade_probabilities").get(grades[g]).asDouble())
                        .as(names.get(i) + " " + grades[g])
                        .isCloseTo(p, within(1e-4));
                if (p > bestP) {
                    bestP = p;
                    best = g;
                }
            }
            assertThat(r.get("grade").asInt()).isEqualTo(best);
            assertThat(r.get("grade_name").asText()).isEqualTo(grades[best]);
        }
        assertThat(out.get("results").get(1).get("read").toString())
                .isEqualTo("[\"YBR_FULL converted to RGB\"]");
    }
}
