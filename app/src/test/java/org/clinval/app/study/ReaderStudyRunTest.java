package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.clinval.app.testing.CliRun;
import org.clinval.common.Sha256;
import org.clinval.imaging.testing.DebianDicomFiles;
import org.clinval.imaging.testing.InputFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study with a reader-study arm run through the command line with the real input checks and
 * inference: pydicom's MR files as 8 cases (the JPEG-LS one quarantined for want of a decoder), 3
 * readers reading every case unaided and aided. The ground truth names folders, so the run names
 * cases by pseudonyms, and so does its copy of the reads.
 */
class ReaderStudyRunTest {

    private static final List<String> NAMES =
            List.of(
                    "MR_small.dcm",
                    "MR_small_RLE.dcm",
                    "MR_small_bigendian.dcm",
                    "MR_small_expb.dcm",
                    "MR_small_implicit.dcm",
                    "MR_small_jp2klossless.dcm",
                    "MR_small_padded.dcm",
                    "MR_small_jpeg_ls_lossless.dcm");

    @TempDir Path dir;

    private Path study(String reads) throws Exception {
        for (int i = 0; i < NAMES.size(); i++) {
            Path to =
                    Files.createDirectories(
                                    dir.resolve(String.format("data/dicom/case-%04d", i + 1)))
                            .resolve("IM001.dcm");
            copyWithOwnInstanceUid(DebianDicomFiles.file(NAMES.get(i)), to, i);
        }
        Path model = Files.createDirectories(dir.resolve("model"));
        Path onnx = model.resolve("model.onnx");
        Files.copy(InputFixtures.models().resolve("tiny_grey.onnx"), onnx);
        Path descriptor = model.resolve("descriptor.yaml");
        Files.writeString(
                descriptor,
                "name: user-model\nversion: \"1\"\ntask: classification\nformat: onnx\n"
                        + "file: model.onnx\nsha256: \""
                        + Sha256.of(onnx)
                        + "\"\ninput: {channels: 1, height: 32, width: 32}\npreprocessing:\n"
                        + "  - zscore: {foreground_above: 100}\n"
                        + "  - resize: {height: 32, width: 32}\n"
                        + "output: {kind: logit, classes: 1}\nthreshold: 0.5\n");
        StringBuilder truth = new StringBuilder("case_id,label,site,manufacturer,sex,age_band\n");
        for (int i = 0; i < NAMES.size(); i++) {
            truth.append(
                    String.format(
                            Locale.ROOT,
                            "case-%04d,%s,site-%d,vendor-%d,%s,40-49%n",
                            i + 1,
                            i % 2 == 0 ? "1" : "0",
                            i % 2,
                            i % 2,
                            i % 2 == 0 ? "F" : "M"));
        }
        Path gt = Files.createDirectories(dir.resolve("data/truth")).resolve("ground-truth.csv");
        Files.writeString(gt, truth.toString());
        Files.createDirectories(dir.resolve("readers"));
        Files.writeString(dir.resolve("readers/reads.csv"), reads, StandardCharsets.UTF_8);
        Path p = dir.resolve("protocol.yaml");
        Files.writeString(
                p,
                String.join(
                        "\n",
                        "id: MRMC-1",
                        "title: MR reader study",
                        "intended_use: u",
                        "device: {name: d, version: '1', model: model/descriptor.yaml, sha256: \""
                                + Sha256.of(descriptor)
                                + "\"}",
                        "dataset: {dicom: data/dicom, ground_truth: data/truth/ground-truth.csv,"
                                + " deidentify: true, modalities: [MR]}",
                        "operating_point: {threshold: 0.5, rule: '>=', positive_class: '1',"
                                + " direction: higher}",
                        "endpoints:",
                        "  - id: EP1",
                        "    role: primary",
                        "    name: reader AUC difference",
                        "    criterion: {measure: reader_auc_difference, ci_lower_min: -0.5,"
                                + " level: 0.95}",
                        "    verifies: {requirements: [REQ-1]}",
                        "  - id: EP2",
                        "    role: secondary",
                        "    name: reader sensitivity difference",
                        "    criterion: {measure: reader_sensitivity_difference, estimate_min: 0,"
                                + " level: 0.95}",
                        "    verifies: {requirements: [REQ-1]}",
                        "subgroups: {attributes: [site], min_n_per_class: 1}",
                        "statistics: {ci_method: wilson, level: 0.95, bootstrap: {replicates: 100,"
                                + " seed: 1}}",
                        "reader_study: {reads: readers/reads.csv, unaided: unaided, aided: aided,"
                                + " analysis: obuchowski_rockette, covariance: delong,"
                                + " readers: random, cases: random, threshold: 50}",
                        ""),
                StandardCharsets.UTF_8);
        return p;
    }

    /** 3 readers × 8 cases × 2 modalities; aided scores separate the classes better. */
    private static String reads() {
        StringBuilder s = new StringBuilder("reader,case,modality,score\n");
        for (String m : List.of("unaided", "aided")) {
            for (int r = 1; r <= 3; r++) {
                for (int i = 0; i < NAMES.size(); i++) {
                    boolean pos = i % 2 == 0;
                    int score =
                            m.equals("aided")
                                    ? (pos ? 60 : 30) + (i * 7 + r * 3) % 20
                                    : (pos ? 45 : 35) + (i * 11 + r * 5) % 30;
                    s.append(
                            String.format(
                                    Locale.ROOT, "R%d,case-%04d,%s,%d%n", r, i + 1, m, score));
                }
            }
        }
        return s.toString();
    }

    @Test
    void studyCheckNamesTheReadsFilesProblemsWithLineAndColumn() throws Exception {
        String bad = reads().replace("R2,case-0003,aided,", "R2,case-0003,aided,x");
        Path p = study(bad.replace("R1,case-0002,unaided", "R1,case-0099,unaided"));
        SiteFixture site = SiteFixture.init(dir.resolve("site"));
        CliRun check = site.run("study", "check", p.toString());
        assertThat(check.exit()).isNotZero();
        JsonNode problems = new ObjectMapper().readTree(check.out()).get("problems");
        List<String> where = new java.util.ArrayList<>();
        problems.forEach(x -> where.add(x.get("where").asText() + ": " + x.get("what").asText()));
        Path reads = dir.resolve("readers/reads.csv").toAbsolutePath();
        assertThat(where)
                .anyMatch(
                        w ->
                                w.startsWith(
                                        reads
                                                + " line 3, column 'case': 'case-0099' is not a"
                                                + " case_id of the ground truth"))
                .anyMatch(w -> w.startsWith(reads + " line 36, column 'score': not a number: 'x"));
    }

    @Test
    void theRunAnalysesTheReadsUnderPseudonymsAndReportsThem() throws Exception {
        Path p = study(reads());
        SiteFixture site = SiteFixture.init(dir.resolve("site"));
        site.addUser("lee", "Lee Lead", "qa-lead");
        CliRun checked = site.run("study", "check", p.toString());
        assertThat(checked.exit()).as(checked.out() + checked.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(checked.out()).get("reader_study");
        assertThat(summary.get("design").asText()).isEqualTo("fully_crossed");
        assertThat(summary.get("reads").asInt()).isEqualTo(48);
        assertThat(summary.get("readers").asInt()).isEqualTo(3);
        assertThat(summary.get("positive_cases").asInt()).isEqualTo(4);
        assertThat(summary.get("negative_cases").asInt()).isEqualTo(4);
        Path runDir = dir.resolve("run");
        CliRun start = site.run("study", "run", p.toString(), "--out", runDir.toString());
        if (start.exit() != 0) {
            CliRun check = site.run("study", "check", p.toString());
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
        assertThat(done.exit()).as(done.err()).isZero();
        String copy = Files.readString(runDir.resolve("reader-reads.csv"));
        assertThat(copy).doesNotContain("case-0").contains("R1,C0001,unaided,");
        Path reads = dir.resolve("readers/reads.csv").toAbsolutePath();
        assertThat(Files.readString(runDir.resolve("manifest.sha256")))
                .contains(Sha256.of(reads) + "  " + reads)
                .contains(Sha256.of(runDir.resolve("reader-reads.csv")));
        JsonNode rs =
                new ObjectMapper()
                        .readTree(runDir.resolve("metrics.json").toFile())
                        .get("reader_study");
        assertThat(rs.get("reads").get("in").asInt()).isEqualTo(48);
        assertThat(rs.get("reads").get("analysed").asInt()).isEqualTo(42);
        assertThat(rs.get("reads").get("excluded_by_reason").get(0).get("reason").asText())
                .startsWith("case quarantined: ")
                .contains("decoder");
        assertThat(rs.get("cases").get("positive").asInt()).isEqualTo(4);
        assertThat(rs.get("cases").get("negative").asInt()).isEqualTo(3);
        assertThat(rs.get("difference").get("estimate").isNumber()).isTrue();
        // Reads are calls at 50: every aided read of a positive case is 60 or more, every aided
        // read of a negative case below 50; the unaided sensitivity is counted here from the reads
        // of the 4 positive cases (the quarantined case, case-0008, is negative).
        int hits = 0;
        int positives = 0;
        for (String line : reads().split("\n")) {
            String[] f = line.split(",");
            if (!f[2].equals("unaided")) continue;
            int i = Integer.parseInt(f[1].substring(5)) - 1;
            if (i % 2 != 0) continue;
            positives++;
            if (Integer.parseInt(f[3]) >= 50) hits++;
        }
        assertThat(positives).isEqualTo(12);
        JsonNode sens = rs.get("sensitivity");
        assertThat(sens.at("/estimate/aided/estimate").asDouble()).isEqualTo(1.0);
        assertThat(sens.at("/estimate/unaided/estimate").asDouble())
                .isCloseTo(hits / 12.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(sens.at("/difference/estimate").asDouble())
                .isCloseTo(1 - hits / 12.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(rs.at("/specificity/estimate/aided/estimate").asDouble()).isEqualTo(1.0);
        assertThat(rs.get("threshold").asDouble()).isEqualTo(50.0);
        JsonNode ep2 =
                new ObjectMapper()
                        .readTree(runDir.resolve("metrics.json").toFile())
                        .get("endpoints")
                        .get(1);
        assertThat(ep2.get("measure").asText()).isEqualTo("reader_sensitivity_difference");
        assertThat(Files.readString(runDir.resolve("metrics.json"))).doesNotContain("NaN");
        assertThat(runDir.resolve("reports/validation-report.pdf")).isNotEmptyFile();
        // The run, reads copy included, verifies with the site key.
        CliRun verify = site.run("audit", "verify", runDir.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        // A changed copy of the reads no longer matches what the audit trail recorded.
        Files.writeString(
                runDir.resolve("reader-reads.csv"),
                copy.replace("R1,C0001,unaided,", "R1,C0001,unaided,9"));
        assertThat(site.run("audit", "verify", runDir.toString()).exit()).isNotZero();
    }

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
}
