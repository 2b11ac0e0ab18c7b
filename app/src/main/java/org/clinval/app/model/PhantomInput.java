package org.clinval.app.model;

import org.clinval.app.cli.UserError;
import org.clinval.imaging.phantom.PhantomGenerator;
import picocli.CommandLine.Option;

/** Phantom input of predict/explain: a generated study, seeded. */
final class PhantomInput {

    @Option(
            names = "--phantom-seed",
            required = true,
            paramLabel = "S",
            description = "Seed of the phantom study to run on.")
    long seed;

    @Option(
            names = "--size",
            paramLabel = "128|256",
            defaultValue = "256",
            description = "Phantom matrix size (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--prevalence",
            paramLabel = "P",
            defaultValue = "0.5",
            description = "Share of phantoms with nodules (default: ${DEFAULT-VALUE}).")
    double prevalence;

    PhantomGenerator generator() {
        try {
            return PhantomGenerator.builder()
                    .setSeed(seed)
                    .setSize(size)
                    .setPrevalence(prevalence)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
