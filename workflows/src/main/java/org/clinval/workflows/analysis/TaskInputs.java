package org.clinval.workflows.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * The task-specific results of a run beside its case results: the segmentation columns of {@code
 * case-results.csv}, or the run folder's {@value DetectionCsv#CANDIDATES} and {@value
 * DetectionCsv#LESIONS} (next to {@code case-results.csv}), or the grading columns of {@code
 * case-results.csv} with the graders' grades of the reference standard ({@code
 * dataset.ground_truth}). All empty for a classification study.
 *
 * @param segmentation the segmentation results, in case-result order
 * @param detection the scans, candidates and lesions
 * @param grading the grading columns and the graders' grades
 * @param explanations the rows of the run's {@code explanations.csv}, when the protocol asks for
 *     explanations
 * @param readers the reads of the reader-study arm, when the protocol has one
 */
public record TaskInputs(
        Optional<List<SegmentationCase>> segmentation,
        Optional<DetectionInputs> detection,
        Optional<GradingInputs> grading,
        Optional<List<ExplanationRow>> explanations,
        Optional<ReaderInputs> readers) {

    /** The inputs of a classification study: none beyond the case results. */
    public static final TaskInputs NONE =
            new TaskInputs(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** The inputs of a study without a reader-study arm. */
    public TaskInputs(
            Optional<List<SegmentationCase>> segmentation,
            Optional<DetectionInputs> detection,
            Optional<GradingInputs> grading,
            Optional<List<ExplanationRow>> explanations) {
        this(segmentation, detection, grading, explanations, Optional.empty());
    }

    /** The inputs of a segmentation or detection study, without explanations. */
    public TaskInputs(
            Optional<List<SegmentationCase>> segmentation, Optional<DetectionInputs> detection) {
        this(segmentation, detection, Optional.empty(), Optional.empty());
    }

    /** Returns these inputs with the rows of {@code explanations.csv}. */
    public TaskInputs withExplanations(List<ExplanationRow> rows) {
        return new TaskInputs(
                segmentation, detection, grading, Optional.of(List.copyOf(rows)), readers);
    }

    /** Returns these inputs with the reads of the reader-study arm. */
    public TaskInputs withReaders(ReaderInputs in) {
        return new TaskInputs(segmentation, detection, grading, explanations, Optional.of(in));
    }

    /**
     * Reads what {@code protocol}'s task needs beside {@code caseResults}, whose rows are {@code
     * cases}.
     *
     * @throws IOException naming the file, line and column of a missing or malformed value
     */
    public static TaskInputs read(StudyProtocol protocol, Path caseResults, List<CaseResult> cases)
            throws IOException {
        TaskInputs t = taskInputs(protocol, caseResults, cases);
        if (protocol.readerStudy().isPresent()) {
            t =
                    t.withReaders(
                            ReaderInputs.read(
                                    protocol.readerStudy().get(),
                                    caseResults.toAbsolutePath().getParent()));
        }
        if (protocol.explanations().isEmpty()) return t;
        Path file = caseResults.toAbsolutePath().getParent().resolve(ExplanationsCsv.FILE);
        if (!Files.exists(file)) {
            throw new IOException(
                    file + ": missing; the protocol asks for explanations (explanations)");
        }
        return t.withExplanations(ExplanationsCsv.read(file));
    }

    private static TaskInputs taskInputs(
            StudyProtocol protocol, Path caseResults, List<CaseResult> cases) throws IOException {
        return switch (protocol.task()) {
            case CLASSIFICATION -> NONE;
            case SEGMENTATION -> {
                List<SegmentationCase> seg = SegmentationCasesCsv.read(caseResults);
                try {
                    SegmentationAnalysis.requireSameCases(cases, seg);
                } catch (IllegalArgumentException e) {
                    throw new IOException(caseResults + ": " + e.getMessage(), e);
                }
                yield new TaskInputs(Optional.of(seg), Optional.empty());
            }
            case GRADING -> {
                var s = protocol.grading().orElseThrow();
                List<GradedCase> graded = GradingCsv.cases(caseResults, s.scale());
                try {
                    GradingAnalysis.requireSameCases(protocol, cases, graded);
                } catch (IllegalArgumentException e) {
                    throw new IOException(caseResults + ": " + e.getMessage(), e);
                }
                yield new TaskInputs(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(
                                new GradingInputs(
                                        graded,
                                        s.reference().graders(),
                                        GradingCsv.graders(
                                                protocol.dataset().groundTruth(),
                                                s.reference(),
                                                s.scale()))),
                        Optional.empty());
            }
            case DETECTION -> {
                Path dir = caseResults.toAbsolutePath().getParent();
                List<String> ids = cases.stream().map(CaseResult::caseId).toList();
                Set<String> known = new HashSet<>(ids);
                yield new TaskInputs(
                        Optional.empty(),
                        Optional.of(
                                new DetectionInputs(
                                        ids,
                                        DetectionCsv.candidates(
                                                dir.resolve(DetectionCsv.CANDIDATES), known),
                                        DetectionCsv.lesions(
                                                dir.resolve(DetectionCsv.LESIONS), known))));
            }
        };
    }
}
