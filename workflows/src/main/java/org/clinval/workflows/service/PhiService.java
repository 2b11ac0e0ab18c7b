package org.clinval.workflows.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.workflows.protocol.StudyProtocol;

/** Finds identifying data in the images the study will score, and removes it when asked. */
public interface PhiService {

    /**
     * Scans the images of the usable cases registered in {@code runDir}; when the protocol asks for
     * de-identification, writes de-identified copies into {@code runDir/deidentified}, named by
     * pseudonyms ({@code C0007/F1.dcm}), and scans them again. A case whose image cannot be
     * de-identified (or keeps identifying data) is quarantined, not a reason to stop the study.
     */
    PhiStep run(StudyProtocol protocol, Path runDir) throws IOException;

    /**
     * What the PHI step did.
     *
     * @param files images scanned
     * @param findings identifying attributes found in them, files by pseudonymous id
     * @param deidentified the folder of de-identified copies, when the protocol asked for them
     * @param quarantined cases that cannot be used, each with its reason
     */
    record PhiStep(
            int files,
            List<PhiScan.Finding> findings,
            Optional<Path> deidentified,
            List<CaseFinding> quarantined) {

        public PhiStep {
            findings = List.copyOf(findings);
            quarantined = List.copyOf(quarantined);
        }
    }
}
