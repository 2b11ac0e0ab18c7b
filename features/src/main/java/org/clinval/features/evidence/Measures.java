package org.clinval.features.evidence;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.OperatingPoint;

/**
 * Recomputes measures of a study run from its case results with the protocol's operating point
 * (threshold, rule, positive class, direction), so that a step is evidence independent of the
 * analysis step's {@code metrics.json}. Interval method and level are always explicit.
 *
 * <ul>
 *   <li>Proportions at the operating point (sensitivity {@code TP/(TP+FN)}, specificity {@code
 *       TN/(TN+FP)}, PPV {@code TP/(TP+FP)}, NPV {@code TN/(TN+FN)}, accuracy {@code (TP+TN)/n})
 *       with a Clopper–Pearson, Wilson or Jeffreys interval ({@link BinomialInterval}; Brown, Cai,
 *       DasGupta 2001, doi:10.1214/ss/1009213286). A zero denominator makes the proportion
 *       undefined, with the reason.
 *   <li>The AUC (Mann–Whitney, ties one half) with DeLong's interval {@code AUC ± z·SE} clipped to
 *       [0, 1] (DeLong et al. 1988, doi:10.2307/2531595). A class without cases makes the AUC
 *       undefined; fewer than 2 cases in a class leave it without an interval.
 * </ul>
 */
public final class Measures {

    private final StudyRun run;

    public Measures(StudyRun run) {
        this.run = run;
    }

    /** Returns the confusion matrix of {@code s} at the protocol's operating point. */
    public ConfusionMatrix matrix(Selection s) {
        OperatingPoint op = run.protocol().operatingPoint();
        return ConfusionMatrix.of(positives(s), scores(s), op.threshold(), op.rule());
    }

    private boolean[] positives(Selection s) {
        int[] idx = s.indices();
        boolean[] out = new boolean[idx.length];
        for (int k = 0; k < idx.length; k++) out[k] = run.positive(idx[k]);
        return out;
    }

    private double[] scores(Selection s) {
        int[] idx = s.indices();
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) out[k] = run.score(idx[k]);
        return out;
    }

    /**
     * Returns proportion {@code measure} of {@code s} with its {@code method} interval at {@code
     * level}.
     *
     * @throws IllegalArgumentException if {@code measure} is the AUC or {@code method} is not a
     *     binomial interval
     */
    public Measurement proportion(
            Measure measure, Selection s, CiMethod method, ConfidenceLevel level) {
        if (!measure.isProportion()) {
            throw new IllegalArgumentException("not a proportion: " + measure.key());
        }
        BinomialInterval b =
                method.binomial()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                method.key()
                                                        + " is not an interval method for "
                                                        + name(measure)));
        ConfusionMatrix m = matrix(s);
        long[] xn =
                switch (measure) {
                    case SENSITIVITY -> new long[] {m.tp(), m.positives()};
                    case SPECIFICITY -> new long[] {m.tn(), m.negatives()};
                    case PPV -> new long[] {m.tp(), m.tp() + m.fp()};
                    case NPV -> new long[] {m.tn(), m.tn() + m.fn()};
                    case ACCURACY -> new long[] {m.tp() + m.tn(), m.total()};
                    default -> throw new IllegalStateException("unreachable");
                };
        Proportion p = Proportion.of(name(measure), xn[0], xn[1], level);
        Optional<String> undefined =
                p.undefinedReason().map(r -> r + " (" + denominator(measure) + " in " + s + ")");
        return new Measurement(
                name(measure),
                s.description(),
                p.estimate(),
                OptionalLong.of(xn[0]),
                OptionalLong.of(xn[1]),
                s.size(),
                m.positives(),
                m.negatives(),
                p.interval(b),
                methodName(method),
                level,
                undefined);
    }

    /** Returns the AUC of {@code s} with DeLong's interval at {@code level}. */
    public Measurement auc(Selection s, ConfidenceLevel level) {
        ConfusionMatrix m = matrix(s);
        if (m.positives() == 0 || m.negatives() == 0) {
            return new Measurement(
                    "AUC",
                    s.description(),
                    OptionalDouble.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    s.size(),
                    m.positives(),
                    m.negatives(),
                    Optional.empty(),
                    methodName(CiMethod.DELONG),
                    level,
                    Optional.of(
                            "the AUC is undefined: "
                                    + s
                                    + " has "
                                    + m.positives()
                                    + " positive and "
                                    + m.negatives()
                                    + " negative cases"));
        }
        AucEstimate a =
                DeLong.auc(
                        RocInput.of(
                                positives(s),
                                scores(s),
                                run.protocol().operatingPoint().direction()),
                        level);
        Optional<Interval> ci = a.ci();
        return new Measurement(
                "AUC",
                s.description(),
                OptionalDouble.of(a.auc()),
                OptionalLong.empty(),
                OptionalLong.empty(),
                s.size(),
                m.positives(),
                m.negatives(),
                ci,
                methodName(CiMethod.DELONG),
                level,
                a.undefinedReason());
    }

    /**
     * Returns the share of cases quarantined, {@code quarantined / (results + quarantined)}, with
     * its {@code method} interval at {@code level}; empty when the run has no quarantine list.
     */
    public Optional<Measurement> quarantined(CiMethod method, ConfidenceLevel level) {
        if (run.quarantine().isEmpty()) {
            return Optional.empty();
        }
        long q = run.quarantine().get().size();
        long n = q + run.cases().size();
        Proportion p = Proportion.of("quarantined share", q, n, level);
        return Optional.of(
                new Measurement(
                        "quarantined share",
                        "all cases in (" + run.cases().size() + " results, " + q + " quarantined)",
                        p.estimate(),
                        OptionalLong.of(q),
                        OptionalLong.of(n),
                        n,
                        matrix(run.all()).positives(),
                        matrix(run.all()).negatives(),
                        p.interval(method.binomial().orElseThrow()),
                        methodName(method),
                        level,
                        p.undefinedReason()));
    }

    /** Returns the measure's name in the clinical language of the steps, e.g. {@code NPV}. */
    public static String name(Measure measure) {
        return switch (measure) {
            case PPV, NPV, AUC -> measure.name();
            default -> measure.key();
        };
    }

    /** Returns the interval method's name, e.g. {@code Clopper-Pearson}. */
    public static String methodName(CiMethod method) {
        return switch (method) {
            case CLOPPER_PEARSON -> "Clopper-Pearson";
            case WILSON -> "Wilson";
            case JEFFREYS -> "Jeffreys";
            case DELONG -> "DeLong";
            case BOOTSTRAP_PERCENTILE -> "bootstrap percentile";
            case BOOTSTRAP_BCA -> "bootstrap BCa";
        };
    }

    private static String denominator(Measure measure) {
        return switch (measure) {
            case SENSITIVITY -> "no positive cases";
            case SPECIFICITY -> "no negative cases";
            case PPV -> "no positive calls";
            case NPV -> "no negative calls";
            default -> "no cases";
        };
    }
}
