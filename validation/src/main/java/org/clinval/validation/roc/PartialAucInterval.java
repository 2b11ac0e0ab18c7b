package org.clinval.validation.roc;

import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;

/**
 * A stratified bootstrap percentile interval of a partial AUC, raw or McClish-corrected.
 *
 * @param estimate the partial AUC of the original sample
 * @param percentile the type-7 percentile interval of the defined replicates
 * @param level confidence level
 * @param range the range and its focus
 * @param corrected whether the statistic is McClish's standardised partial AUC
 * @param replicates replicates drawn
 * @param undefinedReplicates replicates left out because McClish's correction was undefined in them
 *     (curve below the diagonal over the range), as pROC ignores their NA values
 * @param seed the seed
 * @param resampling how cases were resampled
 */
public record PartialAucInterval(
        double estimate,
        Interval percentile,
        ConfidenceLevel level,
        PartialAucRange range,
        boolean corrected,
        int replicates,
        int undefinedReplicates,
        long seed,
        String resampling) {}
