package org.clinval.validation.detection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapInterval;

/**
 * Bootstrap intervals of a FROC analysis over scans.
 *
 * <p>Undefined (empty intervals, with the reason) when a replicate drew no scan with a lesion, or
 * when fewer than two scans have lesions: such replicates have no sensitivity, and dropping them
 * would silently condition the bootstrap.
 *
 * @param sensitivityAtFp interval of the sensitivity by FP rate per scan; empty when undefined
 * @param cpm interval of the CPM; empty when undefined
 * @param replicates replicate count
 * @param seed the seed
 * @param level confidence level
 * @param replicatesWithoutLesions replicates that drew no scan with a lesion
 * @param undefinedReason why there are no intervals, if there are none
 */
public record FrocBootstrap(
        Map<Double, BootstrapInterval> sensitivityAtFp,
        Optional<BootstrapInterval> cpm,
        int replicates,
        long seed,
        ConfidenceLevel level,
        int replicatesWithoutLesions,
        Optional<String> undefinedReason) {

    public FrocBootstrap {
        sensitivityAtFp = Collections.unmodifiableMap(new LinkedHashMap<>(sensitivityAtFp));
    }
}
