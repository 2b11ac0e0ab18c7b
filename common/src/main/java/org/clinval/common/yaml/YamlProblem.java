package org.clinval.common.yaml;

import java.util.Objects;

/**
 * One problem of a YAML file, e.g. {@code where}: {@code protocol.yaml line 12, column 14,
 * operating_point.threshold}, {@code what}: {@code 1.5 is above the maximum 1}.
 *
 * @param source the file as messages name it
 * @param line line of the bad value (or of the mapping that lacks a key), from 1; 0 when the
 *     problem is the whole file's
 * @param column column, from 1; 0 with line 0
 * @param path YAML path of the bad value ({@code endpoints[0].criterion.measure}, list indices from
 *     0); empty for the whole file
 * @param what what is wrong, with the bad value quoted short
 */
public record YamlProblem(String source, int line, int column, String path, String what) {

    public YamlProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(what, "what");
    }

    /** Returns where the problem is: file, line and column when known, and YAML path. */
    public String where() {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(" line ").append(line).append(", column ").append(column);
        }
        if (!path.isEmpty()) {
            b.append(line > 0 ? ", " : " ").append(path);
        }
        return b.toString();
    }

    /**
     * Returns the problem as said inside its file, e.g. {@code line 12, column 14,
     * operating_point.threshold: 1.5 is above the maximum 1}: for a message that names the file
     * once for several problems.
     */
    public String inFile() {
        String at = line > 0 ? "line " + line + ", column " + column + ", " : "";
        return at + (path.isEmpty() ? what : path + ": " + what);
    }

    /** Returns {@code where: what}. */
    @Override
    public String toString() {
        return where() + ": " + what;
    }
}
