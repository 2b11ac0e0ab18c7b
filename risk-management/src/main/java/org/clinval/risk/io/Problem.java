package org.clinval.risk.io;

import java.util.Objects;

/**
 * One problem of a risk management file, e.g. {@code risk-file.yaml:
 * hazards[2].controls[0].control: 'RCM-099' is not a risk control of the register}.
 *
 * @param file the file, as given
 * @param path the YAML path of the bad value, list indices from 0; empty for the whole file
 * @param message what is wrong
 */
public record Problem(String file, String path, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + (path.isEmpty() ? message : path + ": " + message);
    }
}
