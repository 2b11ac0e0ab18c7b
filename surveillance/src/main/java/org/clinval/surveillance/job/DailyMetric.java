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

    /**
     * Summed exactly, so that the order the day's cases arrive in cannot change a digit; set by
     * {@link #close} from {@link #scoreParts}.
     */
    public java.math.BigDecimal scoreSum = java.math.BigDecimal.ZERO;

    /**
     * The exact sum of the scores so far, as non-overlapping partial sums whose exact total it is
     * (Shewchuk's expansion: a few doubles, a few additions per score, where a decimal sum would
     * expand every score into a long decimal).
     */
    public double[] scoreParts = new double[0];

    public long scored;

    public DailyMetric() {}

    /** Counts one record of the day. */
    void add(StratumRecord r) {
        switch (r.kind) {
            case PREDICTION -> {
                predictions++;
                if (r.decision > 0) positiveCalls++;
                if (!Double.isNaN(r.score)) {
                    addScore(r.score);
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

    /**
     * Adds {@code x} to {@link #scoreParts} exactly: each partial is replaced by the rounded sum
     * with it and the sum's rounding error is kept as a partial (both exact in binary floating
     * point when the larger is added to first), so the partials always add up exactly to the
     * scores.
     */
    private void addScore(double x) {
        double[] p = scoreParts;
        int n = 0;
        for (int j = 0; j < p.length; j++) {
            double y = p[j];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) p[n++] = lo;
            x = hi;
        }
        if (n + 1 != p.length) p = java.util.Arrays.copyOf(p, n + 1);
        p[n] = x;
        scoreParts = p;
    }

    /** Stamps the day's counts with their stratum and day, and sums the scores. */
    void close(String stratum, long day) {
        this.stratum = stratum;
        this.day = day;
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (double p : scoreParts) sum = sum.add(new java.math.BigDecimal(p));
        scoreSum = sum;
    }
}
