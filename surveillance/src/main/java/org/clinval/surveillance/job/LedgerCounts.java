package org.clinval.surveillance.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts each fate in checkpointed state and writes the count: at the end of a bounded input (as of
 * {@code Long.MAX_VALUE}), and, while an unbounded stream runs, every few seconds of wall time.
 */
final class LedgerCounts extends KeyedProcessFunction<String, Ledger, String> {

    private static final long serialVersionUID = 1L;
    private static final long PERIOD = 5_000;
    private final boolean unbounded;
    private transient ValueState<Long> count;
    private transient ValueState<Boolean> armed;

    LedgerCounts(boolean unbounded) {
        this.unbounded = unbounded;
    }

    @Override
    public void open(OpenContext ctx) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        armed = getRuntimeContext().getState(new ValueStateDescriptor<>("armed", Boolean.class));
    }

    @Override
    public void processElement(Ledger l, Context ctx, Collector<String> out) throws Exception {
        Long c = count.value();
        count.update((c == null ? 0 : c) + l.count);
        if (armed.value() == null) {
            armed.update(true);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            if (unbounded) {
                ctx.timerService()
                        .registerProcessingTimeTimer(
                                ctx.timerService().currentProcessingTime() + PERIOD);
            }
        }
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
        Long c = count.value();
        boolean end = ctx.timeDomain() == org.apache.flink.streaming.api.TimeDomain.EVENT_TIME;
        out.collect(
                (end ? Long.MAX_VALUE : ts)
                        + ","
                        + ctx.getCurrentKey()
                        + ","
                        + (c == null ? 0 : c));
        if (!end && unbounded) {
            ctx.timerService().registerProcessingTimeTimer(ts + PERIOD);
        }
    }
}
