package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.Optional;
import java.util.function.Consumer;
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
final class WindowStatistics implements Serializable {

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

    /** Whether this kind of window gets the drift tests. */
    boolean drift() {
        return drift;
    }

    /**
     * Returns the summary of one stratum's window, its {@code windows.csv} row in {@link
     * WindowSummary#line}; gives its drift rows to {@code drift} (in the drift windows) and its
     * alarms to {@code alarms}.
     */
    WindowSummary compute(
            String stratum,
            long start,
            long end,
            WindowAcc a,
            Consumer<String> drift,
            Consumer<String> alarms) {
        WindowSummary s = summary(stratum, kind, start, end, a);
        StringBuilder row = new StringBuilder();
        WindowMetrics.Figures f = figures(s, a, plan, row);
        s.line = row.toString();
        if (goals) goalAlarms(s, f, alarms);
        if (this.drift) {
            for (String line : DriftRows.rows(plan, baseline, s, a, alarms)) drift.accept(line);
        }
        return s;
    }

    /** The counts of a window. */
    static WindowSummary summary(
            String stratum, MonitoringPlan.Window kind, long start, long end, WindowAcc a) {
        WindowSummary s = new WindowSummary();
        s.stratum = stratum;
        s.kind = kind.wire();
        s.start = start;
        s.end = end;
        s.predictions = a.predictions;
        s.tp = a.tp;
        s.fp = a.fp;
        s.tn = a.tn;
        s.fn = a.fn;
        s.readers = a.readers;
        s.overrides = a.overrides;
        // Sums over sorted values: the same digits whatever order the records arrived in.
        s.scoreSum = a.scoreSum();
        s.scored = a.scored();
        return s;
    }

    /** The window's row and figures, over its joined cases in canonical order. */
    static WindowMetrics.Figures figures(
            WindowSummary s, WindowAcc a, MonitoringPlan plan, StringBuilder row) {
        double[][] j = a.joined();
        boolean[] pos = new boolean[j[0].length];
        for (int i = 0; i < pos.length; i++) pos[i] = j[1][i] > 0;
        return WindowMetrics.compute(s, pos, j[0], plan.level(), plan.minCasesPerClass(), row);
    }

    private void goalAlarms(WindowSummary s, WindowMetrics.Figures f, Consumer<String> alarms) {
        check("sensitivity", f.accuracy().sensitivity(), s, alarms);
        check("specificity", f.accuracy().specificity(), s, alarms);
    }

    private void check(String measure, Proportion p, WindowSummary s, Consumer<String> alarms) {
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
        alarms.accept(
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
