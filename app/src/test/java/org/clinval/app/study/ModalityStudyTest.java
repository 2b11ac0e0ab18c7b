package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.app.testing.CliRun;
import org.clinval.common.Sha256;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.clinval.imaging.testing.InputFixtures;
import org.clinval.imaging.testing.XrayFiles;
import org.clinval.imaging.testing.XrayFiles.Xray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies of other modalities than CT, run to their reports with a user's ONNX model ({@code
 * make_input_models.py}'s tiny grey CNN): pydicom's MR test files in every transfer syntax it
 * ships, and CR images (MONOCHROME1 and MONOCHROME2) written from MR_small's stored values.
 */
class ModalityStudyTest {

    @TempDir Path dir;

    private Path protocol(String modality, String steps, List<String> labels) throws Exception {
        return protocol(
                modality,
                "tiny_grey.onnx",
                "input: {channels: 1, height: 32, width: 32}\npreprocessing:\n"
                        + steps
                        + "  - resize: {height: 32, width: 32}\n"
                        + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n",
                labels);
    }

    private Path protocol(String modality, String weights, String body, List<String> labels)
            throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Path onnx = model.resolve("model.onnx");
        Files.copy(InputFixtures.models().resolve(weights), onnx);
        Path descriptor = model.resolve("descriptor.yaml");
        Files.writeString(
                descriptor,
                "name: user-model\nversion: \"1\"\ntask: classification\nformat: onnx\n"
                        + "file: model.onnx\nsha256: \""
                        + Sha256.of(onnx)
                        + "\"\n"
                        + body);
        // The analysis needs manufacturer, sex and age band for every case; these images'
        // headers do not all have them, so the ground truth gives them.
        StringBuilder truth = new StringBuilder("case_id,label,site,manufacturer,sex,age_band\n");
        for (int i = 0; i < labels.size(); i++) {
            truth.append(
                    String.format(
                            "case-%04d,%s,site-%d,vendor-%d,%s,40-49%n",
                            i + 1, labels.get(i), i % 2, i % 2, i % 2 == 0 ? "F" : "M"));
        }
        Path gt = Files.createDirectories(dir.resolve("data/truth")).resolve("ground-truth.csv");
        Files.writeString(gt, truth.toString());
        Path p = dir.resolve("protocol.yaml");
        Files.writeString(
                p,
                String.join(
                        "\n",
                        "id: MOD-1",
                        "title: " + modality + " study",
                        "intended_use: u",
                        "device: {name: d, version: '1', model: model/descriptor.yaml, sha256: \""
                                + Sha256.of(descriptor)
                                + "\"}",
                        "dataset: {dicom: data/dicom, ground_truth: data/truth/ground-truth.csv,"
                                + " deidentify: true, modalities: ["
                                + modality
                                + "]}",
                        "operating_point: {threshold: 0.5, rule: '>=', positive_class: '1',"
                                + " direction: higher}",
                        "endpoints:",
                        "  - id: EP1",
                        "    role: primary",
                        "    name: sensitivity",
                        "    criterion: {measure: sensitivity, estimate_min: 0.5, ci_method: wilson,"
                                + " level: 0.95}",
                        "    verifies: {requirements: [REQ-1]}",
                        "subgroups: {attributes: [site], min_n_per_class: 1}",
                        "statistics: {ci_method: wilson, level: 0.95, bootstrap: {replicates: 100,"
                                + " seed: 1}}",
                        ""),
                StandardCharsets.UTF_8);
        return p;
    }

    private Path caseFile(int i) throws Exception {
        return Files.createDirectories(dir.resolve(String.format("data/dicom/case-%04d", i + 1)))
                .resolve("IM001.dcm");
    }

    /** Runs the study through its first signature; returns the run folder. */
    private Path run(Path protocol) throws Exception {
        SiteFixture site = SiteFixture.init(dir.resolve("site"));
        site.addUser("lee", "Lee Lead", "qa-lead");
        Path runDir = dir.resolve("run");
        CliRun start = site.run("study", "run", protocol.toString(), "--out", runDir.toString());
        if (start.exit() != 0) {
            CliRun check = site.run("study", "check", protocol.toString());
            assertThat(start.exit()).as(start.err() + check.out() + check.err()).isZero();
        }
        CliRun list = site.run("task", "list", "--run", runDir.toString());
        String id = new ObjectMapper().readTree(list.out()).get("tasks").get(0).get("id").asText();
        CliRun done =
                site.run(
                        "task",
                        "complete",
                        id,
                        "--user",
                        "lee",
                        "--meaning",
                        "approved",
                        "--password-file",
                        site.password.toString(),
                        "--run",
                        runDir.toString());
        if (done.exit() != 0) {
            String log = Files.readString(runDir.resolve("clinval.log"));
            String why =
                    log.lines()
                            .filter(l -> l.contains("Exception:"))
                            .findFirst()
                            .orElse(log.length() > 2000 ? log.substring(0, 2000) : log);
            String q = "";
            for (String f : List.of("quarantine.csv", "phi-quarantine.csv")) {
                Path qf = runDir.resolve(f);
                if (Files.exists(qf)) q += "\n" + f + ":\n" + Files.readString(qf);
            }
            assertThat(done.exit()).as(done.err() + why + q).isZero();
        }
        return runDir;
    }

    /**
     * Copies a pydicom file giving it its own SOP Instance UID (pydicom's MR_small copies share
     * one, and a study quarantines a duplicate image): the UID's last digits are replaced in place,
     * same length, in the file meta and the data set, so nothing else moves.
     */
    private static void copyWithOwnInstanceUid(Path from, Path to, int i) throws Exception {
        byte[] b = Files.readAllBytes(from);
        byte[] uid =
                "1.3.6.1.4.1.5962.1.1.4.1.1.20040826185059.5457"
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] own = uid.clone();
        own[own.length - 1] = (byte) ('0' + i);
        int n = 0;
        for (int k = 0; k + uid.length <= b.length; k++) {
            if (java.util.Arrays.equals(b, k, k + uid.length, uid, 0, uid.length)) {
                System.arraycopy(own, 0, b, k, own.length);
                n++;
            }
        }
        assertThat(n).as(from + ": SOP Instance UID in meta and data set").isEqualTo(2);
        Files.write(to, b);
    }

    @Test
    void aColourStudyOfSecondaryCaptureAndUltrasoundFilesRunsToItsReport() throws Exception {
        List<String> names =
                List.of(
                        "SC_rgb_rle.dcm",
                        "SC_ybr_full_422_uncompressed.dcm",
                        "SC_rgb_jpeg_dcmd.dcm",
                        "ExplVR_BigEnd.dcm",
                        "SC_rgb_small_odd.dcm",
                        "SC_rgb_dcmtk_+eb+cy+n1.dcm",
                        "SC_rgb_jpeg_lossy_gdcm.dcm",
                        "SC_rgb_gdcm_KY.dcm");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Files.copy(DebianDicomFiles.file(names.get(i)), caseFile(i));
            labels.add(i % 2 == 0 ? "1" : "0");
        }
        // A colour model: the 5-class CNN read as a classifier of its last class.
        Path p =
                protocol(
                        "OT, US",
                        "tiny_grader.onnx",
                        "input: {channels: 3, height: 32, width: 32}\npreprocessing:\n"
                                + "  - resize: {height: 32, width: 32}\n"
                                + "  - scale: {factor: 0.00392156862745098}\n"
                                + "  - standardize: {mean: [0.5, 0.3, 0.2], std: [0.25, 0.2, 0.15]}\n"
                                + "output: {kind: logit, classes: 5, positive_index: 4}\n"
                                + "threshold: 0.5\n",
                        labels);
        // Secondary captures and ultrasound may show text in their pixels and these files do not
        // say otherwise (no Burned In Annotation): the protocol states that it accepts that.
        Files.writeString(
                p,
                Files.readString(p)
                        .replace(
                                "deidentify: true,",
                                "deidentify: true, allow_burned_in_annotation: true,"));
        Path runDir = run(p);
        List<String> results = rows(runDir.resolve("case-results.csv"));
        assertThat(rows(runDir.resolve("quarantine.csv"))).isEmpty();
        assertThat(results).hasSize(names.size());
        assertThat(results.stream().map(l -> l.split(",")[6]).distinct().count()).isGreaterThan(1);
        assertReported(runDir);
    }

    /** The run has its report, and its provenance binds the descriptor that names the steps. */
    private void assertReported(Path runDir) throws Exception {
        assertThat(runDir.resolve("reports/validation-report.pdf")).isNotEmptyFile();
        JsonNode metrics = new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile());
        assertThat(metrics.get("provenance").get("descriptor_sha256").asText())
                .isEqualTo(Sha256.of(dir.resolve("model/descriptor.yaml")));
    }

    private static List<String> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).skip(1).toList();
    }

    @Test
    void anMrStudyOfPydicomsFilesRunsToItsReport() throws Exception {
        List<String> names =
                List.of(
                        "MR_small.dcm",
                        "MR_small_RLE.dcm",
                        "MR_small_bigendian.dcm",
                        "MR_small_expb.dcm",
                        "MR_small_implicit.dcm",
                        "MR_small_jp2klossless.dcm",
                        "MR_small_padded.dcm",
                        "MR_small_jpeg_ls_lossless.dcm");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            copyWithOwnInstanceUid(DebianDicomFiles.file(names.get(i)), caseFile(i), i);
            labels.add(i % 2 == 0 ? "1" : "0");
        }
        Path runDir = run(protocol("MR", "  - zscore: {foreground_above: 100}\n", labels));
        List<String> results = rows(runDir.resolve("case-results.csv"));
        List<String> quarantined = rows(runDir.resolve("quarantine.csv"));
        // Every case is accounted for: the JPEG-LS file (no decoder here) is quarantined with why.
        assertThat(results.size() + quarantined.size()).isEqualTo(names.size());
        assertThat(quarantined).singleElement().asString().contains("no decoder");
        assertThat(results).hasSize(7);
        // Seven copies of one image in different transfer syntaxes get one score.
        assertThat(results.stream().map(l -> l.split(",")[6]).distinct().count()).isEqualTo(1);
        assertReported(runDir);
    }

    @Test
    void aCrStudyOfMonochrome1AndMonochrome2ImagesRunsToItsReport() throws Exception {
        Xray base =
                XrayFiles.fromStoredText(
                        InputFixtures.reference().resolve("MR_small.stored.txt"),
                        "MONOCHROME1",
                        "CR");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int[] s = base.stored().clone();
            // Cases differ by a brightness shift under one window; odd ones are stored inverted.
            for (int k = 0; k < s.length; k++) s[k] = Math.min(4095, s[k] + 150 * i);
            Xray x =
                    new Xray(
                            base.rows(),
                            base.columns(),
                            s,
                            "MONOCHROME1",
                            "CR",
                            1,
                            0,
                            1095,
                            1201,
                            Optional.empty());
            XrayFiles.write(i % 2 == 0 ? x : XrayFiles.inverse(x), caseFile(i), "cr-study-" + i);
            labels.add(i < 4 ? "1" : "0");
        }
        Path runDir = run(protocol("CR", "  - voi_lut: {}\n", labels));
        List<String> results = rows(runDir.resolve("case-results.csv"));
        assertThat(rows(runDir.resolve("quarantine.csv"))).isEmpty();
        assertThat(results).hasSize(8);
        // Under one window, brighter cases score differently.
        assertThat(results.stream().map(l -> l.split(",")[6]).distinct().count()).isGreaterThan(1);
        assertReported(runDir);
    }
}
