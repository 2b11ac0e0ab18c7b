package org.clinval.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.common.Sha256;

/**
 * The validation report of the suite itself as a tool of a manufacturer's quality system (21 CFR
 * 820.70(i), ISO 13485 §4.1.6): the suite's own requirements (SRS-…), each with the Cucumber
 * scenarios that verify it and their results in this build, read from the Cucumber JSON report of
 * the requirements suite; the suite's version and the SHA-256 of its components; the agreement of
 * its statistics with independent reference implementations (the scenarios of the statistics
 * requirement). A requirement passes only when every step of every scenario passed.
 */
public final class ToolValidationReport {

    /** The report's file name. */
    public static final String FILE = "tool-validation.docx";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolValidationReport() {}

    /**
     * Writes the report from the Cucumber JSON report {@code cucumber} of the requirements suite,
     * for suite {@code version} made of {@code components} (name → file), into {@code out}.
     *
     * @throws IllegalArgumentException if the report is missing or is not a Cucumber JSON report
     */
    public static Path write(Path cucumber, String version, Map<String, Path> components, Path out)
            throws IOException {
        if (!Files.isRegularFile(cucumber)) {
            throw new IllegalArgumentException(
                    "no Cucumber report " + cucumber + " (the requirements suite writes it)");
        }
        JsonNode features = JSON.readTree(cucumber.toFile());
        if (!features.isArray() || features.isEmpty() || !features.get(0).has("elements")) {
            throw new IllegalArgumentException(cucumber + " is not a Cucumber JSON report");
        }
        Doc doc =
                new Doc(
                        "Tool validation report: clinval " + version,
                        "Validation of the suite as software used in the quality system (21 CFR"
                                + " 820.70(i), ISO 13485 §4.1.6), from the results of its"
                                + " requirements suite in this build (Cucumber report SHA-256 "
                                + Sha256.of(cucumber)
                                + ").");
        doc.h1("Purpose and scope");
        doc.p(
                "clinval computes the statistics of validation studies of medical-imaging AI,"
                        + " keeps their records and writes their reports. This report shows that"
                        + " this version meets its own requirements; the intended use of the tool in"
                        + " the manufacturer's processes and the risk of its failure there are the"
                        + " manufacturer's to state.");
        doc.toComplete(
                "the tool's intended use in your quality system, the risk assessment of its"
                        + " failure, and the acceptance of this report.");

        doc.h1("Requirements and their verification");
        List<List<String>> reqs = new ArrayList<>();
        List<List<String>> scenarios = new ArrayList<>();
        int allPassed = 0;
        for (JsonNode f : features) {
            String id = "";
            for (JsonNode t : f.path("tags")) {
                String tag = t.path("name").asText();
                if (tag.startsWith("@SRS-")) id = tag.substring(1);
            }
            int n = 0;
            int passed = 0;
            for (JsonNode e : f.path("elements")) {
                if (!e.path("type").asText().equals("scenario")) continue;
                n++;
                String status = status(e);
                if (status.equals("passed")) passed++;
                scenarios.add(List.of(id, e.path("name").asText(), status, millis(e) + " ms"));
            }
            boolean ok = n > 0 && passed == n;
            if (ok) allPassed++;
            reqs.add(
                    List.of(
                            id,
                            f.path("name").asText(),
                            f.path("description").asText().trim().replaceAll("\\s+", " "),
                            passed + " of " + n,
                            ok ? "verified" : "NOT verified"));
        }
        doc.p(
                "Each requirement of the suite is a Cucumber feature; its scenarios run against the"
                        + " built code in every build ({Table:requirements}; scenarios in"
                        + " {Table:scenarios}). "
                        + allPassed
                        + " of "
                        + features.size()
                        + " requirements are verified in this build.");
        doc.table(
                "requirements",
                "The suite's requirements and their verification in this build",
                List.of("Requirement", "Title", "Statement", "Scenarios passed", "Result"),
                reqs);
        doc.table(
                "scenarios",
                "Scenarios run",
                List.of("Requirement", "Scenario", "Result", "Time"),
                scenarios);

        doc.h1("Agreement with reference implementations");
        doc.p(
                "The statistics requirement (SRS-004) compares the suite's intervals and ROC"
                        + " statistics with R (binom.test, prop.test, qbeta; pROC) on the reference"
                        + " tables the validation module holds, to within 1e-9; its scenarios are in"
                        + " {Table:scenarios}. The unit tests of the build compare further statistics"
                        + " with R, pROC, vcd and scipy, each naming its reference call.");

        doc.h1("Version and components");
        List<List<String>> comps = new ArrayList<>();
        for (Map.Entry<String, Path> c : components.entrySet()) {
            comps.add(
                    List.of(
                            c.getKey(),
                            Files.isRegularFile(c.getValue())
                                    ? Sha256.of(c.getValue())
                                    : "(a folder of classes: build the release to hash it)"));
        }
        doc.table(
                "components",
                "Components of clinval " + version + " and their SHA-256",
                List.of("Component", "SHA-256"),
                comps);

        doc.h1("Conclusion");
        doc.p(
                allPassed == features.size()
                        ? "Every requirement of clinval " + version + " is verified in this build."
                        : "Not every requirement is verified in this build: see"
                                + " {Table:requirements}; this version is not validated.");
        Path file = out.resolve(FILE);
        ComplianceDocs.render(doc, file, Optional.empty());
        return file;
    }

    /** "passed" when every step passed, else the first other status. */
    private static String status(JsonNode scenario) {
        for (JsonNode s : scenario.path("steps")) {
            String st = s.at("/result/status").asText("undefined");
            if (!st.equals("passed")) return st;
        }
        return scenario.path("steps").isEmpty() ? "undefined" : "passed";
    }

    private static long millis(JsonNode scenario) {
        long ns = 0;
        for (JsonNode s : scenario.path("steps")) ns += s.at("/result/duration").asLong(0);
        return Math.round(ns / 1e6);
    }
}
