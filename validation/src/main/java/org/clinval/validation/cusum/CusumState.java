package org.clinval.validation.cusum;

import java.io.Serializable;

/**
 * The state a streaming two-sided CUSUM carries between observations: small, immutable and
 * serialisable (a record, so keyed state in a stream processor can hold it).
 *
 * @param steps observations consumed so far
 * @param sHi upper statistic {@code S_hi} in σ units, {@code ≥ 0}
 * @param sLo lower statistic {@code S_lo} in σ units, {@code ≥ 0}
 */
public record CusumState(long steps, double sHi, double sLo) implements Serializable {

    private static final long serialVersionUID = 1L;

    public CusumState {
        if (steps < 0) {
            throw new IllegalArgumentException("steps is negative: " + steps);
        }
        if (!(sHi >= 0) || !(sLo >= 0) || Double.isInfinite(sHi) || Double.isInfinite(sLo)) {
            throw new IllegalArgumentException(
                    "CUSUM statistics must be finite and non-negative: " + sHi + ", " + sLo);
        }
    }

    /** Returns the state before the first observation: both statistics 0. */
    public static CusumState initial() {
        return new CusumState(0, 0, 0);
    }
}
