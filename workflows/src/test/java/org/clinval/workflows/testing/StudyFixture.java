package org.clinval.workflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinval.common.Sha256;

/**
 * Writes a small study on disk: a model descriptor, 60 "DICOM" files (text stand-ins with the
 * attributes the test doubles read), the ground truth and a protocol. 20 cases are positive; the
 * stand-in model scores 18 of them and 4 of the 40 negatives at or above 0.5, so sensitivity is
 * 18/20 and specificity 36/40.
 */
public final class StudyFixture {

    public static final int CASES = 60;
    public static final int POSITIVES = 20;

    private final Path root;
    private boolean phi;
    private boolean deidentify;
    private double sensitivityMin = 0.80;
    private String features;
    private boolean allowBothRoles;

    private StudyFixture(Path root) {
        this.root = root;
    }

    public static StudyFixture in(Path root) {
        return new StudyFixture(root);
    }

    /** Puts a patient name into every fifth image. */
    public StudyFixture withPhi() {
        this.phi = true;
        return this;
    }

    /** Lets the protocol ask for de-identification. */
    public StudyFixture deidentify() {
        this.deidentify = true;
        return this;
    }

    /** Lets one user hold both QA roles ({@code separation_of_duties}). */
    public StudyFixture allowBothRoles() {
        this.allowBothRoles = true;
        return this;
    }

    /** Makes the primary sensitivity criterion fail (0.9 < 0.95). */
    public StudyFixture failing() {
        this.sensitivityMin = 0.95;
        return this;
    }

    /**
     * Gives the protocol a features folder with two acceptance scenarios; with {@code
     * failingScenario} the second is tagged {@code @failing}, which the stand-in runner fails.
     */
    public StudyFixture withFeatures(boolean failingScenario) {
        this.features =
                """
                Feature: Acceptance criteria of the test study

                  @REQ-1
                  Scenario: Sensitivity meets the goal
                    Then the sensitivity is at least 0.85

                  %s
                  Scenario: Every quarantined case has a reason
                    Then every quarantined case has a reason
                """
                        .formatted(failingScenario ? "@REQ-2 @failing" : "@REQ-2");
        return this;
    }

    /** Returns the stand-in score of case {@code i}. */
    public static double score(int i) {
        if (i < POSITIVES) {
            return i < 2 ? 0.30 + 0.05 * i : 0.52 + 0.02 * i; // 2 missed
        }
        int j = i - POSITIVES;
        return j < 4 ? 0.55 + 0.05 * j : 0.05 + 0.01 * j; // 4 false positives
    }

    /** Returns the case results the stand-in inference gives for the fixture. */
    public static java.util.List<org.clinval.workflows.analysis.CaseResult> caseResults() {
        java.util.List<org.clinval.workflows.analysis.CaseResult> out = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            out.add(
                    new org.clinval.workflows.analysis.CaseResult(
                            caseId(i),
                            String.valueOf("ABC".charAt(i % 3)),
                            i % 2 == 0 ? "Siemens" : "GE",
                            i % 4 < 2 ? "F" : "M",
                            i % 3 == 0 ? "40-59" : "60-74",
                            i < POSITIVES ? "malignant" : "benign",
                            score(i),
                            score(i) >= 0.5));
        }
        return out;
    }

    public static String caseId(int i) {
        return String.format(Locale.ROOT, "case-%03d", i + 1);
    }

    /** Writes everything and returns the protocol file. */
    public Path write() throws IOException {
        Path dicom = Files.createDirectories(root.resolve("data/dicom"));
        StringBuilder truth = new StringBuilder("case_id,site,manufacturer,sex,age_band,label\n");
        for (int i = 0; i < CASES; i++) {
            String id = caseId(i);
            List<String> lines = new ArrayList<>();
            lines.add("SOPClassUID: 1.2.840.10008.5.1.4.1.1.2");
            lines.add("PatientName: " + (phi && i % 5 == 0 ? "DOE^JANE" : ""));
            lines.add("PatientID: " + (phi && i % 5 == 0 ? "MRN" + (1000 + i) : "ANON-" + id));
            lines.add("NoduleProbability: " + score(i));
            Files.write(dicom.resolve(id + ".dcm"), lines, StandardCharsets.UTF_8);
            truth.append(id)
                    .append(',')
                    .append("ABC".charAt(i % 3))
                    .append(',')
                    .append(i % 2 == 0 ? "Siemens" : "GE")
                    .append(',')
                    .append(i % 4 < 2 ? "F" : "M")
                    .append(',')
                    .append(i % 3 == 0 ? "40-59" : "60-74")
                    .append(',')
                    .append(i < POSITIVES ? "malignant" : "benign")
                    .append('\n');
        }
        Files.writeString(root.resolve("data/ground-truth.csv"), truth, StandardCharsets.UTF_8);
        Path model = Files.createDirectories(root.resolve("model")).resolve("model.json");
        Files.writeString(model, "{\"name\": \"stand-in\", \"reads\": \"NoduleProbability\"}\n");
        Path protocol = root.resolve("protocol.yaml");
        String text = protocol(Sha256.of(model));
        if (allowBothRoles) {
            text += "separation_of_duties:\n  allow_one_user_both_roles: true\n";
        }
        if (features != null) {
            Path dir = Files.createDirectories(root.resolve("features"));
            Files.writeString(dir.resolve("acceptance.feature"), features, StandardCharsets.UTF_8);
            text += "features: features\n";
        }
        Files.writeString(protocol, text, StandardCharsets.UTF_8);
        return protocol;
    }

    private String protocol(String modelSha) {
        return """
                id: TEST-STUDY-1
                title: Test study
                intended_use: Testing the study process
                device:
                  name: stand-in
                  version: 0.1.0
                  model: model/model.json
                  sha256: %s
                dataset:
                  dicom: data/dicom
                  ground_truth: data/ground-truth.csv
                  deidentify: %s
                operating_point:
                  threshold: 0.5
                  rule: ">="
                  positive_class: malignant
                  direction: higher
                endpoints:
                  - id: EP1
                    role: primary
                    name: Sensitivity
                    criterion:
                      measure: sensitivity
                      estimate_min: %s
                      ci_lower_min: 0.6
                      ci_method: clopper_pearson
                      level: 0.95
                    verifies:
                      requirements: [REQ-1]
                      risk_controls: [RC-1]
                  - id: EP2
                    role: secondary
                    name: AUC
                    criterion:
                      measure: auc
                      ci_lower_min: 0.8
                      ci_method: delong
                      level: 0.95
                    verifies:
                      requirements: [REQ-2]
                subgroups:
                  attributes: [site, sex]
                  min_n_per_class: 5
                statistics:
                  ci_method: clopper_pearson
                  level: 0.95
                  bootstrap:
                    replicates: 200
                    seed: 7
                """
                .formatted(modelSha, deidentify, sensitivityMin);
    }
}
