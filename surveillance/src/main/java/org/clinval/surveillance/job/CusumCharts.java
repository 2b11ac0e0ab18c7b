package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.validation.cusum.BinomialScore;
import org.clinval.validation.cusum.CusumAlarm;
import org.clinval.validation.cusum.CusumChart;
import org.clinval.validation.cusum.CusumState;
import org.clinval.validation.cusum.CusumStep;

/**
 * Feeds each stratum's days, in order, through its CUSUM charts, as standard normal scores: a day's
 * proportion (specificity, sensitivity) by its exact binomial mid-p score under the baseline's
 * value ({@link BinomialScore}), a day's mean score by {@code (x − μ0)/(σ_unit/√n)}; so days with
 * few and many cases weigh as the design assumes. A day without cases for the metric is not an
 * observation. An alarm restarts the chart (see {@link CusumChart}).
 */
final class CusumCharts extends KeyedProcessFunction<String, DailyMetric, String> {

    /** The header of {@code cusum.csv}. */
    static final String HEADER = "day,stratum,metric,value,n,mu0,sigma,k,h,s_hi,s_lo,alarm";

    private static final long serialVersionUID = 1L;
    private final List<ChartSpec> charts;
    private final Baseline baseline;
    private transient MapState<String, ChartState> states;

    CusumCharts(List<ChartSpec> charts, Baseline baseline) {
        this.charts = List.copyOf(charts);
        this.baseline = baseline;
    }

    @Override
    public void open(OpenContext ctx) {
        states =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("charts", String.class, ChartState.class));
    }

    @Override
    public void processElement(DailyMetric d, Context ctx, Collector<String> out) throws Exception {
        for (ChartSpec spec : charts) {
            if (!spec.charts(d.stratum)) continue;
            long n;
            long successes = -1;
            double x;
            switch (spec.metric()) {
                case "specificity" -> {
                    n = d.tn + d.fp;
                    successes = d.tn;
                    x = n == 0 ? Double.NaN : (double) d.tn / n;
                }
                case "sensitivity" -> {
                    n = d.tp + d.fn;
                    successes = d.tp;
                    x = n == 0 ? Double.NaN : (double) d.tp / n;
                }
                case "positive_rate" -> {
                    n = d.predictions;
                    successes = d.positiveCalls;
                    x = n == 0 ? Double.NaN : (double) d.positiveCalls / n;
                }
                default -> {
                    n = d.scored;
                    x = n == 0 ? Double.NaN : d.scoreSum.doubleValue() / n;
                }
            }
            if (n == 0 || Double.isNaN(spec.mu0())) continue;
            double sigma = spec.sigmaUnit() / Math.sqrt(n);
            double z;
            if (successes >= 0) {
                // A proportion of a few cases is far from normal: its exact binomial mid-p score.
                z = BinomialScore.midP(successes, n, spec.mu0());
            } else {
                if (!(sigma > 0)) continue;
                z = (x - spec.mu0()) / sigma;
            }
            ChartState st = states.get(spec.metric());
            if (st == null) st = new ChartState();
            CusumChart chart = new CusumChart(0, 1, spec.design().k(), spec.design().h());
            CusumStep step = chart.step(new CusumState(st.steps, st.sHi, st.sLo), z);
            st.steps = step.next().steps();
            st.sHi = step.next().sHi();
            st.sLo = step.next().sLo();
            states.put(spec.metric(), st);
            out.collect(
                    Csv.row(
                            Csv.day(d.day),
                            d.stratum,
                            spec.metric(),
                            x,
                            n,
                            spec.mu0(),
                            sigma,
                            chart.k(),
                            chart.h(),
                            step.sHi(),
                            step.sLo(),
                            step.alarm().id()));
            if (step.alarm() != CusumAlarm.NONE) {
                ObjectNode e = Alarms.evidence();
                e.put("day", Csv.day(d.day));
                e.put("value", x);
                e.put("n", n);
                e.put("mu0", spec.mu0());
                e.put("sigma", sigma);
                e.put("k", chart.k());
                e.put("h", chart.h());
                e.put("s_hi", step.sHi());
                e.put("s_lo", step.sLo());
                e.put("side", step.alarm().id());
                e.put("arl0", spec.design().arl0Achieved());
                e.put("arl1", spec.design().arl1());
                e.put("shift_sigma", spec.design().shiftSigma());
                Optional<Baseline.Goal> goal =
                        spec.metric().equals("mean_score") || spec.metric().equals("positive_rate")
                                ? Optional.empty()
                                : baseline.goal(spec.metric());
                ctx.output(
                        Tags.ALARMS,
                        Alarms.alarm(
                                "cusum",
                                d.stratum,
                                spec.metric(),
                                d.day,
                                d.day + 86_400_000L,
                                String.format(
                                        Locale.ROOT,
                                        "CUSUM of daily %s crossed h = %.3f (%s side: S = %.3f)"
                                                + " on %s",
                                        spec.metric(),
                                        chart.h(),
                                        step.alarm().id(),
                                        Math.max(step.sHi(), step.sLo()),
                                        Csv.day(d.day)),
                                e,
                                goal));
            }
        }
    }
}
