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

    /** Counts one record of the day. */
    void add(StratumRecord r) {
        switch (r.kind) {
            case PREDICTION -> {
                predictions++;
                if (r.decision > 0) positiveCalls++;
                if (!Double.isNaN(r.score)) {
                    scoreSum = scoreSum.add(new java.math.BigDecimal(r.score));
                    scored++;
                }
            }
            case JOINED -> {
                boolean pos = r.label > 0;
                boolean call = r.decision > 0;
                if (pos && call) tp++;
                else if (pos) fn++;
                else if (call) fp++;
                else tn++;
            }
            case READER -> {}
        }
    }
}
