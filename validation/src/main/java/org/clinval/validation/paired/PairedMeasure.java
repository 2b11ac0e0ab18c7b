package org.clinval.validation.paired;

import java.util.Locale;
import java.util.Optional;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.design.PairedCounts;
import org.clinval.validation.roc.AucComparison;
import org.clinval.validation.roc.DeLong;

/**
 * The measures a change control plan compares between a baseline and a candidate model read on the
 * same cases, each with its paired method: Tango's interval and McNemar's test for sensitivity and
 * specificity, DeLong's paired test for the AUC.
 */
public enum PairedMeasure {
    /** Correct positive calls among the positive cases. */
    SENSITIVITY,
    /** Correct negative calls among the negative cases. */
    SPECIFICITY,
    /** Area under the ROC curve of the scores, higher score meaning positive. */
    AUC;

    /** Returns the measure named {@code name} as plans write it ({@code sensitivity}…). */
    public static Optional<PairedMeasure> parse(String name) {
        for (PairedMeasure m : values()) {
            if (m.wire().equals(name)) return Optional.of(m);
        }
        return Optional.empty();
    }

    /** Returns the name as plans and results write it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Compares the calls of a sensitivity or specificity: only the cases of the measure's
     * denominator (positives for sensitivity, negatives for specificity) are counted.
     *
     * @param positive the reference standard of each case
     * @param baseline the baseline's positive calls, case by case
     * @param candidate the candidate's positive calls, case by case
     * @throws IllegalStateException for {@link #AUC}
     */
    public ProportionComparison proportion(
            boolean[] positive,
            boolean[] baseline,
            boolean[] candidate,
            double margin,
            ConfidenceLevel level) {
        if (this == AUC) throw new IllegalStateException("the AUC is not a proportion");
        if (baseline.length != positive.length || candidate.length != positive.length) {
            throw new IllegalArgumentException(
                    "paired calls differ in length: "
                            + positive.length
                            + ", "
                            + baseline.length
                            + ", "
                            + candidate.length);
        }
        boolean wanted = this == SENSITIVITY;
        long both = 0, candidateOnly = 0, baselineOnly = 0, neither = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] != wanted) continue;
            boolean b = baseline[i] == wanted;
            boolean c = candidate[i] == wanted;
            if (b && c) both++;
            else if (c) candidateOnly++;
            else if (b) baselineOnly++;
            else neither++;
        }
        return ProportionComparison.of(
                new PairedCounts(both, candidateOnly, baselineOnly, neither), margin, level);
    }

    /**
     * Compares the AUCs with DeLong's paired test; the difference is {@code candidate − baseline}.
     * Undefined, with its reason, when a class is absent or has fewer than 2 cases.
     *
     * @throws IllegalStateException unless this is {@link #AUC}
     */
    public AucChange auc(
            boolean[] positive,
            double[] baseline,
            double[] candidate,
            double margin,
            ConfidenceLevel level) {
        if (this != AUC) throw new IllegalStateException(wire() + " is not an AUC");
        int m = 0;
        for (boolean p : positive) if (p) m++;
        int n = positive.length - m;
        if (m == 0 || n == 0) {
            Verdict.of(Optional.empty(), margin);
            return new AucChange(
                    Optional.empty(),
                    m,
                    n,
                    margin,
                    level,
                    Verdict.UNDEFINED,
                    Optional.of(
                            "the AUC needs both classes: " + m + " positive, " + n + " negative"));
        }
        AucComparison c = DeLong.compare(positive, candidate, baseline, Direction.HIGHER, level);
        return new AucChange(
                Optional.of(c),
                m,
                n,
                margin,
                level,
                Verdict.of(c.differenceCi(), margin),
                c.undefinedReason());
    }
}
