package org.clinval.app.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.clinval.streaming.study.CasePlan;
import org.clinval.streaming.study.GradingTask;
import org.clinval.streaming.study.StudyCheck;
import org.clinval.streaming.study.StudyInputs;
import org.clinval.streaming.study.VolumeTask;
import org.clinval.workflows.protocol.Modalities;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.CaseFinding;
import org.clinval.workflows.service.InputCheck;
import org.clinval.workflows.service.InputCheckService;

/**
 * The input checks of the workflows module over streaming-inference's {@link StudyCheck}: a
 * protocol's settings in, the check's outcome out. The case key goes beside the run folder ({@code
 * <run>.case-key.csv}), never into it.
 */
final class StudyInputAdapter implements InputCheckService {

    /** Returns the inputs of {@code p} as the check takes them. */
    static StudyCheck.Inputs inputs(StudyProtocol p) {
        return new StudyCheck.Inputs(
                p.dataset().dicom(),
                p.dataset().groundTruth(),
                p.operatingPoint().positiveClass(),
                Modalities.of(p),
                p.dataset().allowBurnedInAnnotation(),
                !p.dataset().deidentify(),
                p.device().model(),
                p.subgroups().attributes(),
                volume(p),
                grading(p));
    }

    /** Returns what a grading protocol adds to the inputs. */
    static Optional<GradingTask> grading(StudyProtocol p) {
        return p.grading()
                .map(g -> new GradingTask(g.scale(), g.reference(), g.caseLevel().minGrade()));
    }

    /** Returns what a segmentation or detection protocol adds to the inputs. */
    static Optional<VolumeTask> volume(StudyProtocol p) {
        return switch (p.task()) {
            case CLASSIFICATION, GRADING -> Optional.empty();
            case SEGMENTATION ->
                    Optional.of(
                            new VolumeTask(
                                    "segmentation",
                                    p.dataset().referenceMasks(),
                                    Optional.empty(),
                                    p.segmentation().flatMap(s -> s.label()).orElse("all"),
                                    p.segmentation()
                                            .map(s -> s.surfaceToleranceMm())
                                            .filter(java.util.OptionalDouble::isPresent)
                                            .map(java.util.OptionalDouble::getAsDouble)
                                            .orElse(Double.NaN),
                                    1,
                                    p.segmentation().map(s -> s.minComponentMm3()).orElse(0.0),
                                    p.segmentation().map(s -> s.maxElongation()).orElse(0.0)));
            case DETECTION ->
                    Optional.of(
                            new VolumeTask(
                                    "detection",
                                    Optional.empty(),
                                    p.dataset().lesions(),
                                    "all",
                                    Double.NaN,
                                    p.detection().map(d -> d.minCandidateVoxels()).orElse(1),
                                    0,
                                    0));
        };
    }

    /** Returns the explanations step a protocol asks for, if any. */
    static Optional<org.clinval.streaming.explain.ExplanationTask> explanations(StudyProtocol p) {
        return p.explanations()
                .map(
                        e ->
                                new org.clinval.streaming.explain.ExplanationTask(
                                        e.method(),
                                        e.cases().stream()
                                                .map(
                                                        org.clinval.streaming.explain
                                                                        .ExplanationTask.Kind
                                                                ::parse)
                                                .toList(),
                                        e.perKind(),
                                        e.seed(),
                                        e.tolerancePx(),
                                        p.dataset().referenceMasks()));
    }

    /** Returns where the case key of run folder {@code runDir} is kept. */
    static Path caseKey(Path runDir) {
        return InputCheckService.caseKey(runDir);
    }

    @Override
    public InputCheck check(StudyProtocol protocol, Optional<Path> runDir, LongConsumer progress)
            throws IOException {
        StudyCheck.Result r = StudyCheck.run(inputs(protocol), progress);
        if (r.plan().isEmpty()) {
            return InputCheck.blocked(r.problems());
        }
        CasePlan plan = r.plan().get();
        if (runDir.isPresent()) {
            StudyInputs.writeInventory(plan, runDir.get().resolve(INVENTORY));
            StudyInputs.writeKey(plan, caseKey(runDir.get()));
        }
        List<CaseFinding> q =
                plan.toQuarantine().stream()
                        .map(
                                c ->
                                        new CaseFinding(
                                                c.caseId(),
                                                c.reason(),
                                                c.files()
                                                        .map(f -> f.key())
                                                        .or(
                                                                () ->
                                                                        c.truth()
                                                                                .map(
                                                                                        t ->
                                                                                                "ground truth line "
                                                                                                        + t
                                                                                                                .line()))
                                                        .orElse("")))
                        .toList();
        return new InputCheck(
                r.problems(),
                plan.files(),
                plan.ignored().size(),
                plan.cases().size(),
                plan.usable().size(),
                q);
    }
}
