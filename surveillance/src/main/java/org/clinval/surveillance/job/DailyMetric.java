package org.clinval.surveillance.job;

/** One stratum's counts on one day: what the CUSUM charts are fed. */
public class DailyMetric {
    public String stratum;
    public long day;
    public long tp;
    public long fp;
    public long tn;
    public long fn;

    /** Predictions made that day, and how many were shown as positive. */
    public long predictions;

    public long positiveCalls;

    /** Summed exactly, so that the order the day's cases arrive in cannot change a digit. */
    public java.math.BigDecimal scoreSum = java.math.BigDecimal.ZERO;

    public long scored;

    public DailyMetric() {}
}
