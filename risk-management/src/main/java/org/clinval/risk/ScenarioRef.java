package org.clinval.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to the acceptance scenarios that verify something: by tag, by feature file, by
 * scenario name, or a combination (all given parts must match), optionally pinned to the study run
 * in which they must have passed.
 *
 * <p>Matching rules, applied to a run's Cucumber JSON report:
 *
 * <ul>
 *   <li>{@code tag}: the scenario or its feature carries the tag; written with or without the
 *       leading {@code @}, stored with it.
 *   <li>{@code feature}: the feature's {@code uri}, without a {@code file:} or {@code classpath:}
 *       prefix, is the given path or ends with {@code /} + the given path.
 *   <li>{@code scenario}: the scenario's name, exactly (the rows of a scenario outline share it).
 *   <li>{@code run}: the results come from the study run of that id (its folder name).
 * </ul>
 *
 * A reference is satisfied when it matches at least one scenario and every scenario it matches
 * passed.
 *
 * @param tag a Cucumber tag, with its leading {@code @}
 * @param feature a feature file path, e.g. {@code acceptance/performance.feature}
 * @param scenario a scenario name
 * @param run the id of the study run the evidence must come from
 */
public record ScenarioRef(
        Optional<String> tag,
        Optional<String> feature,
        Optional<String> scenario,
        Optional<String> run) {

    public ScenarioRef {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(run, "run");
        if (tag.isEmpty() && feature.isEmpty() && scenario.isEmpty()) {
            throw new IllegalArgumentException(
                    "a scenario reference needs a tag, a feature or a scenario name");
        }
        tag = tag.map(t -> t.startsWith("@") ? t : "@" + t);
        if (tag.isPresent() && (tag.get().length() < 2 || tag.get().matches(".*\\s.*"))) {
            throw new IllegalArgumentException("not a Cucumber tag: '" + tag.get() + "'");
        }
    }

    /** Returns a reference to every scenario tagged {@code tag}, in any run. */
    public static ScenarioRef ofTag(String tag) {
        return new ScenarioRef(
                Optional.of(tag), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Returns a reference to scenario {@code name} of feature file {@code feature}, in any run. */
    public static ScenarioRef ofScenario(String feature, String name) {
        return new ScenarioRef(
                Optional.empty(), Optional.of(feature), Optional.of(name), Optional.empty());
    }

    /** Returns this reference pinned to run {@code runId}. */
    public ScenarioRef inRun(String runId) {
        return new ScenarioRef(tag, feature, scenario, Optional.of(runId));
    }

    /**
     * Returns the reference in words, e.g. {@code @RCM-003} or {@code performance.feature:
     * "Sensitivity meets the performance goal" in run 2025-03-site-b}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        tag.ifPresent(parts::add);
        if (feature.isPresent() && scenario.isPresent()) {
            parts.add(feature.get() + ": \"" + scenario.get() + "\"");
        } else {
            feature.ifPresent(parts::add);
            scenario.ifPresent(s -> parts.add("\"" + s + "\""));
        }
        String s = String.join(" ", parts);
        return run.isPresent() ? s + " in run " + run.get() : s;
    }
}
