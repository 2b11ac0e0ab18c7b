package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.detection.Froc;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocBootstrap;
import org.clinval.validation.roc.RocInput;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Criterion;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.StatisticalMethods;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.protocol.Task;

/**
 * Computes one endpoint and judges it. Minima and maxima are inclusive ({@code estimate >= min},
 * {@code estimate <= max}). Segmentation and detection measures are computed by {@link
 * SegmentationAnalysis} and {@link DetectionAnalysis} at the criterion's level. An estimate or
 * interval that is undefined (no positives, one case per class, BCa without a bias correction)
 * fails the clause that needs it, and the reason says so: an undefined value never passes.
 */
final class EndpointEvaluation {

    private EndpointEvaluation() {}

    static EndpointResult evaluate(
            Endpoint endpoint,
            ConfusionMatrix m,
            Optional<RocInput> roc,
            StatisticalMethods statistics,
            StudyProtocol protocol,
            TaskInputs task) {
        Criterion c = endpoint.criterion();
        if (protocol.task() == Task.GRADING
                && (c.measure().task().isPresent()
                        || c.gradingEndpoint().isPresent()
                        || c.superiorityGoal().isPresent())) {
            return GradingEvaluation.evaluate(endpoint, m, protocol, task);
        }
        return switch (c.measure()) {
            case SENSITIVITY, SPECIFICITY, PPV, NPV, ACCURACY -> proportion(endpoint, m);
            case AUC -> auc(endpoint, m, roc, statistics);
            case READER_AUC_DIFFERENCE,
                    READER_SENSITIVITY_DIFFERENCE,
                    READER_SPECIFICITY_DIFFERENCE ->
                    throw new IllegalArgumentException(
                            c.measure().key()
                                    + " is judged on the reader study's analysis"
                                    + " (ReaderStudyAnalysis.evaluate)");
            case LESION_SENSITIVITY -> lesions(endpoint, m, protocol, detection(task));
            case FROC_CPM, SENSITIVITY_AT_FP -> froc(endpoint, m, statistics, detection(task));
            case FP_PER_SCAN_MEAN ->
                    aggregate(
                            endpoint,
                            m,
                            DetectionAnalysis.fpPerScan(
                                    detection(task),
                                    protocol.operatingPoint(),
                                    statistics.bootstrap(c.level())));
            default ->
                    aggregate(
                            endpoint,
                            m,
                            SegmentationAnalysis.aggregate(
                                    SegmentationAnalysis.of(c.measure()).getKey(),
                                    SegmentationAnalysis.of(c.measure()).getValue(),
                                    task.segmentation()
                                            .orElseThrow(
                                                    () ->
                                                            new IllegalArgumentException(
                                                                    c.measure().key()
                                                                            + " needs the"
                                                                            + " segmentation"
                                                                            + " results")),
                                    statistics.bootstrap(c.level())));
        };
    }

    private static DetectionInputs detection(TaskInputs task) {
        return task.detection()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "a detection measure needs the candidates and lesions"));
    }

    /** Lesion-level sensitivity: a proportion over lesions with the criterion's interval. */
    private static EndpointResult lesions(
            Endpoint endpoint, ConfusionMatrix m, StudyProtocol protocol, DetectionInputs d) {
        Criterion c = endpoint.criterion();
        Proportion p = DetectionAnalysis.lesionSensitivity(d, protocol.operatingPoint(), c.level());
        BinomialInterval method = c.ciMethod().binomial().orElseThrow();
        String why = p.undefinedReason().orElse("");
        return judge(
                endpoint,
                p.estimate(),
                p.interval(method),
                why,
                why,
                method.key() + " over lesions",
                OptionalLong.of(p.successes()),
                OptionalLong.of(p.trials()),
                m,
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    /** CPM or sensitivity at an FP rate, with the FROC bootstrap over scans. */
    private static EndpointResult froc(
            Endpoint endpoint,
            ConfusionMatrix m,
            StatisticalMethods statistics,
            DetectionInputs d) {
        Criterion c = endpoint.criterion();
        List<Double> rates =
                c.measure() == Measure.FROC_CPM
                        ? Froc.LUNA16_FP_RATES
                        : List.of(c.fpPerScan().getAsDouble());
        FrocResult f = DetectionAnalysis.froc(d, rates);
        boolean cpm = c.measure() == Measure.FROC_CPM;
        OptionalDouble estimate =
                cpm || f.cpm().isEmpty()
                        ? f.cpm()
                        : OptionalDouble.of(f.sensitivityAtFp().get(rates.get(0)));
        String why = f.undefinedReason().orElse("");
        FrocBootstrap b =
                DetectionAnalysis.frocBootstrap(d, rates, statistics.bootstrap(c.level()));
        Optional<BootstrapInterval> bi =
                cpm ? b.cpm() : Optional.ofNullable(b.sensitivityAtFp().get(rates.get(0)));
        Optional<Interval> ci =
                c.ciMethod() == CiMethod.BOOTSTRAP_BCA
                        ? bi.flatMap(BootstrapInterval::bca)
                        : bi.map(BootstrapInterval::percentile);
        String ciWhy =
                b.undefinedReason()
                        .or(() -> bi.flatMap(BootstrapInterval::undefinedReason))
                        .orElse("");
        return judge(
                endpoint,
                estimate,
                ci,
                why,
                ciWhy,
                (c.ciMethod() == CiMethod.BOOTSTRAP_BCA ? "BCa" : "percentile")
                        + " bootstrap over scans",
                OptionalLong.empty(),
                OptionalLong.empty(),
                m,
                OptionalLong.of(statistics.bootstrapSeed()),
                OptionalLong.of(statistics.bootstrapReplicates()));
    }

    /** A mean or median over cases with its bootstrap over cases. */
    private static EndpointResult aggregate(Endpoint endpoint, ConfusionMatrix m, CaseAggregate a) {
        Criterion c = endpoint.criterion();
        Optional<Interval> ci = c.ciMethod() == CiMethod.BOOTSTRAP_BCA ? a.bca() : a.percentile();
        String why = a.undefinedReason().orElse("");
        String ciWhy =
                a.undefinedReason()
                        .or(() -> a.bootstrap().flatMap(BootstrapInterval::undefinedReason))
                        .orElse("");
        return judge(
                endpoint,
                a.estimate(),
                ci,
                why,
                ciWhy,
                (c.ciMethod() == CiMethod.BOOTSTRAP_BCA ? "BCa" : "percentile")
                        + " bootstrap over cases",
                OptionalLong.of(a.nDefined()),
                OptionalLong.of(a.n()),
                m,
                a.bootstrap().map(b -> OptionalLong.of(b.seed())).orElse(OptionalLong.empty()),
                a.bootstrap()
                        .map(b -> OptionalLong.of(b.replicates()))
                        .orElse(OptionalLong.empty()));
    }

    private static EndpointResult proportion(Endpoint endpoint, ConfusionMatrix m) {
        Criterion c = endpoint.criterion();
        long[] xn =
                switch (c.measure()) {
                    case SENSITIVITY -> new long[] {m.tp(), m.positives()};
                    case SPECIFICITY -> new long[] {m.tn(), m.negatives()};
                    case PPV -> new long[] {m.tp(), m.tp() + m.fp()};
                    case NPV -> new long[] {m.tn(), m.tn() + m.fn()};
                    case ACCURACY -> new long[] {m.tp() + m.tn(), m.total()};
                    default ->
                            throw new IllegalStateException(
                                    c.measure().key() + " is not a case-level proportion");
                };
        Proportion p = Proportion.of(c.measure().key(), xn[0], xn[1], c.level());
        BinomialInterval method = c.ciMethod().binomial().orElseThrow();
        String why = p.undefinedReason().orElse("");
        return judge(
                endpoint,
                p.estimate(),
                p.interval(method),
                why,
                why,
                method.key(),
                OptionalLong.of(xn[0]),
                OptionalLong.of(xn[1]),
                m,
                OptionalLong.empty(),
                OptionalLong.empty());
    }

    private static EndpointResult auc(
            Endpoint endpoint,
            ConfusionMatrix m,
            Optional<RocInput> roc,
            StatisticalMethods statistics) {
        Criterion c = endpoint.criterion();
        if (roc.isEmpty()) {
            String why =
                    "AUC is undefined: the study has "
                            + m.positives()
                            + " positive and "
                            + m.negatives()
                            + " negative cases";
            return judge(
                    endpoint,
                    OptionalDouble.empty(),
                    Optional.empty(),
                    why,
                    why,
                    c.ciMethod().key(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    m,
                    OptionalLong.empty(),
                    OptionalLong.empty());
        }
        AucEstimate delong = DeLong.auc(roc.get(), c.level());
        OptionalDouble estimate = OptionalDouble.of(delong.auc());
        if (c.ciMethod() == CiMethod.DELONG) {
            return judge(
                    endpoint,
                    estimate,
                    delong.ci(),
                    "",
                    delong.undefinedReason().orElse(""),
                    delong.method(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    m,
                    OptionalLong.empty(),
                    OptionalLong.empty());
        }
        OptionalLong seed = OptionalLong.of(statistics.bootstrapSeed());
        OptionalLong replicates = OptionalLong.of(statistics.bootstrapReplicates());
        String method =
                (c.ciMethod() == CiMethod.BOOTSTRAP_BCA ? "BCa" : "percentile")
                        + " stratified bootstrap";
        if (roc.get().positives() < 2 || roc.get().negatives() < 2) {
            return judge(
                    endpoint,
                    estimate,
                    Optional.empty(),
                    "",
                    "a bootstrap interval of the AUC needs at least 2 positive and 2 negative cases",
                    method,
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    m,
                    seed,
                    replicates);
        }
        BootstrapInterval b = RocBootstrap.auc(roc.get(), statistics.bootstrap(c.level()));
        Optional<Interval> ci =
                c.ciMethod() == CiMethod.BOOTSTRAP_BCA ? b.bca() : Optional.of(b.percentile());
        return judge(
                endpoint,
                estimate,
                ci,
                "",
                b.undefinedReason().orElse(""),
                method,
                OptionalLong.empty(),
                OptionalLong.empty(),
                m,
                seed,
                replicates);
    }

    static EndpointResult judge(
            Endpoint endpoint,
            OptionalDouble estimate,
            Optional<Interval> ci,
            String estimateUndefined,
            String ciUndefined,
            String method,
            OptionalLong numerator,
            OptionalLong denominator,
            ConfusionMatrix m,
            OptionalLong seed,
            OptionalLong replicates) {
        Criterion c = endpoint.criterion();
        String measure = c.measure().key();
        List<String> reasons = new ArrayList<>();
        boolean pass = true;
        if (c.estimateMin().isPresent()) {
            double min = c.estimateMin().getAsDouble();
            if (estimate.isEmpty()) {
                pass = false;
                reasons.add(estimateUndefined + ", so it cannot reach " + num(min));
            } else {
                boolean ok = estimate.getAsDouble() >= min;
                pass &= ok;
                reasons.add(
                        measure
                                + " "
                                + num(estimate.getAsDouble())
                                + (ok ? " >= " : " < ")
                                + num(min));
            }
        }
        if (c.ciLowerMin().isPresent()) {
            double min = c.ciLowerMin().getAsDouble();
            String bound =
                    "the lower bound of its "
                            + num(c.level().value() * 100)
                            + "% "
                            + method
                            + " interval";
            if (ci.isEmpty()) {
                pass = false;
                String why = ciUndefined.isEmpty() ? estimateUndefined : ciUndefined;
                reasons.add(bound + " is undefined (" + why + "), so it cannot reach " + num(min));
            } else {
                boolean ok = ci.get().lower() >= min;
                pass &= ok;
                reasons.add(bound + " " + num(ci.get().lower()) + (ok ? " >= " : " < ") + num(min));
            }
        }
        if (c.estimateMax().isPresent()) {
            double max = c.estimateMax().getAsDouble();
            if (estimate.isEmpty()) {
                pass = false;
                reasons.add(estimateUndefined + ", so it cannot stay within " + num(max));
            } else {
                boolean ok = estimate.getAsDouble() <= max;
                pass &= ok;
                reasons.add(
                        measure
                                + " "
                                + num(estimate.getAsDouble())
                                + (ok ? " <= " : " > ")
                                + num(max));
            }
        }
        if (c.ciUpperMax().isPresent()) {
            double max = c.ciUpperMax().getAsDouble();
            String bound =
                    "the upper bound of its "
                            + num(c.level().value() * 100)
                            + "% "
                            + method
                            + " interval";
            if (ci.isEmpty()) {
                pass = false;
                String why = ciUndefined.isEmpty() ? estimateUndefined : ciUndefined;
                reasons.add(
                        bound
                                + " is undefined ("
                                + why
                                + "), so it cannot stay within "
                                + num(max));
            } else {
                boolean ok = ci.get().upper() <= max;
                pass &= ok;
                reasons.add(bound + " " + num(ci.get().upper()) + (ok ? " <= " : " > ") + num(max));
            }
        }
        return new EndpointResult(
                endpoint,
                estimate,
                ci,
                method,
                numerator,
                denominator,
                m.positives(),
                m.negatives(),
                seed,
                replicates,
                pass ? Verdict.PASS : Verdict.FAIL,
                reasons);
    }

    /** Formats a number for a reason: four decimals, enough to see which side of a minimum. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }
}
