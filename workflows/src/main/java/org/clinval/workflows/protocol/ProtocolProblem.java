package org.clinval.workflows.protocol;

import org.clinval.common.yaml.YamlProblem;

/**
 * One problem of a protocol, e.g. {@code where}: {@code protocol.yaml line 12, column 14,
 * operating_point.threshold}, {@code what}: {@code 1.5 is above the maximum 1}.
 *
 * @param file the protocol's file name
 * @param line line of the bad value, from 1; 0 for a problem of the whole file
 * @param column column of the bad value, from 1; 0 with line 0
 * @param path YAML path of the bad value; list indices count from 0; empty for the whole file
 * @param message what is wrong with it
 */
public record ProtocolProblem(String file, int line, int column, String path, String message) {

    /** A problem without a place in the file. */
    public ProtocolProblem(String path, String message) {
        this("", 0, 0, path, message);
    }

    static ProtocolProblem of(YamlProblem p) {
        return new ProtocolProblem(p.source(), p.line(), p.column(), p.path(), p.what());
    }

    /** Returns where the problem is: file, line and column when known, and YAML path. */
    public String where() {
        return new YamlProblem(file, line, column, path, message).where();
    }

    /** Returns the problem as said inside its file: line, column, path and what. */
    public String inFile() {
        return new YamlProblem(file, line, column, path, message).inFile();
    }

    /** Returns what is wrong (the same as {@link #message()}). */
    public String what() {
        return message;
    }

    /** Returns {@code path: message}, e.g. {@code subgroups.attributes[1]: 'x' is not one of …}. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
