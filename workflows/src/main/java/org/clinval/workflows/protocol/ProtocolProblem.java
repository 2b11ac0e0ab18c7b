package org.clinval.workflows.protocol;

/**
 * One problem of a protocol, e.g. {@code endpoints[1].criterion.ci_lower_min: 1.3 is not in [0,
 * 1]}.
 *
 * @param path YAML path of the bad value; list indices count from 0
 * @param message what is wrong with it
 */
public record ProtocolProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
