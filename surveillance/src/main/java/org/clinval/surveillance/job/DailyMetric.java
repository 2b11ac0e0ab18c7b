package org.clinval.surveillance.job;

/** One stratum's counts on one day: what the CUSUM charts are fed. */
public class DailyMetric {
    public String stratum;
    public long day;
    public long tp;
    public long fp;
    public long tn;
    public long fn;
    public double scoreSum;
    public long scored;

    public DailyMetric() {}
}
