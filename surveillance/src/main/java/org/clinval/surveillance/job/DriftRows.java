package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.clinval.surveillance.baseline.Baseline;
import org.clinval.surveillance.plan.MonitoringPlan;
import org.clinval.validation.drift.ChiSquareHomogeneity;
import org.clinval.validation.drift.DriftResult;
import org.clinval.validation.drift.JensenShannon;
import org.clinval.validation.drift.KolmogorovSmirnov;
import org.clinval.validation.drift.Psi;
import org.clinval.validation.drift.Wasserstein;

/**
 * The drift tests of one stratum's window against the same stratum of the validated baseline (the
 * same site's or manufacturer's cases; every case for {@code all} and model versions): PSI, KS,
 * Wasserstein and Jensen–Shannon on the score and numeric acquisition metadata, chi-square and
 * Jensen–Shannon on categorical metadata. A variable that neither sample has (field strength on CT)
 * is not applicable and gets no row.
 */
final class DriftRows {

    /** The header of {@code drift.csv}. */
    static final String HEADER =
            "window_kind,window_start,window_end,stratum,variable,kind,test,n_baseline,n_current,"
                    + "statistic,p_value,band,flag";

    private DriftRows() {}

    static List<String> rows(
            MonitoringPlan plan,
            Baseline baseline,
            WindowSummary w,
            WindowAcc sample,
            Consumer<String> alarms) {
        List<String> out = new ArrayList<>();
        boolean[] in = baseline.inStratum(w.stratum);
        MonitoringPlan.Drift d = plan.drift();
        boolean tooFew = sample.predictions < d.minCases();
        for (String v : d.variables()) {
            if (MonitoringPlan.NUMERIC.contains(v)) {
                double[] b = numeric(baseline.numeric().get(v), in);
                double[] c = sample.numeric(v);
                if (b.length == 0 && c.length == 0) continue;
                List<DriftResult> results =
                        tooFew || b.length == 0
                                ? List.of()
                                : List.of(
                                        Psi.of(b, c),
                                        KolmogorovSmirnov.of(b, c),
                                        Wasserstein.of(b, c),
                                        JensenShannon.of(b, c));
                emit(plan, w, v, "numeric", results, b.length, c.length, tooFew, out, alarms);
            } else {
                String[] b = categorical(baseline.categorical().get(v), in);
                String[] c = sample.categorical(v);
                if (b.length == 0 && c.length == 0) continue;
                List<DriftResult> results =
                        tooFew || b.length == 0
                                ? List.of()
                                : List.of(ChiSquareHomogeneity.of(b, c), JensenShannon.of(b, c));
                emit(plan, w, v, "categorical", results, b.length, c.length, tooFew, out, alarms);
            }
        }
        return out;
    }

    private static void emit(
            MonitoringPlan plan,
            WindowSummary w,
            String variable,
            String kind,
            List<DriftResult> results,
            int nb,
            int nc,
            boolean tooFew,
            List<String> out,
            Consumer<String> alarms) {
        if (results.isEmpty()) {
            String why =
                    tooFew
                            ? "undefined: fewer than "
                                    + plan.drift().minCases()
                                    + " predictions in the window"
                            : "undefined: the baseline has no values";
            out.add(row(w, variable, kind, "all", nb, nc, Double.NaN, Double.NaN, why, "none"));
            return;
        }
        MonitoringPlan.Drift d = plan.drift();
        for (DriftResult r : results) {
            String test = r.test().id();
            if (!r.isDefined()) {
                out.add(
                        row(
                                w,
                                variable,
                                kind,
                                test,
                                r.nBaseline(),
                                r.nCurrent(),
                                Double.NaN,
                                Double.NaN,
                                "undefined: " + r.undefinedReason().orElse(""),
                                "none"));
                continue;
            }
            double s = r.statistic().getAsDouble();
            double p = r.pValue().isPresent() ? r.pValue().getAsDouble() : Double.NaN;
            String band;
            String flag;
            switch (r.test()) {
                case PSI -> {
                    band = "watch >= " + d.psiWatch() + "; drift >= " + d.psiDrift();
                    flag = s >= d.psiDrift() ? "drift" : s >= d.psiWatch() ? "watch" : "none";
                    if (flag.equals("drift") && r.nCurrent() < d.psiMinCases()) {
                        // Small samples inflate PSI with no drift at all: watched, not an alarm.
                        flag = "watch";
                        band += "; n < " + d.psiMinCases() + ": no alarm";
                    }
                }
                case KS, CHI2 -> {
                    band = "drift when p < " + d.alpha();
                    flag = p < d.alpha() ? "drift" : "none";
                }
                case JS -> {
                    band = "watch >= " + d.jsWatch();
                    flag = s >= d.jsWatch() ? "watch" : "none";
                }
                default -> {
                    band = "descriptive";
                    flag = "none";
                }
            }
            out.add(row(w, variable, kind, test, r.nBaseline(), r.nCurrent(), s, p, band, flag));
            if (flag.equals("drift")) {
                ObjectNode e = Alarms.evidence();
                e.put("variable", variable);
                e.put("test", test);
                e.put("statistic", s);
                if (!Double.isNaN(p)) e.put("p_value", p);
                e.put("n_baseline", r.nBaseline());
                e.put("n_current", r.nCurrent());
                e.put("band", band);
                e.put("method", r.method());
                alarms.accept(
                        Alarms.alarm(
                                "drift",
                                w.stratum,
                                variable + "/" + test,
                                w.start,
                                w.end,
                                String.format(
                                        Locale.ROOT,
                                        "%s of %s: %s = %.4g%s (%s)",
                                        w.stratum,
                                        variable,
                                        test,
                                        s,
                                        Double.isNaN(p)
                                                ? ""
                                                : String.format(Locale.ROOT, ", p = %.3g", p),
                                        band),
                                e,
                                Optional.<Baseline.Goal>empty()));
            }
        }
    }

    private static String row(
            WindowSummary w,
            String variable,
            String kind,
            String test,
            int nb,
            int nc,
            double s,
            double p,
            String band,
            String flag) {
        return Csv.row(
                w.kind,
                Csv.day(w.start),
                Csv.day(w.end),
                w.stratum,
                variable,
                kind,
                test,
                nb,
                nc,
                s,
                p,
                band,
                flag);
    }

    private static double[] numeric(double[] all, boolean[] in) {
        double[] out = new double[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (in[i] && !Double.isNaN(all[i])) out[n++] = all[i];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static String[] categorical(String[] all, boolean[] in) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            if (in[i] && all[i] != null) out.add(all[i]);
        }
        return out.toArray(String[]::new);
    }
}
