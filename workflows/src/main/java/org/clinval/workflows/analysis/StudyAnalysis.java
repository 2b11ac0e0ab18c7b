package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.clinval.validation.Direction;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocBootstrap;
import org.clinval.validation.roc.RocInput;
import org.clinval.validation.subgroup.SubgroupAnalysis;
import org.clinval.validation.subgroup.SubgroupResult;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.OperatingPoint;
import org.clinval.workflows.protocol.StatisticalMethods;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.protocol.Subgroups;
import org.clinval.workflows.protocol.Task;

/**
 * Analyses the case results of a study as its protocol states: the confusion matrix at the
 * operating point, every endpoint against its criterion, DeLong and stratified-bootstrap AUC
 * (seeded from the protocol) and the subgroup table. The same inputs give the same numbers.
 *
 * <p>A case is positive when its label equals the protocol's positive class; every other label must
 * be one and the same negative label (a third label is an error, not a negative). Each case's
 * recorded prediction must agree with its score at the operating point, so that the case results
 * and the analysis cannot describe two different decision rules.
 */
public final class StudyAnalysis {

    private StudyAnalysis() {}

    /**
     * Analyses {@code cases} under {@code protocol}.
     *
     * @throws IllegalArgumentException if there are no cases, a third label, or a prediction that
     *     disagrees with its score, naming the case
     */
    public static StudyResults analyse(StudyProtocol protocol, List<CaseResult> cases) {
        return analyse(protocol, cases, TaskInputs.NONE);
    }

    /**
     * Analyses {@code cases} under {@code protocol} with the results its task adds: for a
     * segmentation or detection study also the task's analysis ({@link SegmentationAnalysis},
     * {@link DetectionAnalysis}), whose measures the endpoints may name. The case-level analysis
     * runs for every task.
     *
     * @throws IllegalArgumentException if there are no cases, a third label, a prediction that
     *     disagrees with its score, or the task's results are missing or of other cases
     */
    public static StudyResults analyse(
            StudyProtocol protocol, List<CaseResult> cases, TaskInputs task) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("there are no case results to analyse");
        }
        OperatingPoint op = protocol.operatingPoint();
        StatisticalMethods statistics = protocol.statistics();
        int n = cases.size();
        boolean[] positive = new boolean[n];
        double[] score = new double[n];
        boolean[] called = new boolean[n];
        boolean graded = protocol.task() == Task.GRADING;
        TreeSet<String> negativeLabels = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            CaseResult c = cases.get(i);
            positive[i] = c.label().equals(op.positiveClass());
            if (!positive[i]) negativeLabels.add(c.label());
            score[i] = c.score();
            called[i] = c.prediction();
            // A graded call is the model's grade at the cut, not its score at a threshold; the
            // grading analysis checks it against the grades instead.
            if (!graded && op.rule().isPositive(c.score(), op.threshold()) != c.prediction()) {
                throw new IllegalArgumentException(
                        "case "
                                + c.caseId()
                                + ": prediction "
                                + (c.prediction() ? 1 : 0)
                                + " disagrees with score "
                                + c.score()
                                + " at threshold "
                                + op.rule().symbol()
                                + " "
                                + op.threshold());
            }
        }
        if (negativeLabels.size() > 1) {
            throw new IllegalArgumentException(
                    "labels other than the positive class '"
                            + op.positiveClass()
                            + "' must be one negative label: found "
                            + String.join(", ", negativeLabels));
        }
        ConfusionMatrix m =
                graded
                        ? calls(positive, called)
                        : ConfusionMatrix.of(positive, score, op.threshold(), op.rule());
        DiagnosticAccuracy accuracy = DiagnosticAccuracy.of(m, statistics.level());
        List<String> undefined = new ArrayList<>();
        Optional<RocInput> roc = Optional.empty();
        Optional<AucEstimate> auc = Optional.empty();
        Optional<BootstrapInterval> bootstrap = Optional.empty();
        if (m.positives() > 0 && m.negatives() > 0) {
            roc = Optional.of(RocInput.of(positive, score, op.direction()));
            auc = Optional.of(DeLong.auc(roc.get(), statistics.level()));
            if (m.positives() >= 2 && m.negatives() >= 2) {
                bootstrap =
                        Optional.of(
                                RocBootstrap.auc(
                                        roc.get(), statistics.bootstrap(statistics.level())));
            } else {
                undefined.add("the AUC bootstrap needs at least 2 positive and 2 negative cases");
            }
        } else {
            undefined.add(
                    "AUC is undefined: the study has "
                            + m.positives()
                            + " positive and "
                            + m.negatives()
                            + " negative cases");
        }
        Optional<SegmentationResults> segmentation = Optional.empty();
        Optional<DetectionResults> detection = Optional.empty();
        Optional<GradingResults> grading = Optional.empty();
        switch (protocol.task()) {
            case SEGMENTATION -> {
                List<SegmentationCase> seg =
                        task.segmentation()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "a segmentation study needs the"
                                                                + " segmentation columns of its"
                                                                + " case results"));
                segmentation = Optional.of(SegmentationAnalysis.analyse(protocol, cases, seg));
            }
            case DETECTION -> {
                DetectionInputs d =
                        task.detection()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "a detection study needs its candidates"
                                                                + " and lesions"));
                detection = Optional.of(DetectionAnalysis.analyse(protocol, cases, d));
            }
            case GRADING -> {
                GradingInputs g =
                        task.grading()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "a grading study needs the grading"
                                                                + " columns of its case results"));
                grading = Optional.of(GradingAnalysis.analyse(protocol, cases, g));
            }
            case CLASSIFICATION -> {}
        }
        Optional<ReaderStudyResults> readers = Optional.empty();
        if (protocol.readerStudy().isPresent()) {
            ReaderInputs in =
                    task.readers()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "a study with a reader study needs its reads"
                                                            + " (reader_study)"));
            readers =
                    Optional.of(
                            ReaderStudyAnalysis.analyse(protocol, cases, in, statistics.level()));
        }
        List<EndpointResult> endpoints = new ArrayList<>();
        for (Endpoint e : protocol.endpoints()) {
            if (e.criterion().measure().isReaderStudy()) {
                ReaderStudyResults r = readers.orElseThrow();
                if (!r.level().equals(e.criterion().level())) {
                    r =
                            ReaderStudyAnalysis.analyse(
                                    protocol,
                                    cases,
                                    task.readers().orElseThrow(),
                                    e.criterion().level());
                }
                endpoints.add(ReaderStudyAnalysis.evaluate(e, r));
                continue;
            }
            endpoints.add(EndpointEvaluation.evaluate(e, m, roc, statistics, protocol, task));
        }
        return new StudyResults(
                protocol,
                n,
                accuracy,
                auc,
                bootstrap,
                undefined,
                endpoints,
                subgroups(protocol, cases, positive, score, graded ? called : null, op.direction()),
                StudyResults.verdictOf(endpoints),
                segmentation,
                detection,
                grading,
                task.explanations().map(rows -> ExplanationAnalysis.analyse(protocol, rows)),
                readers);
    }

    /** The table of recorded calls against the labels. */
    private static ConfusionMatrix calls(boolean[] positive, boolean[] called) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] && called[i]) tp++;
            else if (positive[i]) fn++;
            else if (called[i]) fp++;
            else tn++;
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    private static Map<String, List<SubgroupResult>> subgroups(
            StudyProtocol protocol,
            List<CaseResult> cases,
            boolean[] positive,
            double[] score,
            boolean[] called,
            Direction direction) {
        Subgroups s = protocol.subgroups();
        SubgroupAnalysis.Builder b =
                SubgroupAnalysis.builder()
                        .setCases(positive, score)
                        .setOperatingPoint(
                                protocol.operatingPoint().threshold(),
                                protocol.operatingPoint().rule())
                        .setDirection(direction)
                        .setLevel(protocol.statistics().level())
                        .setMinimumPerClass(s.minPerClass());
        if (s.maxCiWidth().isPresent()) {
            b.optMaximumWidth(s.maxCiWidth().getAsDouble(), protocol.statistics().ciMethod());
        } else {
            b.optMaximumWidth(1, protocol.statistics().ciMethod());
        }
        if (called != null) {
            b.optCalls(called);
        }
        SubgroupAnalysis analysis = b.build();
        Map<String, List<SubgroupResult>> out = new LinkedHashMap<>();
        for (String attribute : s.attributes()) {
            String[] values =
                    cases.stream().map(c -> c.attribute(attribute)).toArray(String[]::new);
            out.put(attribute, analysis.by(attribute, values));
        }
        return out;
    }
}
