package org.clinval.workflows.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a study's acceptance criteria: one entry per executed scenario (one per example
 * row of a scenario outline) and the reports written.
 *
 * <p>The criteria are met when at least one scenario ran and every scenario passed. A folder
 * without scenarios does not meet them: an acceptance step that verified nothing must not read as a
 * pass.
 *
 * @param scenarios the scenarios in the order they ran
 * @param json the Cucumber JSON report
 * @param html the Cucumber HTML report
 */
public record AcceptanceResult(List<Scenario> scenarios, Path json, Path html) {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public AcceptanceResult {
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(html, "html");
    }

    /**
     * One executed scenario.
     *
     * @param feature the feature's name
     * @param uri where the feature file is, as Cucumber names it
     * @param line the scenario's line in it (the example row's line for an outline)
     * @param name the scenario's name
     * @param tags its tags and its feature's, each with the leading {@code @}
     * @param status the outcome
     * @param message why it did not pass (the first failing step and its message); empty when it
     *     passed
     */
    public record Scenario(
            String feature,
            String uri,
            int line,
            String name,
            List<String> tags,
            ScenarioStatus status,
            String message) {

        public Scenario {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
            tags = List.copyOf(tags);
        }

        /** Returns whether the scenario passed. */
        public boolean passed() {
            return status == ScenarioStatus.PASSED;
        }
    }

    /** Returns whether at least one scenario ran and every scenario passed. */
    public boolean passed() {
        return !scenarios.isEmpty() && scenarios.stream().allMatch(Scenario::passed);
    }

    /** Returns the scenarios that did not pass. */
    public List<Scenario> failures() {
        return scenarios.stream().filter(s -> !s.passed()).toList();
    }

    /** Returns the outcome in words, e.g. {@code 12 scenarios: 11 passed, 1 not passed}. */
    public String summary() {
        if (scenarios.isEmpty()) {
            return "no scenario ran: the acceptance criteria verified nothing";
        }
        long failed = failures().size();
        return scenarios.size()
                + (scenarios.size() == 1 ? " scenario: " : " scenarios: ")
                + (scenarios.size() - failed)
                + " passed, "
                + failed
                + " not passed";
    }

    /**
     * Returns the outcome as JSON: {@code passed}, {@code summary}, {@code scenarios} (each with
     * {@code feature}, {@code uri}, {@code line}, {@code name}, {@code tags}, {@code status},
     * {@code message}), {@code json} and {@code html}.
     */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("passed", passed());
        o.put("summary", summary());
        ArrayNode list = o.putArray("scenarios");
        for (Scenario s : scenarios) {
            ObjectNode n = list.addObject();
            n.put("feature", s.feature());
            n.put("uri", s.uri());
            n.put("line", s.line());
            n.put("name", s.name());
            ArrayNode tags = n.putArray("tags");
            s.tags().forEach(tags::add);
            n.put("status", s.status().key());
            n.put("message", s.message());
        }
        o.put("json", json.toString());
        o.put("html", html.toString());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the acceptance result", e);
        }
    }
}
