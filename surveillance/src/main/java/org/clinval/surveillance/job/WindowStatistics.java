package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.validation.Interval;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;

/**
 * The statistics of one stratum's window: its {@code windows.csv} row; in the plan's windows the
 * drift tests against the baseline; in the goal windows an alarm for each measure whose lower
 * confidence bound falls below the validated study's acceptance goal.
 */
final class WindowStatistics
        extends ProcessWindowFunction<CaseRecord, WindowSummary, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final MonitoringPlan plan;
    private final Baseline baseline;
    private final MonitoringPlan.Window kind;
    private final boolean drift;
    private final boolean goals;

    WindowStatistics(
            MonitoringPlan plan,
            Baseline baseline,
            MonitoringPlan.Window kind,
            boolean drift,
            boolean goals) {
        this.plan = plan;
        this.baseline = baseline;
        this.kind = kind;
        this.drift = drift;
        this.goals = goals;
    }

    @Override
    public void process(
            String stratum,
            Context ctx,
            Iterable<CaseRecord> records,
            Collector<WindowSummary> out) {
        WindowSummary s = new WindowSummary();
        s.stratum = stratum;
        s.kind = kind.wire();
        s.start = ctx.window().getStart();
        s.end = ctx.window().getEnd();
        List<CaseRecord> predictions = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<CaseRecord> joined = new ArrayList<>();
        for (CaseRecord r : records) {
            switch (r.kind) {
                case PREDICTION -> {
                    s.predictions++;
                    if (!Double.isNaN(r.score)) {
                        predicted.add(r.score);
                        s.scored++;
                    }
                    if (drift) predictions.add(r);
                }
                case JOINED -> {
                    boolean pos = r.label > 0;
                    boolean call = r.decision > 0;
                    if (pos && call) s.tp++;
                    else if (pos) s.fn++;
                    else if (call) s.fp++;
                    else s.tn++;
                    joined.add(r);
                }
                case READER -> {
                    s.readers++;
                    if (r.readerAgreed == 0) s.overrides++;
                }
            }
        }
        // Records arrive in an order that depends on the machine; sums over sorted values and
        // samples sorted by case do not, so the same events always give the same digits.
        predicted.sort(null);
        for (double v : predicted) s.scoreSum += v;
        predictions.sort(java.util.Comparator.comparing((CaseRecord r) -> r.caseId));
        joined.sort(java.util.Comparator.comparing((CaseRecord r) -> r.caseId));
        boolean[] pos = new boolean[joined.size()];
        double[] sc = new double[joined.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = joined.get(i).label > 0;
            sc[i] = joined.get(i).score;
        }
        StringBuilder row = new StringBuilder();
        WindowMetrics.Figures f =
                WindowMetrics.compute(s, pos, sc, plan.level(), plan.minCasesPerClass(), row);
        s.line = row.toString();
        out.collect(s);
        if (goals) goalAlarms(s, f, ctx);
        if (drift) {
            for (String line :
                    DriftRows.rows(
                            plan, baseline, s, predictions, a -> ctx.output(Tags.ALARMS, a))) {
                ctx.output(Tags.DRIFT, line);
            }
        }
    }

    private void goalAlarms(WindowSummary s, WindowMetrics.Figures f, Context ctx) {
        check("sensitivity", f.accuracy().sensitivity(), s, ctx);
        check("specificity", f.accuracy().specificity(), s, ctx);
    }

    private void check(String measure, Proportion p, WindowSummary s, Context ctx) {
        Optional<Baseline.Goal> goal = baseline.goal(measure);
        if (goal.isEmpty() || goal.get().ciLowerMin() == null) return;
        if (p.trials() < plan.minCasesForGoal()) return;
        Interval ci = p.interval(BinomialInterval.WILSON).orElseThrow();
        double min = goal.get().ciLowerMin();
        if (ci.lower() >= min) return;
        ObjectNode e = Alarms.evidence();
        e.put("estimate", p.estimate().getAsDouble());
        e.put("ci_lower", ci.lower());
        e.put("ci_upper", ci.upper());
        e.put("ci_method", "wilson");
        e.put("level", plan.level());
        e.put("successes", p.successes());
        e.put("trials", p.trials());
        e.put("goal_ci_lower_min", min);
        e.put("baseline_estimate", goal.get().estimate());
        e.put("endpoint", goal.get().endpoint());
        ctx.output(
                Tags.ALARMS,
                Alarms.alarm(
                        "goal",
                        s.stratum,
                        measure,
                        s.start,
                        s.end,
                        measure
                                + " "
                                + p.successes()
                                + "/"
                                + p.trials()
                                + ": lower Wilson bound "
                                + String.format(java.util.Locale.ROOT, "%.3f", ci.lower())
                                + " below the acceptance goal "
                                + min,
                        e,
                        goal));
    }
}
