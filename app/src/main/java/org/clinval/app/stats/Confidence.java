package org.clinval.app.stats;

import org.clinval.app.cli.OptionValues;
import org.clinval.validation.ConfidenceLevel;
import picocli.CommandLine.Option;

/** The {@code --conf} option shared by every command that prints an interval. */
public final class Confidence {

    @Option(
            names = "--conf",
            defaultValue = "0.95",
            paramLabel = "LEVEL",
            description = "Confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
    double conf;

    /** Returns the confidence level, checked. */
    public ConfidenceLevel level() {
        return ConfidenceLevel.of(OptionValues.openUnit("--conf", conf));
    }
}
