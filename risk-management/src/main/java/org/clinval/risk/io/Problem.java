package org.clinval.risk.io;

import java.util.Objects;
import org.clinval.common.yaml.YamlProblem;

/**
 * One problem of a risk management file, e.g. {@code risk-file.yaml:
 * hazards[2].controls[0].control: 'RCM-099' is not a risk control of the register}.
 *
 * @param file the file, as given
 * @param line line of the bad value, from 1; 0 for a problem of the whole file
 * @param column column of the bad value, from 1; 0 with line 0
 * @param path the YAML path of the bad value, list indices from 0; empty for the whole file
 * @param message what is wrong
 */
public record Problem(String file, int line, int column, String path, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** A problem without a place in the file. */
    public Problem(String file, String path, String message) {
        this(file, 0, 0, path, message);
    }

    static Problem of(YamlProblem p) {
        return new Problem(p.source(), p.line(), p.column(), p.path(), p.what());
    }

    /** Returns where the problem is: file, line and column when known, and YAML path. */
    public String where() {
        return new YamlProblem(file, line, column, path, message).where();
    }

    /** Returns what is wrong (the same as {@link #message()}). */
    public String what() {
        return message;
    }

    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? message : path + ": " + message);
    }
}
