package org.clinval.risk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.check.RiskCheck;
import org.clinval.risk.check.RiskCheckReport;
import org.clinval.risk.io.InvalidRiskFileException;
import org.clinval.risk.io.RiskFileReader;
import org.clinval.risk.results.ResultsReadException;
import org.clinval.risk.results.RunFolder;

/**
 * The demo risk management files and the synthetic run of {@code run-demo/} (written by {@code
 * src/test/python/demo_run.py}), copied to a folder and edited per test.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "/org/clinval/risk/demo/";
    private static final String RUN = "/org/clinval/risk/run-demo/";

    private Fixtures() {}

    /** The signed records the demo's risk file cites, kept beside it. */
    public static final List<String> DEMO_RECORDS =
            List.of("labelling-inspection.md", "usability-summative-evaluation.md");

    /**
     * Copies plan.yaml, requirements.yaml and risk-file.yaml of the demo, with the records it
     * cites, into {@code dir}.
     */
    public static Path demo(Path dir) {
        for (String f : new String[] {"plan.yaml", "requirements.yaml", "risk-file.yaml"}) {
            copy(DEMO + f, dir.resolve(f));
        }
        DEMO_RECORDS.forEach(f -> copy(DEMO + f, dir.resolve(f)));
        return dir.resolve("risk-file.yaml");
    }

    /**
     * Copies plan.yaml, requirements.yaml and risk-file.yaml of the demo device {@code device}
     * ({@code segmentation} or {@code detection}) into {@code dir}.
     */
    public static Path demo(Path dir, String device) {
        for (String f : new String[] {"plan.yaml", "requirements.yaml", "risk-file.yaml"}) {
            copy(DEMO + device + "/" + f, dir.resolve(f));
        }
        return dir.resolve("risk-file.yaml");
    }

    /** Reads {@code registerFile} with the plan and requirements it names. */
    public static RiskManagementFile read(Path registerFile) {
        try {
            return RiskFileReader.read(registerFile);
        } catch (InvalidRiskFileException | IOException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Writes run folder {@code dir/name} with the demo run's files, its Cucumber report edited by
     * {@code edit} (the report is a list of features).
     */
    public static Path run(Path dir, String name, Consumer<ArrayNode> edit) {
        Path run = dir.resolve(name);
        try {
            Files.createDirectories(run);
            copy(RUN + "metrics.json", run.resolve("metrics.json"));
            copy(RUN + "signatures.jsonl", run.resolve("signatures.jsonl"));
            ArrayNode report;
            try (InputStream in = Fixtures.class.getResourceAsStream(RUN + "cucumber.json")) {
                report = (ArrayNode) JSON.readTree(in);
            }
            edit.accept(report);
            Files.writeString(run.resolve("cucumber.json"), JSON.writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    /** Opens a run folder. */
    public static RunFolder open(Path run) {
        try {
            return RunFolder.open(run);
        } catch (ResultsReadException | IOException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Checks the register with the run. */
    public static RiskCheckReport check(Path registerFile, Path run) {
        return RiskCheck.check(read(registerFile), Optional.of(open(run)));
    }

    /** Removes every scenario called {@code name} from the report. */
    public static Consumer<ArrayNode> remove(String name) {
        return report -> {
            int removed = 0;
            for (JsonNode f : report) {
                Iterator<JsonNode> it = f.path("elements").iterator();
                while (it.hasNext()) {
                    if (it.next().path("name").asText().equals(name)) {
                        it.remove();
                        removed++;
                    }
                }
            }
            if (removed == 0) throw new AssertionError("no scenario to remove: " + name);
        };
    }

    /** Makes the last step of every scenario called {@code name} fail with {@code message}. */
    public static Consumer<ArrayNode> fail(String name, String message) {
        return report -> {
            int failed = 0;
            for (JsonNode f : report) {
                for (JsonNode e : f.path("elements")) {
                    if (!e.path("name").asText().equals(name)) continue;
                    JsonNode steps = e.path("steps");
                    ObjectNode result = (ObjectNode) steps.get(steps.size() - 1).path("result");
                    result.put("status", "failed");
                    result.put("error_message", message + "\n\tat org.clinval.features.Steps");
                    failed++;
                }
            }
            if (failed == 0) throw new AssertionError("no scenario to fail: " + name);
        };
    }

    /** Leaves the report as it is. */
    public static Consumer<ArrayNode> unchanged() {
        return report -> {};
    }

    /** Writes {@code text} to {@code dir/name}. */
    public static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the demo file {@code name} as text. */
    public static String demoText(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(DEMO + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(String resource, Path to) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) throw new AssertionError("no resource " + resource);
            Files.createDirectories(to.getParent());
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
