package org.clinval.features.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.features.evidence.Measurement;
import org.clinval.features.evidence.Measures;
import org.clinval.features.evidence.Selection;
import org.clinval.features.evidence.StudyRun;
import org.clinval.features.internal.RunContext;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/**
 * The state of one scenario, shared by the glue classes (one instance per scenario): the study run
 * it is about, the last value measured (what "its" refers to) and the scenario's output, where
 * every measured value is recorded as JSON for the traceability matrix.
 */
public final class StudyWorld {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a value was measured on, so that "its" interval can be recomputed by another method.
     *
     * @param measure the measure; empty for the AUC
     * @param selection the cases (scans) it was measured on
     * @param fpPerScan the false-positive rate of a FROC sensitivity, empty otherwise
     */
    record Subject(Optional<Measure> measure, Selection selection, OptionalDouble fpPerScan) {

        Subject(Optional<Measure> measure, Selection selection) {
            this(measure, selection, OptionalDouble.empty());
        }
    }

    private Scenario scenario;
    private StudyRun run;
    private Subject last;

    void scenario(Scenario s) {
        this.scenario = s;
    }

    void use(Path dir) throws IOException {
        this.run = RunContext.open(dir);
    }

    /** Returns the study run of the scenario; fails when no step named one. */
    StudyRun run() {
        if (run == null) {
            throw new AssertionError(
                    "no study run: begin the scenario with 'Given the validation study of this"
                            + " run' or 'Given the validation study in run folder \"…\"'");
        }
        return run;
    }

    Measures measures() {
        return new Measures(run());
    }

    /** Returns the method of the protocol's tables, the default interval of a proportion. */
    CiMethod tableMethod() {
        for (CiMethod m : CiMethod.values()) {
            if (m.binomial().equals(Optional.of(run().protocol().statistics().ciMethod()))) {
                return m;
            }
        }
        throw new IllegalStateException(
                "no interval method for " + run().protocol().statistics().ciMethod());
    }

    /** Returns the level of the protocol's tables, the default level of an interval. */
    ConfidenceLevel tableLevel() {
        return run().protocol().statistics().level();
    }

    /** Returns what the last measured value was about; fails when nothing was measured yet. */
    Subject last() {
        if (last == null) {
            throw new AssertionError(
                    "'its' refers to nothing: no value was measured earlier in this scenario");
        }
        return last;
    }

    void measured(Subject s) {
        this.last = s;
    }

    /**
     * Records {@code m} in the scenario's output (a JSON attachment and a log line), then fails
     * with the measured value and the requirement unless {@code met}.
     */
    void check(Measurement m, String requirement, boolean met) {
        record(m.quantity() + " in " + m.population(), m.json(run().id(), requirement, met));
        String text = "required: " + requirement + "; measured: " + m.describe();
        log((met ? "met: " : "NOT met: ") + text);
        if (!met) {
            throw new AssertionError(text);
        }
    }

    /** Records a JSON object under {@code name} in the scenario's output. */
    void record(String name, ObjectNode json) {
        if (scenario != null) {
            try {
                scenario.attach(
                        JSON.writerWithDefaultPrettyPrinter()
                                .writeValueAsString(json)
                                .getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        name);
            } catch (IOException e) {
                throw new IllegalStateException("cannot record " + name, e);
            }
        }
    }

    void log(String text) {
        if (scenario != null) {
            scenario.log(text);
        }
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }
}
