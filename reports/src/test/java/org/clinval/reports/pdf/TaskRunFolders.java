package org.clinval.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.clinval.reports.study.StudyReportService;
import org.clinval.workflows.analysis.StudyResults;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.ReportRequest;

/**
 * Hand-made run folders of a segmentation and a detection study (the workflows module's demo
 * protocols, synthetic case results), analysed as the study's analysis step does ({@code
 * metrics.json} written) and reported by the study's report step.
 *
 * <p>Segmentation: 36 cases with Dice drawn at random (seed 11) and written with every digit, as
 * the inference writes them; 3 cases with an empty reference (Dice 0, no distances), 1 with an
 * empty prediction and 1 with both masks empty (Dice 1, distances 0).
 *
 * <p>Detection: 24 scans, 18 with a lesion of radius 1.5 to 14 mm; a lesion is found by a candidate
 * at its centre with a score drawn at random (seed 13), missed on every fifth scan; each scan has 0
 * to 3 false-positive candidates far from any lesion.
 */
final class TaskRunFolders {

    static final String HEADER = "case_id,site,manufacturer,sex,age_band,label,score,prediction";
    private static final String SHA = "0".repeat(64);

    private TaskRunFolders() {}

    /** A run folder, analysed and reported. */
    record Run(Path dir, StudyResults results, Path pdf, Path xlsx) {

        Path caseResults() {
            return dir.resolve("case-results.csv");
        }
    }

    static Run segmentation(Path dir) throws Exception {
        protocol(dir, "demo-segmentation-study.yaml");
        Random random = new Random(11);
        StringBuilder csv =
                new StringBuilder(HEADER)
                        .append(
                                ",dice,iou,hd,hd95,hd95_pooled,assd,surface_dice,empty,"
                                        + "reference_voxels,predicted_voxels,model_sha256,"
                                        + "dataset_sha256\n");
        for (int k = 0; k < 36; k++) {
            String id = String.format(Locale.ROOT, "seg-%02d", k + 1);
            String site = k % 2 == 0 ? "A" : "B";
            String maker = k < 14 ? "SIEMENS" : k < 28 ? "GE MEDICAL SYSTEMS" : "Philips";
            String common = id + "," + site + "," + maker + ",F,60-74,";
            if (k == 5 || k == 17 || k == 29) {
                // An empty reference: a negative case with a false-positive mask.
                csv.append(common).append("0,0.7,1,0.0,0.0,,,,,0.0,reference,0,").append(20 + k);
            } else if (k == 11) {
                csv.append(common).append("1,0.3,0,0.0,0.0,,,,,0.0,prediction,800,0");
            } else if (k == 23) {
                csv.append(common).append("0,0.1,0,1.0,1.0,0.0,0.0,0.0,0.0,1.0,both,0,0");
            } else {
                double dice = Math.min(0.99, Math.max(0.02, 0.8 + 0.25 * random.nextGaussian()));
                double hd95 = 1 + (1 - dice) * 40 * random.nextDouble();
                csv.append(common)
                        .append("1,0.99,1,")
                        .append(dice)
                        .append(',')
                        .append(dice / (2 - dice))
                        .append(',')
                        .append(hd95 * 1.8)
                        .append(',')
                        .append(hd95)
                        .append(',')
                        .append(hd95 * 0.8)
                        .append(',')
                        .append(hd95 / 3)
                        .append(',')
                        .append(Math.min(1, dice * 1.02))
                        .append(",neither,")
                        .append(500 + 97 * k)
                        .append(',')
                        .append(480 + 91 * k);
            }
            csv.append(',').append(SHA).append(',').append(SHA).append('\n');
        }
        Files.writeString(dir.resolve("case-results.csv"), csv, StandardCharsets.UTF_8);
        return report(dir);
    }

    static Run detection(Path dir) throws Exception {
        protocol(dir, "demo-detection-study.yaml");
        Random random = new Random(13);
        StringBuilder cases =
                new StringBuilder(HEADER)
                        .append(
                                ",lesions,hits,false_positives,candidates,model_sha256,"
                                        + "dataset_sha256\n");
        StringBuilder candidates = new StringBuilder("case_id,x,y,z,score\n");
        StringBuilder lesions = new StringBuilder("case_id,x,y,z,radius\n");
        for (int s = 1; s <= 24; s++) {
            String id = String.format(Locale.ROOT, "scan-%02d", s);
            boolean lesion = s <= 18;
            boolean found = lesion && s % 5 != 0;
            double radius = 1.5 + 12.5 * (s - 1) / 17.0;
            double x = 10.0 * s;
            int hits = 0;
            int fps = 0;
            int count = 0;
            double best = 0;
            if (lesion) {
                lesions.append(String.format(Locale.ROOT, "%s,%.1f,20,30,%.3f\n", id, x, radius));
            }
            if (found) {
                double score = 0.3 + 0.7 * random.nextDouble();
                candidates.append(String.format(Locale.ROOT, "%s,%.1f,20,30,%.4f\n", id, x, score));
                count++;
                best = Math.max(best, score);
                if (score >= 0.5) hits++;
            }
            int falsePositives = random.nextInt(4);
            for (int f = 0; f < falsePositives; f++) {
                double score = 0.05 + 0.8 * random.nextDouble();
                candidates.append(
                        String.format(
                                Locale.ROOT, "%s,%.1f,-90,%d,%.4f\n", id, x, 30 + 40 * f, score));
                count++;
                best = Math.max(best, score);
                if (score >= 0.5) fps++;
            }
            cases.append(
                    String.format(
                            Locale.ROOT,
                            "%s,%s,%s,M,60-74,%s,%.4f,%d,%d,%d,%d,%d,%s,%s\n",
                            id,
                            s % 2 == 0 ? "A" : "B",
                            s <= 12 ? "SIEMENS" : "GE MEDICAL SYSTEMS",
                            lesion ? "1" : "0",
                            best,
                            best >= 0.5 ? 1 : 0,
                            lesion ? 1 : 0,
                            hits,
                            fps,
                            count,
                            SHA,
                            SHA));
        }
        Files.writeString(dir.resolve("case-results.csv"), cases, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("candidates.csv"), candidates, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lesions.csv"), lesions, StandardCharsets.UTF_8);
        return report(dir);
    }

    /** The segmentation demo's run (its protocol and case results), analysed again and reported. */
    static Run segmentationDemo(Path dir) throws Exception {
        protocol(dir, null);
        for (String file : List.of("protocol.yaml", "case-results.csv", "expected-metrics.json")) {
            try (InputStream in =
                    TaskRunFolders.class.getResourceAsStream(
                            "/org/clinval/reports/segdemo/" + file)) {
                Files.copy(
                        in, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        overlays(dir);
        return report(dir);
    }

    /**
     * Writes a contour overlay for every case, as the inference step does ({@code
     * results/overlay/<case>.png}): here a plain picture with a green and a red square.
     */
    static void overlays(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("results/overlay"));
        List<String> lines = Files.readAllLines(dir.resolve("case-results.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String id = line.substring(0, line.indexOf(','));
            java.awt.image.BufferedImage im =
                    new java.awt.image.BufferedImage(
                            480, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 100; y < 140; y++) {
                for (int x = 100; x < 140; x++) im.setRGB(x, y, 0x00C853);
                for (int x = 340; x < 380; x++) im.setRGB(x, y, 0xE53935);
            }
            javax.imageio.ImageIO.write(im, "png", folder.resolve(id + ".png").toFile());
        }
    }

    /**
     * A grading run: 5 grades, 120 cases with seeded class probabilities (the model's grade the
     * most probable), three graders in the ground truth, referable (moderate or above) and
     * vision-threatening (severe or above) endpoints with superiority goals.
     */
    static Run grading(Path dir) throws Exception {
        protocol(dir, null);
        List<String> grades = List.of("none", "mild", "moderate", "severe", "proliferative");
        Random random = new Random(5);
        StringBuilder truth = new StringBuilder("case_id,grader_1,grader_2,grader_3\n");
        StringBuilder csv =
                new StringBuilder(HEADER)
                        .append(
                                ",truth_grade,predicted_grade,p_none,p_mild,p_moderate,p_severe,"
                                        + "p_proliferative,model_sha256,dataset_sha256\n");
        for (int k = 0; k < 120; k++) {
            String id = String.format(Locale.ROOT, "dr-%03d", k + 1);
            int t = k % 5 == 4 && k % 3 != 0 ? 3 : k % 5;
            int favoured =
                    random.nextDouble() < 0.2
                            ? Math.max(0, Math.min(4, t + (random.nextBoolean() ? 1 : -1)))
                            : t;
            double[] p = new double[5];
            double sum = 0;
            for (int c = 0; c < 5; c++) {
                p[c] = Math.exp(0.4 * random.nextGaussian() + (c == favoured ? 2 : 0));
                sum += p[c];
            }
            int best = 0;
            for (int c = 0; c < 5; c++) {
                p[c] /= sum;
                if (p[c] > p[best]) best = c;
            }
            truth.append(id);
            for (int g = 0; g < 3; g++) {
                truth.append(',')
                        .append(grades.get(random.nextDouble() < 0.8 ? t : Math.max(0, t - 1)));
            }
            truth.append('\n');
            csv.append(id)
                    .append(k % 2 == 0 ? ",A,Topcon,F,60-74," : ",B,Zeiss,M,40-59,")
                    .append(t >= 2 ? 1 : 0)
                    .append(',')
                    .append(p[2] + p[3] + p[4])
                    .append(',')
                    .append(best >= 2 ? 1 : 0)
                    .append(',')
                    .append(grades.get(t))
                    .append(',')
                    .append(grades.get(best));
            for (double v : p) csv.append(',').append(v);
            csv.append(',').append(SHA).append(',').append(SHA).append('\n');
        }
        Files.writeString(dir.resolve("data/ground-truth.csv"), truth, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("case-results.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("model/model.json"), "{}\n");
        Files.writeString(
                dir.resolve("protocol.yaml"),
                """
                id: DR-GRADING-001
                title: Diabetic retinopathy grading on fundus photographs
                intended_use: Grading diabetic retinopathy in adults with diabetes
                task: grading
                device: {name: DR grader, version: 1.0.0, model: model/model.json, sha256: %s}
                dataset:
                  dicom: data/dicom
                  ground_truth: data/ground-truth.csv
                  deidentify: false
                  modalities: [OP]
                grading:
                  grades: [none, mild, moderate, severe, proliferative]
                  reference: {rule: majority, graders: [grader_1, grader_2, grader_3]}
                  endpoints:
                    - {id: referable, name: referable diabetic retinopathy, min_grade: moderate}
                    - {id: vision_threatening, name: vision-threatening diabetic retinopathy, min_grade: severe}
                operating_point: {threshold: 0.5, rule: ">=", positive_class: "1", direction: higher}
                endpoints:
                  - id: EP1
                    role: primary
                    name: Quadratic weighted kappa
                    criterion: {measure: kappa_quadratic, estimate_min: 0.80, ci_lower_min: 0.75, level: 0.95}
                    verifies: {requirements: [REQ-DR-001]}
                  - id: EP2
                    role: primary
                    name: Referable DR sensitivity
                    criterion: {measure: sensitivity, grading_endpoint: referable, superiority_goal: 0.85, alpha: 0.025}
                    verifies: {requirements: [REQ-DR-002]}
                  - id: EP3
                    role: primary
                    name: Referable DR specificity
                    criterion: {measure: specificity, grading_endpoint: referable, superiority_goal: 0.825, alpha: 0.025}
                    verifies: {requirements: [REQ-DR-003]}
                  - id: EP4
                    role: secondary
                    name: Hand-Till AUC
                    criterion: {measure: auc_hand_till, estimate_min: 0.85}
                    verifies: {requirements: [REQ-DR-004]}
                subgroups: {attributes: [site], min_n_per_class: 5}
                statistics:
                  ci_method: clopper_pearson
                  level: 0.95
                  bootstrap: {replicates: 200, seed: 7}
                """
                        .formatted(SHA),
                StandardCharsets.UTF_8);
        return report(dir);
    }

    private static Run report(Path dir) throws Exception {
        StudyProtocol protocol = ProtocolReader.read(dir.resolve("protocol.yaml"));
        Path file = dir.resolve("case-results.csv");
        StudyResults results = new MetricsAnalysisService().analyse(protocol, file, dir);
        Files.writeString(dir.resolve("quarantine.csv"), "case_id,input,reason\n");
        Files.writeString(dir.resolve("manifest.sha256"), SHA + "  data/dicom/case.dcm\n");
        Path out = Files.createDirectories(dir.resolve("reports"));
        List<Path> written =
                new StudyReportService(
                                Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC),
                                "0.1.0-test")
                        .generate(
                                new ReportRequest(
                                        results,
                                        dir.resolve("metrics.json"),
                                        file,
                                        dir.resolve("quarantine.csv"),
                                        dir.resolve("manifest.sha256"),
                                        out));
        return new Run(dir, results, written.get(0), written.get(1));
    }

    private static void protocol(Path dir, String example) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        if (example != null) {
            try (InputStream in =
                    TaskRunFolders.class.getResourceAsStream(
                            "/org/clinval/workflows/example/" + example)) {
                Files.copy(in, dir.resolve("protocol.yaml"));
            }
        }
        // What the protocol names must exist for it to be read; the report reads none of it.
        for (String folder : List.of("data/dicom", "data/truth/seg", "features", "model")) {
            Files.createDirectories(dir.resolve(folder));
        }
        for (String file :
                List.of(
                        "model/descriptor.yaml",
                        "data/truth/ground-truth.csv",
                        "data/truth/lesions.csv")) {
            Files.writeString(dir.resolve(file), "");
        }
    }
}
