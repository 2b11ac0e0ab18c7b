package org.clinval.streaming.study;

import java.util.Optional;
import org.clinval.imaging.dataset.CaseFiles;
import org.clinval.imaging.dataset.FileCheck;

/**
 * One case of a study as planned before it runs.
 *
 * @param caseId the pseudonym every output uses
 * @param files the case's files in the image folder, if it has any
 * @param image the one image the model will score, when the case is usable
 * @param truth its reference standard row, if it has one
 * @param reason why the case will be quarantined, files named {@code <case>/F<n>}; empty when it is
 *     usable
 */
public record PlannedCase(
        String caseId,
        Optional<CaseFiles> files,
        Optional<FileCheck> image,
        Optional<GroundTruthRow> truth,
        String reason) {

    /** Returns whether the model will score this case. */
    public boolean usable() {
        return reason.isEmpty() && image.isPresent() && truth.isPresent();
    }

    /** Returns the pseudonymous id of file number {@code n} of this case. */
    public String fileId(int n) {
        return caseId + "/F" + n;
    }

    /** Returns the pseudonymous id of the image scored, or empty. */
    public String imageId() {
        return image.map(i -> fileId(files.orElseThrow().number(i))).orElse("");
    }
}
