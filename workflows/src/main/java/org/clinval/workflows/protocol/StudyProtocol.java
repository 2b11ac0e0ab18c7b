package org.clinval.workflows.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated study protocol. Paths are absolute, resolved against the protocol's folder.
 *
 * @param file the protocol file it was read from
 * @param id study identifier, usable in file names
 * @param title the study's title
 * @param intendedUse the intended use the study supports
 * @param device the device under test
 * @param dataset the test set
 * @param operatingPoint threshold, rule, positive class, direction
 * @param endpoints primary and secondary endpoints, at least one primary
 * @param subgroups the subgroup analysis
 * @param statistics methods of the tables and the bootstrap
 * @param features folder of Gherkin acceptance criteria, if any
 * @param separationOfDuties who may sign what
 * @param task what the device does per case (key {@code task}, default classification)
 * @param segmentation the {@code segmentation} block of a segmentation protocol (its defaults when
 *     the protocol has none); empty for every other task
 * @param detection the {@code detection} block of a detection protocol (its defaults when the
 *     protocol has none); empty for every other task
 * @param grading the {@code grading} block of a grading protocol; empty for every other task
 * @param explanations the {@code explanations} block, when the protocol asks for explanation maps
 * @param readerStudy the {@code reader_study} block, when the study has a reader-study arm (the
 *     readers' reads without and with the device)
 */
public record StudyProtocol(
        Path file,
        String id,
        String title,
        String intendedUse,
        Device device,
        Dataset dataset,
        OperatingPoint operatingPoint,
        List<Endpoint> endpoints,
        Subgroups subgroups,
        StatisticalMethods statistics,
        Optional<Path> features,
        SeparationOfDuties separationOfDuties,
        Task task,
        Optional<SegmentationSettings> segmentation,
        Optional<DetectionSettings> detection,
        Optional<GradingSettings> grading,
        Optional<ExplanationSettings> explanations,
        Optional<ReaderStudySettings> readerStudy) {

    public StudyProtocol {
        if (grading.isPresent() != (task == Task.GRADING)) {
            throw new IllegalArgumentException(
                    "grading settings belong to a grading protocol, not " + task.key());
        }
        endpoints = List.copyOf(endpoints);
        if (segmentation.isPresent() != (task == Task.SEGMENTATION)) {
            throw new IllegalArgumentException(
                    "segmentation settings belong to a segmentation protocol, not " + task.key());
        }
        if (detection.isPresent() != (task == Task.DETECTION)) {
            throw new IllegalArgumentException(
                    "detection settings belong to a detection protocol, not " + task.key());
        }
        if (explanations.isPresent() && (task == Task.SEGMENTATION || task == Task.DETECTION)) {
            throw new IllegalArgumentException(
                    "explanations belong to a protocol with a case-level score, not " + task.key());
        }
        if (readerStudy.isPresent() && task == Task.GRADING) {
            throw new IllegalArgumentException(
                    "a reader study belongs to a protocol with a label per case, not grading");
        }
    }

    /** A protocol without a reader study. */
    public StudyProtocol(
            Path file,
            String id,
            String title,
            String intendedUse,
            Device device,
            Dataset dataset,
            OperatingPoint operatingPoint,
            List<Endpoint> endpoints,
            Subgroups subgroups,
            StatisticalMethods statistics,
            Optional<Path> features,
            SeparationOfDuties separationOfDuties,
            Task task,
            Optional<SegmentationSettings> segmentation,
            Optional<DetectionSettings> detection,
            Optional<GradingSettings> grading,
            Optional<ExplanationSettings> explanations) {
        this(
                file,
                id,
                title,
                intendedUse,
                device,
                dataset,
                operatingPoint,
                endpoints,
                subgroups,
                statistics,
                features,
                separationOfDuties,
                task,
                segmentation,
                detection,
                grading,
                explanations,
                Optional.empty());
    }

    /** A protocol without explanations. */
    public StudyProtocol(
            Path file,
            String id,
            String title,
            String intendedUse,
            Device device,
            Dataset dataset,
            OperatingPoint operatingPoint,
            List<Endpoint> endpoints,
            Subgroups subgroups,
            StatisticalMethods statistics,
            Optional<Path> features,
            SeparationOfDuties separationOfDuties,
            Task task,
            Optional<SegmentationSettings> segmentation,
            Optional<DetectionSettings> detection,
            Optional<GradingSettings> grading) {
        this(
                file,
                id,
                title,
                intendedUse,
                device,
                dataset,
                operatingPoint,
                endpoints,
                subgroups,
                statistics,
                features,
                separationOfDuties,
                task,
                segmentation,
                detection,
                grading,
                Optional.empty());
    }

    /** A protocol of a task other than grading. */
    public StudyProtocol(
            Path file,
            String id,
            String title,
            String intendedUse,
            Device device,
            Dataset dataset,
            OperatingPoint operatingPoint,
            List<Endpoint> endpoints,
            Subgroups subgroups,
            StatisticalMethods statistics,
            Optional<Path> features,
            SeparationOfDuties separationOfDuties,
            Task task,
            Optional<SegmentationSettings> segmentation,
            Optional<DetectionSettings> detection) {
        this(
                file,
                id,
                title,
                intendedUse,
                device,
                dataset,
                operatingPoint,
                endpoints,
                subgroups,
                statistics,
                features,
                separationOfDuties,
                task,
                segmentation,
                detection,
                Optional.empty(),
                Optional.empty());
    }

    /** A classification protocol. */
    public StudyProtocol(
            Path file,
            String id,
            String title,
            String intendedUse,
            Device device,
            Dataset dataset,
            OperatingPoint operatingPoint,
            List<Endpoint> endpoints,
            Subgroups subgroups,
            StatisticalMethods statistics,
            Optional<Path> features,
            SeparationOfDuties separationOfDuties) {
        this(
                file,
                id,
                title,
                intendedUse,
                device,
                dataset,
                operatingPoint,
                endpoints,
                subgroups,
                statistics,
                features,
                separationOfDuties,
                Task.CLASSIFICATION,
                Optional.empty(),
                Optional.empty());
    }

    /** Returns the primary endpoints. */
    public List<Endpoint> primaryEndpoints() {
        return endpoints.stream().filter(e -> e.role() == EndpointRole.PRIMARY).toList();
    }
}
