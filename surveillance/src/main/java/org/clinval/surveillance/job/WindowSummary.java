package org.clinval.surveillance.job;

/** The counts of one window of one stratum, from which cumulative rows are summed. */
public class WindowSummary {
    public String stratum;
    public String kind;
    public long start;
    public long end;
    public long predictions;
    public long tp;
    public long fp;
    public long tn;
    public long fn;
    public long readers;
    public long overrides;
    public double scoreSum;
    public long scored;

    /** The windows.csv line of this window. */
    public String line;

    public WindowSummary() {}

    void add(WindowSummary o) {
        predictions += o.predictions;
        tp += o.tp;
        fp += o.fp;
        tn += o.tn;
        fn += o.fn;
        readers += o.readers;
        overrides += o.overrides;
        scoreSum += o.scoreSum;
        scored += o.scored;
    }
}
