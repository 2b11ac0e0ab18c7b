package org.clinval.surveillance.job;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Accumulates a stratum's window record by record (see {@link WindowAcc}). */
final class WindowAccumulate implements AggregateFunction<CaseRecord, WindowAcc, WindowAcc> {

    private static final long serialVersionUID = 1L;

    @Override
    public WindowAcc createAccumulator() {
        return new WindowAcc();
    }

    @Override
    public WindowAcc add(CaseRecord r, WindowAcc a) {
        a.add(r);
        return a;
    }

    @Override
    public WindowAcc getResult(WindowAcc a) {
        return a;
    }

    @Override
    public WindowAcc merge(WindowAcc a, WindowAcc b) {
        a.merge(b);
        return a;
    }
}
