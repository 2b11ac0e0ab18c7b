package org.clinval.features.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.protocol.ProtocolReader;

/**
 * Writes a grading run folder: a 5-grade protocol with a referable cut at moderate, case results
 * with grading columns from seeded random class probabilities (the model's grade is the most
 * probable), the ground truth with three graders, and {@code metrics.json} from the real analysis.
 * {@link #noise(double)} sets how often a case's probabilities favour a wrong grade.
 */
public final class GradingRunFolderFixture {

    public static final List<String> GRADES =
            List.of("none", "mild", "moderate", "severe", "proliferative");

    private final Path dir;
    private double noise = 0.1;

    private GradingRunFolderFixture(Path dir) {
        this.dir = dir;
    }

    public static GradingRunFolderFixture in(Path dir) {
        return new GradingRunFolderFixture(dir);
    }

    /** Sets the share of cases whose probabilities favour a neighbouring grade. */
    public GradingRunFolderFixture noise(double share) {
        this.noise = share;
        return this;
    }

    /** Writes the run folder and returns it. */
    public Path write() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Random rnd = new Random(20261205L);
        StringBuilder truth = new StringBuilder("case_id,grader_1,grader_2,grader_3\n");
        StringBuilder csv =
                new StringBuilder(
                        "case_id,site,manufacturer,sex,age_band,label,score,prediction,"
                                + "truth_grade,predicted_grade,p_none,p_mild,p_moderate,"
                                + "p_severe,p_proliferative,model_sha256,dataset_sha256\n");
        for (int i = 0; i < 300; i++) {
            String id = String.format(Locale.ROOT, "dr-%03d", i + 1);
            int t = rnd.nextInt(5);
            int favoured =
                    rnd.nextDouble() < noise
                            ? Math.max(0, Math.min(4, t + (rnd.nextBoolean() ? 1 : -1)))
                            : t;
            double[] p = new double[5];
            double sum = 0;
            for (int c = 0; c < 5; c++) {
                p[c] = Math.exp(rnd.nextGaussian() * 0.3 + (c == favoured ? 2.5 : 0));
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
                        .append(GRADES.get(rnd.nextDouble() < 0.85 ? t : Math.max(0, t - 1)));
            }
            truth.append('\n');
            csv.append(
                    String.format(
                            Locale.ROOT,
                            "%s,%s,Topcon,%s,60-74,%d,%s,%d,%s,%s",
                            id,
                            i % 2 == 0 ? "A" : "B",
                            i % 3 == 0 ? "F" : "M",
                            t >= 2 ? 1 : 0,
                            Double.toString(p[2] + p[3] + p[4]),
                            best >= 2 ? 1 : 0,
                            GRADES.get(t),
                            GRADES.get(best)));
            for (double v : p) csv.append(',').append(v);
            csv.append(',').append("0".repeat(64)).append(',').append("0".repeat(64)).append('\n');
        }
        Files.writeString(dir.resolve("data/ground-truth.csv"), truth, StandardCharsets.UTF_8);
        Path results = dir.resolve("case-results.csv");
        Files.writeString(results, csv, StandardCharsets.UTF_8);
        Path protocol = dir.resolve("protocol.yaml");
        Files.writeString(protocol, PROTOCOL.formatted("0".repeat(64)), StandardCharsets.UTF_8);
        new MetricsAnalysisService()
                .analyse(ProtocolReader.read(protocol, dir, false), results, dir);
        return dir;
    }

    private static final String PROTOCOL =
            """
            id: DR-GRADING-TEST
            title: Diabetic retinopathy grading
            intended_use: Testing grading steps
            task: grading
            device: {name: grader, version: 0.1.0, model: model/model.json, sha256: %s}
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
            operating_point: {threshold: 0.5, rule: ">=", positive_class: "1", direction: higher}
            endpoints:
              - id: EP1
                role: primary
                name: Quadratic weighted kappa
                criterion: {measure: kappa_quadratic, estimate_min: 0.80, ci_lower_min: 0.75, level: 0.95}
                verifies: {requirements: [REQ-DR-1]}
            subgroups: {attributes: [site], min_n_per_class: 5}
            statistics:
              ci_method: clopper_pearson
              level: 0.95
              bootstrap: {replicates: 200, seed: 7}
            """;
}
