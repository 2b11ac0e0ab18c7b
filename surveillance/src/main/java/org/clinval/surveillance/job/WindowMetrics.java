package org.clinval.surveillance.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;

/**
 * One row of {@code windows.csv}, computed with the {@code validation} module's classes (the same
 * code a validation study uses): Wilson intervals for the proportions, DeLong for the AUC.
 */
public final class WindowMetrics {

    /** The header of {@code windows.csv}. */
    public static final String HEADER =
            "window_kind,window_start,window_end,stratum,n_predictions,n_with_truth,positives,negatives,"
                    + "prevalence,sensitivity,sensitivity_lower,sensitivity_upper,specificity,"
                    + "specificity_lower,specificity_upper,ppv,ppv_lower,ppv_upper,npv,npv_lower,"
                    + "npv_upper,auc,auc_lower,auc_upper,reader_decisions,override_rate,"
                    + "override_lower,override_upper,mean_score,level,ci_method,undefined";

    private WindowMetrics() {}

    /** The figures of a window that alarms are raised on. */
    public record Figures(DiagnosticAccuracy accuracy, Optional<AucEstimate> auc) {}

    /**
     * Returns the row, and the figures, of a window.
     *
     * @param positive the joined cases' truth, or null for a cumulative row (no AUC)
     * @param scores the joined cases' scores, parallel to {@code positive}
     */
    public static Figures compute(
            WindowSummary s,
            boolean[] positive,
            double[] scores,
            double level,
            int minPerClass,
            StringBuilder row) {
        ConfidenceLevel cl = ConfidenceLevel.of(level);
        ConfusionMatrix m = new ConfusionMatrix(s.tp, s.fp, s.tn, s.fn);
        DiagnosticAccuracy a = DiagnosticAccuracy.of(m, cl);
        List<String> undefined = new ArrayList<>();
        long truth = m.total();
        double prevalence = truth == 0 ? Double.NaN : (double) m.positives() / truth;
        if (truth == 0) undefined.add("prevalence: no case with ground truth");
        Optional<AucEstimate> auc = Optional.empty();
        double[] aucCells = {Double.NaN, Double.NaN, Double.NaN};
        if (positive == null) {
            undefined.add(
                    "auc: not kept cumulatively (it would need every score); recomputed from"
                            + " joined-cases.csv by pms report");
        } else if (m.positives() < minPerClass || m.negatives() < minPerClass) {
            undefined.add(
                    "auc: needs at least "
                            + minPerClass
                            + " positives and negatives, has "
                            + m.positives()
                            + " and "
                            + m.negatives());
        } else {
            AucEstimate e = DeLong.auc(RocInput.of(positive, scores, Direction.HIGHER), cl);
            auc = Optional.of(e);
            aucCells[0] = e.auc();
            if (e.ci().isPresent()) {
                aucCells[1] = e.ci().get().lower();
                aucCells[2] = e.ci().get().upper();
            } else {
                undefined.add("auc interval: " + e.undefinedReason().orElse("no variance"));
            }
        }
        Proportion override = Proportion.of("override_rate", s.overrides, s.readers, cl);
        row.append(
                Csv.row(
                        s.kind,
                        Csv.day(s.start),
                        Csv.day(s.end),
                        s.stratum,
                        s.predictions,
                        truth,
                        m.positives(),
                        m.negatives(),
                        prevalence));
        for (Proportion p : List.of(a.sensitivity(), a.specificity(), a.ppv(), a.npv())) {
            cells(row, p, undefined);
        }
        for (double c : aucCells) row.append(',').append(Csv.num(c));
        row.append(',').append(s.readers);
        cells(row, override, undefined);
        double mean = s.scored == 0 ? Double.NaN : s.scoreSum / s.scored;
        if (s.scored == 0) undefined.add("mean_score: no prediction");
        row.append(',').append(Csv.num(mean));
        row.append(',')
                .append(level)
                .append(",wilson,")
                .append(Csv.text(String.join("; ", undefined)));
        return new Figures(a, auc);
    }

    private static void cells(StringBuilder row, Proportion p, List<String> undefined) {
        if (!p.isDefined()) {
            row.append(",,,");
            undefined.add(p.name() + ": its denominator is 0");
            return;
        }
        Interval ci = p.interval(BinomialInterval.WILSON).orElseThrow();
        row.append(',')
                .append(Csv.num(p.estimate().getAsDouble()))
                .append(',')
                .append(Csv.num(ci.lower()))
                .append(',')
                .append(Csv.num(ci.upper()));
    }
}
