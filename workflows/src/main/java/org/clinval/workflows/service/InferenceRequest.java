package org.clinval.workflows.service;

import java.nio.file.Path;
import org.clinval.validation.ThresholdRule;

/**
 * What inference needs, all explicit.
 *
 * @param studyId the study
 * @param model the model descriptor
 * @param modelSha256 SHA-256 the descriptor was locked with
 * @param images folder of (de-identified, when requested) DICOM files
 * @param groundTruth CSV of the reference standard
 * @param threshold operating threshold
 * @param rule {@code >=} or {@code >}
 * @param positiveClass label of the positive class
 * @param caseResults where to write the case results
 * @param quarantine where to write the cases that gave no result, with reasons
 * @param phiQuarantined cases the PHI step took out, with reasons
 * @param modalities the modalities the protocol accepts
 * @param protocol the approved protocol the request comes from
 */
public record InferenceRequest(
        String studyId,
        Path model,
        String modelSha256,
        Path images,
        Path groundTruth,
        double threshold,
        ThresholdRule rule,
        String positiveClass,
        Path caseResults,
        Path quarantine,
        java.util.List<CaseFinding> phiQuarantined,
        java.util.List<String> modalities,
        org.clinval.workflows.protocol.StudyProtocol protocol) {

    public InferenceRequest {
        phiQuarantined = java.util.List.copyOf(phiQuarantined);
        modalities = java.util.List.copyOf(modalities);
    }
}
