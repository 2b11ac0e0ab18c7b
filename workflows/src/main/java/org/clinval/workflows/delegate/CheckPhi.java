package org.clinval.workflows.delegate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.CaseFinding;
import org.clinval.workflows.service.PhiService;

/**
 * Scans the images the study will score for identifying data and, when the protocol asks for it,
 * de-identifies them into pseudonymously named copies, which inference then reads. A case whose
 * image cannot be cleaned is quarantined ({@value ValidationStudy#PHI_QUARANTINE}), never a reason
 * to stop the study; images with identifying data in a study that did not ask for de-identification
 * were already found by the input checks and will be quarantined.
 */
public final class CheckPhi implements JavaDelegate {

    /** The folder of de-identified copies in the run folder. */
    public static final String DEIDENTIFIED = "deidentified";

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
        try {
            PhiService.PhiStep step = phi.run(protocol, s.runDir());
            Path quarantine = s.file(ValidationStudy.PHI_QUARANTINE);
            write(quarantine, step);
            audit.recordFile(
                    AuditTrail.SYSTEM,
                    ValidationStudy.CHECK_PHI
                            + (step.deidentified().isPresent()
                                    ? " de-identified the images"
                                    : " scanned the images"),
                    quarantine,
                    step.files()
                            + " images, "
                            + step.findings().size()
                            + " identifying attributes"
                            + (step.deidentified().isPresent() ? " removed" : "")
                            + ", "
                            + step.quarantined().size()
                            + " cases quarantined");
            execution.setVariable(
                    ValidationStudy.VAR_IMAGES,
                    step.deidentified().orElse(protocol.dataset().dicom()).toString());
            execution.setVariable(ValidationStudy.VAR_PHI_QUARANTINE, quarantine.toString());
        } catch (IOException e) {
            audit.record(
                    AuditTrail.SYSTEM,
                    ValidationStudy.CHECK_PHI + " failed",
                    "images",
                    e.getMessage(),
                    Optional.empty());
            throw new StudyStepException(
                    ValidationStudy.CHECK_PHI + ": cannot read the images: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, PhiService.PhiStep step) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p =
                        CSVFormat.RFC4180
                                .builder()
                                .setRecordSeparator('\n')
                                .setHeader("case_id", "reason")
                                .get()
                                .print(w)) {
            for (CaseFinding f : step.quarantined()) {
                p.printRecord(f.caseId(), f.reason());
            }
        }
    }
}
