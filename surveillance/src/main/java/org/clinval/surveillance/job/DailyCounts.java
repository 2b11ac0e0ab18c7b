package org.clinval.surveillance.job;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Counts a stratum's day incrementally (state: a few numbers per stratum and day). */
final class DailyCounts implements AggregateFunction<CaseRecord, DailyMetric, DailyMetric> {

    private static final long serialVersionUID = 1L;

    @Override
    public DailyMetric createAccumulator() {
        return new DailyMetric();
    }

    @Override
    public DailyMetric add(CaseRecord r, DailyMetric a) {
        switch (r.kind) {
            case PREDICTION -> {
                a.predictions++;
                if (r.decision > 0) a.positiveCalls++;
                if (!Double.isNaN(r.score)) {
                    a.scoreSum = a.scoreSum.add(new java.math.BigDecimal(r.score));
                    a.scored++;
                }
            }
            case JOINED -> {
                boolean pos = r.label > 0;
                boolean call = r.decision > 0;
                if (pos && call) a.tp++;
                else if (pos) a.fn++;
                else if (call) a.fp++;
                else a.tn++;
            }
            case READER -> {}
        }
        return a;
    }

    @Override
    public DailyMetric getResult(DailyMetric a) {
        return a;
    }

    @Override
    public DailyMetric merge(DailyMetric a, DailyMetric b) {
        a.tp += b.tp;
        a.fp += b.fp;
        a.tn += b.tn;
        a.fn += b.fn;
        a.predictions += b.predictions;
        a.positiveCalls += b.positiveCalls;
        a.scoreSum = a.scoreSum.add(b.scoreSum);
        a.scored += b.scored;
        return a;
    }

    /** Stamps the day's result with its stratum and day. */
    static final class Stamp
            extends ProcessWindowFunction<DailyMetric, DailyMetric, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String stratum, Context ctx, Iterable<DailyMetric> in, Collector<DailyMetric> out) {
            for (DailyMetric m : in) {
                m.stratum = stratum;
                m.day = ctx.window().getStart();
                out.collect(m);
            }
        }
    }
}
