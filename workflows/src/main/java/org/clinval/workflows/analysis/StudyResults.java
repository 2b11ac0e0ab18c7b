package org.clinval.workflows.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.subgroup.SubgroupResult;
import org.clinval.workflows.protocol.EndpointRole;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Everything the analysis of a study computed, with the protocol that fixed its choices.
 *
 * @param protocol the protocol: threshold, rule, positive class, direction, methods, seed
 * @param cases number of case results analysed
 * @param accuracy the confusion matrix and accuracy at the operating point, at the protocol's table
 *     level
 * @param auc the AUC with DeLong's interval, empty when a class is absent
 * @param aucBootstrap the stratified bootstrap of the AUC with the protocol's seed and replicates,
 *     empty when a class has fewer than 2 cases
 * @param undefined why the AUC or its bootstrap is missing, if one is
 * @param endpoints every endpoint in protocol order
 * @param subgroups subgroup results per attribute, in protocol order
 * @param verdict {@link Verdict#PASS} when every primary endpoint passed
 * @param segmentation the segmentation analysis of a segmentation study, else empty
 * @param detection the detection analysis of a detection study, else empty
 * @param grading the grading analysis of a grading study, else empty
 * @param explanations the explanation maps and their scores, when the protocol asks for them
 * @param readerStudy the analysis of the reader-study arm at the protocol's table level, when the
 *     protocol has one
 */
public record StudyResults(
        StudyProtocol protocol,
        int cases,
        DiagnosticAccuracy accuracy,
        Optional<AucEstimate> auc,
        Optional<BootstrapInterval> aucBootstrap,
        List<String> undefined,
        List<EndpointResult> endpoints,
        Map<String, List<SubgroupResult>> subgroups,
        Verdict verdict,
        Optional<SegmentationResults> segmentation,
        Optional<DetectionResults> detection,
        Optional<GradingResults> grading,
        Optional<ExplanationResults> explanations,
        Optional<ReaderStudyResults> readerStudy) {

    /** The results of a study without a reader-study arm. */
    public StudyResults(
            StudyProtocol protocol,
            int cases,
            DiagnosticAccuracy accuracy,
            Optional<AucEstimate> auc,
            Optional<BootstrapInterval> aucBootstrap,
            List<String> undefined,
            List<EndpointResult> endpoints,
            Map<String, List<SubgroupResult>> subgroups,
            Verdict verdict,
            Optional<SegmentationResults> segmentation,
            Optional<DetectionResults> detection,
            Optional<GradingResults> grading,
            Optional<ExplanationResults> explanations) {
        this(
                protocol,
                cases,
                accuracy,
                auc,
                aucBootstrap,
                undefined,
                endpoints,
                subgroups,
                verdict,
                segmentation,
                detection,
                grading,
                explanations,
                Optional.empty());
    }

    /** The results of a study of a task other than grading, without explanations. */
    public StudyResults(
            StudyProtocol protocol,
            int cases,
            DiagnosticAccuracy accuracy,
            Optional<AucEstimate> auc,
            Optional<BootstrapInterval> aucBootstrap,
            List<String> undefined,
            List<EndpointResult> endpoints,
            Map<String, List<SubgroupResult>> subgroups,
            Verdict verdict,
            Optional<SegmentationResults> segmentation,
            Optional<DetectionResults> detection) {
        this(
                protocol,
                cases,
                accuracy,
                auc,
                aucBootstrap,
                undefined,
                endpoints,
                subgroups,
                verdict,
                segmentation,
                detection,
                Optional.empty(),
                Optional.empty());
    }

    /** The results of a classification study. */
    public StudyResults(
            StudyProtocol protocol,
            int cases,
            DiagnosticAccuracy accuracy,
            Optional<AucEstimate> auc,
            Optional<BootstrapInterval> aucBootstrap,
            List<String> undefined,
            List<EndpointResult> endpoints,
            Map<String, List<SubgroupResult>> subgroups,
            Verdict verdict) {
        this(
                protocol,
                cases,
                accuracy,
                auc,
                aucBootstrap,
                undefined,
                endpoints,
                subgroups,
                verdict,
                Optional.empty(),
                Optional.empty());
    }

    public StudyResults {
        undefined = List.copyOf(undefined);
        endpoints = List.copyOf(endpoints);
        subgroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subgroups));
    }

    /** Returns whether the study met its acceptance criteria. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** Returns the endpoints that failed, primary and secondary. */
    public List<EndpointResult> failures() {
        return endpoints.stream().filter(e -> !e.passed()).toList();
    }

    /** Returns the verdict of the primary endpoints. */
    static Verdict verdictOf(List<EndpointResult> endpoints) {
        return endpoints.stream()
                        .filter(e -> e.endpoint().role() == EndpointRole.PRIMARY)
                        .allMatch(EndpointResult::passed)
                ? Verdict.PASS
                : Verdict.FAIL;
    }
}
