package org.clinval.workflows.protocol;

import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.interval.BinomialInterval;

/**
 * Methods of the tables that are not endpoints (confusion matrix, subgroups) and of the bootstrap.
 *
 * @param ciMethod interval method of proportions in the tables
 * @param level confidence level of the tables
 * @param bootstrapReplicates bootstrap replicates, at least 100
 * @param bootstrapSeed the bootstrap seed
 */
public record StatisticalMethods(
        BinomialInterval ciMethod,
        ConfidenceLevel level,
        int bootstrapReplicates,
        long bootstrapSeed) {

    /** Returns the bootstrap of an interval at {@code level}. */
    public BootstrapSpec bootstrap(ConfidenceLevel level) {
        return new BootstrapSpec(bootstrapReplicates, bootstrapSeed, level);
    }
}
