package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.PhiScan;
import org.clinval.workflows.service.PhiService;

/**
 * Scans the images for identifying data. When the protocol asked for de-identification, writes
 * de-identified copies and scans them again; inference then reads the copies. When it did not and
 * the scan finds identifying data, the step fails with {@link PhiPresentException}: an incident
 * that names the files and attributes (never the values) and says what to do.
 */
public final class CheckPhi implements JavaDelegate {

    /** The folder of de-identified copies in the run folder. */
    public static final String DEIDENTIFIED = "deidentified";

    private static final int SHOWN = 5;

    private final PhiService phi;
    private final StudyRecords records;

    public CheckPhi(PhiService phi, StudyRecords records) {
        this.phi = phi;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StudyContext s = StudyContext.of(execution, records);
        StudyProtocol protocol = s.protocol();
        AuditTrail audit = s.audit();
        Path images = protocol.dataset().dicom();
        try {
            PhiScan scan = phi.scan(images);
            audit.record(
                    AuditTrail.SYSTEM,
                    ValidationStudy.CHECK_PHI + " scanned the images",
                    images.toString(),
                    scan.files() + " files, " + scan.findings().size() + " identifying attributes",
                    Optional.empty());
            if (!protocol.dataset().deidentify()) {
                if (!scan.clean()) {
                    String message =
                            ValidationStudy.CHECK_PHI
                                    + ": identifying data in the images and the protocol did not ask for"
                                    + " de-identification (dataset.deidentify: false): "
                                    + describe(scan)
                                    + ". De-identify the images, or approve a protocol with"
                                    + " dataset.deidentify: true, then retry.";
                    audit.record(
                            AuditTrail.SYSTEM,
                            ValidationStudy.CHECK_PHI + " stopped the study",
                            images.toString(),
                            message,
                            Optional.empty());
                    throw new PhiPresentException(message);
                }
                execution.setVariable(ValidationStudy.VAR_IMAGES, images.toString());
                return;
            }
            Path out = phi.deidentify(images, s.file(DEIDENTIFIED));
            PhiScan after = phi.scan(out);
            if (!after.clean()) {
                throw new PhiPresentException(
                        ValidationStudy.CHECK_PHI
                                + ": identifying data remain after de-identification: "
                                + describe(after));
            }
            audit.record(
                    AuditTrail.SYSTEM,
                    ValidationStudy.CHECK_PHI + " de-identified the images",
                    out.toString(),
                    after.files() + " files, none identifying",
                    Optional.empty());
            execution.setVariable(ValidationStudy.VAR_IMAGES, out.toString());
        } catch (IOException e) {
            throw new StudyStepException(
                    ValidationStudy.CHECK_PHI + ": cannot read the images: " + e.getMessage(), e);
        }
    }

    private static String describe(PhiScan scan) {
        long files = scan.findings().stream().map(PhiScan.Finding::file).distinct().count();
        return files
                + " of "
                + scan.files()
                + " files, e.g. "
                + scan.findings().stream()
                        .limit(SHOWN)
                        .map(f -> f.file() + " " + f.attribute())
                        .collect(Collectors.joining(", "));
    }
}
