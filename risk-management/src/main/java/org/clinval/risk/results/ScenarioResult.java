package org.clinval.risk.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One executed acceptance scenario (one row, for a scenario outline).
 *
 * @param featureUri the feature's {@code uri} as the report gives it, e.g. {@code
 *     file:acceptance/performance.feature}
 * @param featureName the feature's name
 * @param name the scenario's name
 * @param line the scenario's line in the feature file, or 0 if the report does not give it
 * @param tags the scenario's tags with its feature's, each with its leading {@code @}
 * @param status the outcome, from its steps, hooks and background
 * @param failure the first line of the first error message, when a step or hook failed with one
 */
public record ScenarioResult(
        String featureUri,
        String featureName,
        String name,
        int line,
        List<String> tags,
        ScenarioStatus status,
        Optional<String> failure) {

    public ScenarioResult {
        Objects.requireNonNull(featureUri, "featureUri");
        Objects.requireNonNull(featureName, "featureName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        tags = List.copyOf(tags);
    }

    /**
     * Returns the feature file path: the uri without a {@code file:} or {@code classpath:} scheme.
     */
    public String featurePath() {
        String u = featureUri.replace('\\', '/');
        for (String scheme : List.of("file://", "file:", "classpath:")) {
            if (u.startsWith(scheme)) {
                return u.substring(scheme.length());
            }
        }
        return u;
    }

    /** Returns whether the scenario passed. */
    public boolean passed() {
        return status == ScenarioStatus.PASSED;
    }

    /** Returns {@code feature-path:line "name"}, for messages. */
    public String describe() {
        return featurePath() + (line > 0 ? ":" + line : "") + " \"" + name + "\"";
    }
}
