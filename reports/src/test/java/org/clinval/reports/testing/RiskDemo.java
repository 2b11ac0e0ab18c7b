package org.clinval.reports.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.clinval.reports.model.RiskReport;
import org.clinval.reports.model.SignatureRow;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.io.RiskFileReader;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.RunFolder;
import org.clinval.risk.trace.TraceabilityMatrix;

/**
 * The demo risk management file of the risk-management module (on the class path) and copies of its
 * synthetic study run ({@code risk-management/src/test/resources/org/clinval/risk/run-demo},
 * written by {@code risk-management/src/test/python/demo_run.py}), edited per test.
 */
public final class RiskDemo {

    /** The synthetic run; Maven runs tests from the module folder. */
    public static final Path RUN =
            Path.of("..", "risk-management", "src", "test", "resources", "org", "clinval", "risk")
                    .resolve("run-demo");

    /** The effectiveness scenario of RCM-001, the control that lowers HAZ-001 to P2. */
    public static final String RCM_001_EFFECTIVENESS =
            "The sensitivity interval supports the residual probability of a missed cancer";

    /** The effectiveness scenario of RCM-009, the control that lowers HAZ-002 to P2. */
    public static final String RCM_009_EFFECTIVENESS =
            "Readers understand that a mark is not a diagnosis";

    /** The signed records the demo register cites beside itself. */
    public static final List<String> RECORDS =
            List.of("labelling-inspection.md", "usability-summative-evaluation.md");

    /** When every test report is generated. */
    public static final Instant GENERATED = Instant.parse("2025-06-04T08:15:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RiskDemo() {}

    /**
     * Copies the demo plan, requirements and register into {@code dir}, each text edited by {@code
     * edit}, and returns the register.
     */
    public static Path files(Path dir, UnaryOperator<String> edit) {
        try {
            Files.createDirectories(dir);
            for (String f : List.of("plan.yaml", "requirements.yaml", "risk-file.yaml")) {
                try (InputStream in =
                        RiskDemo.class.getResourceAsStream("/org/clinval/risk/demo/" + f)) {
                    if (in == null) throw new AssertionError("no demo file " + f);
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Files.writeString(dir.resolve(f), edit.apply(text));
                }
            }
            // The signed records the register cites, byte for byte: their SHA-256 is checked.
            for (String f : RECORDS) {
                try (InputStream in =
                        RiskDemo.class.getResourceAsStream("/org/clinval/risk/demo/" + f)) {
                    if (in == null) throw new AssertionError("no demo record " + f);
                    Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("risk-file.yaml");
    }

    /**
     * Copies the synthetic run to {@code dir/name}: the scenarios called {@code fail} fail, those
     * called {@code remove} are gone, and the Cucumber report's text is then edited by {@code
     * edit}.
     */
    public static Path run(
            Path dir,
            String name,
            List<String> fail,
            List<String> remove,
            UnaryOperator<String> edit) {
        Path run = dir.resolve(name);
        try {
            Files.createDirectories(run);
            for (String f : List.of("metrics.json", "signatures.jsonl")) {
                Files.copy(RUN.resolve(f), run.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            ArrayNode report = (ArrayNode) JSON.readTree(RUN.resolve("cucumber.json").toFile());
            int failed = 0;
            int removed = 0;
            for (JsonNode feature : report) {
                Iterator<JsonNode> it = feature.path("elements").iterator();
                while (it.hasNext()) {
                    JsonNode e = it.next();
                    String scenario = e.path("name").asText();
                    if (remove.contains(scenario)) {
                        it.remove();
                        removed++;
                    } else if (fail.contains(scenario)) {
                        JsonNode steps = e.path("steps");
                        ObjectNode result = (ObjectNode) steps.get(steps.size() - 1).path("result");
                        result.put("status", "failed");
                        result.put("error_message", "expected the goal to be met\n\tat Steps");
                        failed++;
                    }
                }
            }
            if (failed < fail.size() || removed < remove.size()) {
                throw new AssertionError("not every scenario to fail or remove is in the run");
            }
            Files.writeString(
                    run.resolve("cucumber.json"), edit.apply(JSON.writeValueAsString(report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** Reads the register with the plan and requirements it names. */
    public static RiskManagementFile read(Path register) {
        try {
            return RiskFileReader.read(register);
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Opens a run folder. */
    public static ResultsSource open(Path run) {
        try {
            return RunFolder.open(run);
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Checks {@code register} against {@code run} and returns the report to render. */
    public static RiskReport report(
            Path register, Optional<Path> run, List<SignatureRow> signatures) {
        RiskManagementFile file = read(register);
        Optional<ResultsSource> results = run.map(RiskDemo::open);
        RiskCheckReport check = RiskCheck.check(file, results);
        return new RiskReport(
                check,
                TraceabilityMatrix.of(check, results),
                signatures,
                "clinval 0.1.0-test",
                GENERATED);
    }

    /** Two signatures on the report. */
    public static List<SignatureRow> signatures() {
        return List.of(
                new SignatureRow(
                        "rm.lead",
                        "Robin Riskowner",
                        "Review of the risk management report",
                        Instant.parse("2025-06-04T09:00:00Z"),
                        "ab".repeat(32)),
                new SignatureRow(
                        "qa.head",
                        "Quinn Approver",
                        "Approval of the overall residual risk",
                        Instant.parse("2025-06-04T11:30:00Z"),
                        "cd".repeat(32)));
    }
}
