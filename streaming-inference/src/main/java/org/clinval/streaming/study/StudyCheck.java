package org.clinval.streaming.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.clinval.common.Problem;
import org.clinval.imaging.dataset.CheckOptions;
import org.clinval.imaging.deid.PhiFinding;
import org.clinval.imaging.deid.PhiScanner;
import org.clinval.imaging.dicom.DicomReadException;
import org.clinval.imaging.model.DicomSlices;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.imaging.model.ModelRunException;

/**
 * Every check a study runs on its inputs, in one place, so that {@code study check}, the
 * registration before the approval and the later steps agree: the model descriptor and the SHA-256
 * of its weights, the ground truth, every file of the image folder (including the model's own
 * preprocessing on every image, and, when the study will not de-identify, identifying data in the
 * headers), the join into cases, and whether every subgroup attribute is given.
 */
public final class StudyCheck {

    private StudyCheck() {}

    /**
     * What a study's inputs are.
     *
     * @param images the image folder
     * @param groundTruth the reference standard
     * @param positiveClass its positive label
     * @param modalities the accepted modalities
     * @param allowBurnedIn whether images flagged with burned-in annotation may be used
     * @param headersMustBeClean whether an image with identifying data in its header is unusable
     *     (the study will not de-identify)
     * @param descriptor the model descriptor
     * @param subgroups the subgroup attributes the analysis forms
     * @param volume what a segmentation or detection study adds; empty for a classifier
     * @param grading what a grading study adds; empty for every other task
     */
    public record Inputs(
            Path images,
            Path groundTruth,
            String positiveClass,
            List<String> modalities,
            boolean allowBurnedIn,
            boolean headersMustBeClean,
            Path descriptor,
            List<String> subgroups,
            Optional<VolumeTask> volume,
            Optional<GradingTask> grading) {

        public Inputs {
            if (volume.isPresent() && grading.isPresent()) {
                throw new IllegalArgumentException("a study is graded or volumetric, not both");
            }
            modalities = List.copyOf(modalities);
            subgroups = List.copyOf(subgroups);
        }

        /** The inputs of a study without grades. */
        public Inputs(
                Path images,
                Path groundTruth,
                String positiveClass,
                List<String> modalities,
                boolean allowBurnedIn,
                boolean headersMustBeClean,
                Path descriptor,
                List<String> subgroups,
                Optional<VolumeTask> volume) {
            this(
                    images,
                    groundTruth,
                    positiveClass,
                    modalities,
                    allowBurnedIn,
                    headersMustBeClean,
                    descriptor,
                    subgroups,
                    volume,
                    Optional.empty());
        }

        /** The inputs of a classification study. */
        public Inputs(
                Path images,
                Path groundTruth,
                String positiveClass,
                List<String> modalities,
                boolean allowBurnedIn,
                boolean headersMustBeClean,
                Path descriptor,
                List<String> subgroups) {
            this(
                    images,
                    groundTruth,
                    positiveClass,
                    modalities,
                    allowBurnedIn,
                    headersMustBeClean,
                    descriptor,
                    subgroups,
                    Optional.empty());
        }
    }

    /**
     * The outcome: the problems that block a study, and the planned cases.
     *
     * @param problems what blocks the study
     * @param plan the cases, when the inputs could be read
     */
    public record Result(List<Problem> problems, Optional<CasePlan> plan) {

        public Result {
            problems = List.copyOf(problems);
        }

        /** Returns whether nothing blocks the study. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks everything; {@code progress} receives the image files checked so far. */
    public static Result run(Inputs in, LongConsumer progress) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Optional<ModelDescriptor> descriptor = descriptor(in.descriptor(), problems);
        if (!Files.isDirectory(in.images())) {
            problems.add(new Problem("dataset.dicom", "no such folder: " + in.images()));
            return new Result(problems, Optional.empty());
        }
        CheckOptions options =
                new CheckOptions(
                        java.util.Set.copyOf(in.modalities()),
                        in.allowBurnedIn(),
                        (file, image) -> Optional.empty());
        if (descriptor.isPresent()) {
            ModelDescriptor d = descriptor.get();
            // Sizes in mm matter to segmentation and detection, not to a classifier or grader.
            boolean spacingRequired = in.volume().isPresent();
            options =
                    options.withImageCheck(
                            (file, image) -> {
                                if (d.input().volumetric()) {
                                    // A 3D model takes patches of the whole series on its own
                                    // grid: the series is checked as a volume after the join.
                                    if (image.frames() != 1 || image.samplesPerPixel() != 1) {
                                        return Optional.of(
                                                image.frames()
                                                        + " frames of "
                                                        + image.samplesPerPixel()
                                                        + " samples; a 3D model takes a series"
                                                        + " of single grey-scale frames");
                                    }
                                    return image.geometry().spacing().isEmpty()
                                            ? Optional.of(
                                                    "no Pixel Spacing (0028,0030): sizes in mm"
                                                            + " are unknown")
                                            : Optional.empty();
                                }
                                try {
                                    d.prepare(DicomSlices.of(image, spacingRequired));
                                    return Optional.empty();
                                } catch (DicomReadException e) {
                                    return Optional.of(e.what());
                                } catch (ModelRunException | IllegalArgumentException e) {
                                    return Optional.of(
                                            "the model cannot take it: " + e.getMessage());
                                }
                            });
        }
        if (in.headersMustBeClean()) {
            boolean burnedInAllowed = in.allowBurnedIn();
            options =
                    options.withImageCheck(
                            options.imageCheck()
                                    .and((file, image) -> identifying(file, burnedInAllowed)));
        }
        CasePlan plan =
                StudyInputs.plan(
                        in.images(),
                        in.groundTruth(),
                        in.positiveClass(),
                        options,
                        progress,
                        in.volume().isPresent(),
                        in.grading());
        if (in.volume().isPresent() && plan.problems().isEmpty()) {
            plan = VolumeCases.check(plan, in, problems);
        }
        problems.addAll(plan.problems());
        if (plan.problems().isEmpty()) {
            problems.addAll(StudyInputs.subgroupProblems(plan, in.subgroups(), in.groundTruth()));
            if (plan.usable().isEmpty()) {
                problems.add(
                        new Problem(
                                "dataset",
                                "no case can be scored: all "
                                        + plan.cases().size()
                                        + " cases would be quarantined"));
            }
        }
        return new Result(problems, Optional.of(plan));
    }

    /** Returns the identifying attributes of a header, if any, by keyword only. */
    static Optional<String> identifying(Path file, boolean burnedInAllowed) {
        try {
            List<String> found =
                    PhiScanner.scan(file).phi().stream()
                            .map(PhiFinding::keyword)
                            .filter(k -> !(burnedInAllowed && k.equals("BurnedInAnnotation")))
                            .distinct()
                            .toList();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(
                    "identifying data in the header ("
                            + String.join(", ", found.subList(0, Math.min(5, found.size())))
                            + (found.size() > 5 ? ", …" : "")
                            + ") and the protocol does not ask for de-identification"
                            + " (dataset.deidentify: false)");
        } catch (org.clinval.imaging.ImagingException e) {
            return Optional.of("the header cannot be scanned for identifying data");
        }
    }

    /**
     * Checks the descriptor (its keys, its weights and their SHA-256) and reads it; adds what is
     * wrong to {@code problems}.
     */
    static Optional<ModelDescriptor> descriptor(Path file, List<Problem> problems)
            throws IOException {
        List<org.clinval.common.yaml.YamlProblem> found = ModelDescriptor.check(file);
        for (org.clinval.common.yaml.YamlProblem p : found) {
            problems.add(new Problem("device.model: " + p.where(), p.what()));
        }
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelDescriptor.read(file));
        } catch (ModelLoadException e) {
            problems.add(new Problem("device.model", e.getMessage()));
            return Optional.empty();
        }
    }
}
