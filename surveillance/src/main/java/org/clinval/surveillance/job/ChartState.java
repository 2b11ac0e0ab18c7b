package org.clinval.surveillance.job;

/** One CUSUM chart's statistics, kept per stratum and metric. */
public class ChartState {
    public long steps;
    public double sHi;
    public double sLo;

    public ChartState() {}
}
