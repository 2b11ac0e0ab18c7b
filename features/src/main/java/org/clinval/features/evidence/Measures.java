package org.clinval.features.evidence;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.detection.Froc;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.workflows.analysis.Aggregate;
import org.clinval.workflows.analysis.CaseAggregate;
import org.clinval.workflows.analysis.DetectionAnalysis;
import org.clinval.workflows.analysis.DetectionInputs;
import org.clinval.workflows.analysis.SegmentationAnalysis;
import org.clinval.workflows.analysis.SegmentationCase;
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
 *   <li>The measures of a segmentation or detection study ({@link #task}), computed by the
 *       workflows' {@link SegmentationAnalysis} and {@link DetectionAnalysis}, the same computation
 *       as the analysis step's: means and medians of per-case metrics and the FROC with a bootstrap
 *       over cases (scans) by the protocol's seed and replicates, the lesion-level sensitivity with
 *       a binomial interval over lesions.
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
        if (run.protocol().task() == org.clinval.workflows.protocol.Task.GRADING) {
            // A grading study's call is the recorded one: the model's grade at the cut.
            long tp = 0, fp = 0, tn = 0, fn = 0;
            for (int i : s.indices()) {
                boolean p = run.positive(i);
                boolean c = run.cases().get(i).prediction();
                if (p && c) tp++;
                else if (p) fn++;
                else if (c) fp++;
                else tn++;
            }
            return new ConfusionMatrix(tp, fp, tn, fn);
        }
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

    /**
     * Returns measure {@code measure} of a segmentation or detection study on the cases (scans) of
     * {@code s}, with its {@code method} interval at {@code level}: a bootstrap over cases (scans)
     * with the protocol's seed and replicates, or a binomial interval over lesions for the
     * lesion-level sensitivity. {@code fpPerScan} is the false-positive rate of {@link
     * Measure#SENSITIVITY_AT_FP} and ignored otherwise.
     *
     * @throws IllegalArgumentException if {@code measure} is a case-level measure, {@code method}
     *     gives no interval of it, or the study is not of the measure's task
     */
    public Measurement task(
            Measure measure,
            Selection s,
            OptionalDouble fpPerScan,
            CiMethod method,
            ConfidenceLevel level) {
        if (measure.isCaseLevel()) {
            throw new IllegalArgumentException(
                    name(measure) + " is not a segmentation or detection measure");
        }
        if (!method.appliesTo(measure)) {
            throw new IllegalArgumentException(
                    methodName(method) + " is not an interval method for the " + name(measure));
        }
        BootstrapSpec spec = run.protocol().statistics().bootstrap(level);
        return switch (measure) {
            case LESION_SENSITIVITY -> lesionSensitivity(s, method, level);
            case FROC_CPM -> froc(measure, s, Froc.LUNA16_FP_RATES, method, spec);
            case SENSITIVITY_AT_FP ->
                    froc(
                            measure,
                            s,
                            List.of(
                                    fpPerScan.orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "the sensitivity at an FP rate needs"
                                                                    + " the rate"))),
                            method,
                            spec);
            case FP_PER_SCAN_MEAN ->
                    aggregate(
                            name(measure),
                            s,
                            DetectionAnalysis.fpPerScan(
                                    detection(measure, s), run.protocol().operatingPoint(), spec),
                            "scans",
                            method,
                            level);
            default -> {
                Map.Entry<SegmentationMetric, Aggregate> ma = SegmentationAnalysis.of(measure);
                yield aggregate(
                        name(measure),
                        s,
                        SegmentationAnalysis.aggregate(
                                ma.getKey(), ma.getValue(), segmentation(measure, s), spec),
                        "cases",
                        method,
                        level);
            }
        };
    }

    private List<SegmentationCase> segmentation(Measure measure, Selection s) {
        List<SegmentationCase> all =
                run.task()
                        .segmentation()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the "
                                                        + name(measure)
                                                        + " needs a segmentation study: this run's"
                                                        + " task is "
                                                        + run.protocol().task().key()));
        return Arrays.stream(s.indices()).mapToObj(all::get).toList();
    }

    private DetectionInputs detection(Measure measure, Selection s) {
        DetectionInputs all =
                run.task()
                        .detection()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the "
                                                        + name(measure)
                                                        + " needs a detection study: this run's"
                                                        + " task is "
                                                        + run.protocol().task().key()));
        Set<String> ids = new HashSet<>();
        for (int i : s.indices()) ids.add(run.cases().get(i).caseId());
        return ids.size() == all.scans().size() ? all : all.of(ids);
    }

    /** A mean or median over cases (scans) with the bootstrap the analysis computed. */
    private Measurement aggregate(
            String quantity,
            Selection s,
            CaseAggregate a,
            String units,
            CiMethod method,
            ConfidenceLevel level) {
        ConfusionMatrix m = matrix(s);
        Optional<Interval> ci = method == CiMethod.BOOTSTRAP_BCA ? a.bca() : a.percentile();
        Optional<String> why =
                a.undefinedReason()
                        .or(() -> a.bootstrap().flatMap(BootstrapInterval::undefinedReason));
        String population =
                a.nDefined() == a.n()
                        ? s.description()
                        : s.description()
                                + ", "
                                + a.nDefined()
                                + " of "
                                + a.n()
                                + " "
                                + units
                                + " with a value";
        return new Measurement(
                quantity,
                population,
                a.estimate(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                s.size(),
                m.positives(),
                m.negatives(),
                ci,
                bootstrapName(method, units),
                level,
                ci.isPresent() && a.estimate().isPresent() ? Optional.empty() : why);
    }

    /** The CPM or the sensitivity at one FP rate, with the FROC's bootstrap over scans. */
    private Measurement froc(
            Measure measure, Selection s, List<Double> rates, CiMethod method, BootstrapSpec spec) {
        DetectionInputs d = detection(measure, s);
        FrocResult f = DetectionAnalysis.froc(d, rates);
        boolean cpm = measure == Measure.FROC_CPM;
        OptionalDouble estimate =
                cpm || f.cpm().isEmpty()
                        ? f.cpm()
                        : OptionalDouble.of(f.sensitivityAtFp().get(rates.get(0)));
        FrocBootstrap b = DetectionAnalysis.frocBootstrap(d, rates, spec);
        Optional<BootstrapInterval> bi =
                cpm ? b.cpm() : Optional.ofNullable(b.sensitivityAtFp().get(rates.get(0)));
        Optional<Interval> ci =
                method == CiMethod.BOOTSTRAP_BCA
                        ? bi.flatMap(BootstrapInterval::bca)
                        : bi.map(BootstrapInterval::percentile);
        Optional<String> why =
                f.undefinedReason()
                        .or(b::undefinedReason)
                        .or(() -> bi.flatMap(BootstrapInterval::undefinedReason));
        ConfusionMatrix m = matrix(s);
        return new Measurement(
                cpm ? name(measure) : sensitivityAtFp(rates.get(0)),
                s.description()
                        + " ("
                        + f.lesions()
                        + " lesions, "
                        + f.candidates()
                        + " candidates)",
                estimate,
                OptionalLong.empty(),
                OptionalLong.empty(),
                s.size(),
                m.positives(),
                m.negatives(),
                ci,
                bootstrapName(method, "scans"),
                spec.level(),
                ci.isPresent() && estimate.isPresent() ? Optional.empty() : why);
    }

    /** Lesions hit at the operating threshold over all lesions, a proportion over lesions. */
    private Measurement lesionSensitivity(Selection s, CiMethod method, ConfidenceLevel level) {
        Proportion p =
                DetectionAnalysis.lesionSensitivity(
                        detection(Measure.LESION_SENSITIVITY, s),
                        run.protocol().operatingPoint(),
                        level);
        ConfusionMatrix m = matrix(s);
        return new Measurement(
                name(Measure.LESION_SENSITIVITY),
                s.description(),
                p.estimate(),
                OptionalLong.of(p.successes()),
                OptionalLong.of(p.trials()),
                s.size(),
                m.positives(),
                m.negatives(),
                p.interval(method.binomial().orElseThrow()),
                methodName(method) + " over lesions",
                level,
                p.undefinedReason().map(r -> r + " (no reference lesion in " + s + ")"));
    }

    private String bootstrapName(CiMethod method, String units) {
        return methodName(method)
                + " over "
                + units
                + " ("
                + run.protocol().statistics().bootstrapReplicates()
                + " replicates, seed "
                + run.protocol().statistics().bootstrapSeed()
                + ")";
    }

    /**
     * Returns the name of the FROC sensitivity at {@code rate}, e.g. {@code sensitivity at 1 FP per
     * scan}.
     */
    public static String sensitivityAtFp(double rate) {
        String r = rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
        return "sensitivity at " + r + " FP per scan";
    }

    /** Returns the measure's name in the clinical language of the steps, e.g. {@code NPV}. */
    public static String name(Measure measure) {
        return switch (measure) {
            case PPV, NPV, AUC -> measure.name();
            case DICE_MEAN -> "mean Dice";
            case DICE_MEDIAN -> "median Dice";
            case IOU_MEAN -> "mean IoU";
            case HD95_MEDIAN -> "median HD95 (mm)";
            case HD95_MEAN -> "mean HD95 (mm)";
            case ASSD_MEAN -> "mean ASSD (mm)";
            case SURFACE_DICE_MEAN -> "mean surface Dice";
            case FROC_CPM -> "CPM";
            case SENSITIVITY_AT_FP -> "FROC sensitivity";
            case LESION_SENSITIVITY -> "lesion-level sensitivity";
            case FP_PER_SCAN_MEAN -> "false positives per scan";
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
            case FLEISS_COHEN_EVERITT -> "Fleiss-Cohen-Everitt";
            case NONE -> "none";
            case MRMC -> "MRMC";
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
