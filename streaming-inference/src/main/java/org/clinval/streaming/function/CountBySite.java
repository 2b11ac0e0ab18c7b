package org.clinval.streaming.function;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.CaseResult;
import org.clinval.streaming.SiteCounts;

/** Running confusion counts per site, emitted after every result: what a dashboard would show. */
public final class CountBySite extends KeyedProcessFunction<String, CaseResult, SiteCounts> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<SiteCounts> counts;

    @Override
    public void open(OpenContext context) {
        counts =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("counts", SiteCounts.class));
    }

    @Override
    public void processElement(CaseResult r, Context ctx, Collector<SiteCounts> out)
            throws Exception {
        SiteCounts current = counts.value();
        if (current == null) {
            current = new SiteCounts(r.site(), 0, 0, 0, 0, 0);
        }
        SiteCounts next = current.add(r.label(), r.prediction());
        counts.update(next);
        out.collect(next);
    }
}
