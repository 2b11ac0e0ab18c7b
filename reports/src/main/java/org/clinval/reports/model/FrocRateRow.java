package org.clinval.reports.model;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * The FROC sensitivity at one rate of false positives per scan.
 *
 * @param fpPerScan the rate, e.g. 0.125
 * @param sensitivity the sensitivity read off the curve, empty without lesions
 * @param ci its bootstrap interval over scans, empty when undefined
 */
public record FrocRateRow(double fpPerScan, OptionalDouble sensitivity, Optional<Interval> ci) {

    public FrocRateRow {
        if (!(fpPerScan > 0) || Double.isInfinite(fpPerScan)) {
            throw new IllegalArgumentException("FP rate is not positive and finite: " + fpPerScan);
        }
        Fields.present("sensitivity at " + fpPerScan, sensitivity);
        Fields.optional("interval at " + fpPerScan, ci);
    }
}
