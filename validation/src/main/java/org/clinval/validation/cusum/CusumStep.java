package org.clinval.validation.cusum;

/**
 * One observation through a two-sided CUSUM.
 *
 * @param t the 1-based index of the observation
 * @param x the observation, in its own units
 * @param z the standardised observation {@code (x − μ0)/σ}
 * @param sHi {@code S_hi(t)} in σ units, before any restart (so an alarm shows the value that
 *     crossed {@code h})
 * @param sLo {@code S_lo(t)} in σ units, before any restart
 * @param alarm which side, if any, is above {@code h}
 * @param next the state to carry to the next observation: both statistics 0 after an alarm
 */
public record CusumStep(
        long t, double x, double z, double sHi, double sLo, CusumAlarm alarm, CusumState next) {}
