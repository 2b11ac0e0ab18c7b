package org.clinval.streaming;

import java.time.Duration;
import org.clinval.validation.ThresholdRule;

/**
 * The explicit choices of one inference run, recorded with its results.
 *
 * @param parallelism parallel subtasks (2 on the reference 2-core machine)
 * @param threshold operating threshold
 * @param rule how the threshold is applied
 * @param modelSha256 SHA-256 of the model's weights
 * @param datasetSha256 identity of the locked test set: the SHA-256 of its part of the locked
 *     manifest (ground truth and image inventory), the same in every run on it
 * @param checkpointInterval how often results are committed
 */
public record JobSettings(
        int parallelism,
        double threshold,
        ThresholdRule rule,
        String modelSha256,
        String datasetSha256,
        Duration checkpointInterval) {

    public JobSettings {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism is not positive: " + parallelism);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold is not finite: " + threshold);
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException(
                    "checkpoint interval is not positive: " + checkpointInterval);
        }
    }
}
