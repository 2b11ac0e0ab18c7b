package org.clinval.reports.model;

import java.util.List;
import java.util.Optional;
import org.clinval.validation.binary.ConfusionMatrix;

/**
 * Everything the signed validation report and the workbook show.
 *
 * @param study the study and run
 * @param device the device and model
 * @param dataset the locked test set and its accounting
 * @param operatingPoint the decision rule of every binary result
 * @param endpoints every endpoint of the protocol, in protocol order
 * @param verdict the overall conclusion
 * @param matrix the confusion matrix at the operating point
 * @param roc the ROC analysis
 * @param subgroups subgroup results, in the order to print
 * @param quarantine cases set aside, with reasons
 * @param signatures the electronic signatures
 * @param auditExcerpt the excerpt of the audit trail to print
 * @param segmentation the segmentation results of a segmentation study, else empty
 * @param detection the detection results of a detection study, else empty
 * @param grading the grading results of a grading study, else empty
 * @param explanations the explanation maps, when the protocol asks for them
 * @param readerStudy the reader-study (MRMC) arm, when the protocol has one
 */
public record ValidationReport(
        StudyInfo study,
        DeviceInfo device,
        DatasetInfo dataset,
        OperatingPoint operatingPoint,
        List<EndpointResult> endpoints,
        Verdict verdict,
        ConfusionMatrix matrix,
        RocSummary roc,
        List<SubgroupRow> subgroups,
        List<QuarantineRow> quarantine,
        List<SignatureRow> signatures,
        List<AuditRow> auditExcerpt,
        Optional<SegmentationSection> segmentation,
        Optional<DetectionSection> detection,
        Optional<GradingSection> grading,
        Optional<ExplanationSection> explanations,
        Optional<ReaderStudySection> readerStudy) {

    /** The report of a study without a reader-study arm. */
    public ValidationReport(
            StudyInfo study,
            DeviceInfo device,
            DatasetInfo dataset,
            OperatingPoint operatingPoint,
            List<EndpointResult> endpoints,
            Verdict verdict,
            ConfusionMatrix matrix,
            RocSummary roc,
            List<SubgroupRow> subgroups,
            List<QuarantineRow> quarantine,
            List<SignatureRow> signatures,
            List<AuditRow> auditExcerpt,
            Optional<SegmentationSection> segmentation,
            Optional<DetectionSection> detection,
            Optional<GradingSection> grading,
            Optional<ExplanationSection> explanations) {
        this(
                study,
                device,
                dataset,
                operatingPoint,
                endpoints,
                verdict,
                matrix,
                roc,
                subgroups,
                quarantine,
                signatures,
                auditExcerpt,
                segmentation,
                detection,
                grading,
                explanations,
                Optional.empty());
    }

    /** The report of a study of a task other than grading, without explanations. */
    public ValidationReport(
            StudyInfo study,
            DeviceInfo device,
            DatasetInfo dataset,
            OperatingPoint operatingPoint,
            List<EndpointResult> endpoints,
            Verdict verdict,
            ConfusionMatrix matrix,
            RocSummary roc,
            List<SubgroupRow> subgroups,
            List<QuarantineRow> quarantine,
            List<SignatureRow> signatures,
            List<AuditRow> auditExcerpt,
            Optional<SegmentationSection> segmentation,
            Optional<DetectionSection> detection) {
        this(
                study,
                device,
                dataset,
                operatingPoint,
                endpoints,
                verdict,
                matrix,
                roc,
                subgroups,
                quarantine,
                signatures,
                auditExcerpt,
                segmentation,
                detection,
                Optional.empty(),
                Optional.empty());
    }

    /** The report of a classification study. */
    public ValidationReport(
            StudyInfo study,
            DeviceInfo device,
            DatasetInfo dataset,
            OperatingPoint operatingPoint,
            List<EndpointResult> endpoints,
            Verdict verdict,
            ConfusionMatrix matrix,
            RocSummary roc,
            List<SubgroupRow> subgroups,
            List<QuarantineRow> quarantine,
            List<SignatureRow> signatures,
            List<AuditRow> auditExcerpt) {
        this(
                study,
                device,
                dataset,
                operatingPoint,
                endpoints,
                verdict,
                matrix,
                roc,
                subgroups,
                quarantine,
                signatures,
                auditExcerpt,
                Optional.empty(),
                Optional.empty());
    }

    public ValidationReport {
        Fields.present("study", study);
        Fields.present("device", device);
        Fields.present("dataset", dataset);
        Fields.present("operating point", operatingPoint);
        endpoints = Fields.list("endpoints", endpoints);
        Fields.present("verdict", verdict);
        Fields.present("confusion matrix", matrix);
        Fields.present("ROC summary", roc);
        subgroups = Fields.list("subgroups", subgroups);
        quarantine = Fields.list("quarantine", quarantine);
        signatures = Fields.list("signatures", signatures);
        auditExcerpt = Fields.list("audit excerpt", auditExcerpt);
        Fields.optional("segmentation", segmentation);
        Fields.optional("detection", detection);
        Fields.optional("grading", grading);
        if (grading.isPresent() && grading.get().cases() != dataset.results()) {
            throw new IllegalArgumentException(
                    "grading counts "
                            + grading.get().cases()
                            + " cases but the dataset has "
                            + dataset.results()
                            + " results");
        }
        Fields.optional("explanations", explanations);
        Fields.optional("reader study", readerStudy);
        if (segmentation.isPresent() && segmentation.get().cases().size() != dataset.results()) {
            throw new IllegalArgumentException(
                    "segmentation lists "
                            + segmentation.get().cases().size()
                            + " cases but the dataset has "
                            + dataset.results()
                            + " results");
        }
        if (detection.isPresent() && detection.get().cases().size() != dataset.results()) {
            throw new IllegalArgumentException(
                    "detection lists "
                            + detection.get().cases().size()
                            + " scans but the dataset has "
                            + dataset.results()
                            + " results");
        }
        if (matrix.total() != dataset.results()) {
            throw new IllegalArgumentException(
                    "confusion matrix counts "
                            + matrix.total()
                            + " cases but the dataset has "
                            + dataset.results()
                            + " results");
        }
        if (quarantine.size() != dataset.quarantined()) {
            throw new IllegalArgumentException(
                    "quarantine lists "
                            + quarantine.size()
                            + " cases but the dataset has "
                            + dataset.quarantined()
                            + " quarantined");
        }
    }
}
