package org.clinval.surveillance.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sums a stratum's windows into cumulative rows (from its first window to the end of each window):
 * counts only, so the state is one summary per stratum however long the stream runs.
 */
final class Cumulative extends KeyedProcessFunction<String, WindowSummary, String> {

    private static final long serialVersionUID = 1L;
    private final double level;
    private final int minPerClass;
    private transient ValueState<WindowSummary> total;

    Cumulative(double level, int minPerClass) {
        this.level = level;
        this.minPerClass = minPerClass;
    }

    @Override
    public void open(OpenContext ctx) {
        total =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("total", WindowSummary.class));
    }

    @Override
    public void processElement(WindowSummary w, Context ctx, Collector<String> out)
            throws Exception {
        WindowSummary t = total.value();
        if (t == null) {
            t = new WindowSummary();
            t.stratum = w.stratum;
            t.kind = "cumulative";
            t.start = w.start;
        }
        t.add(w);
        t.end = w.end;
        total.update(t);
        StringBuilder row = new StringBuilder();
        WindowMetrics.compute(t, null, null, level, minPerClass, row);
        out.collect(row.toString());
    }
}
