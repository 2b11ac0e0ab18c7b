package org.clinval.app.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.streaming.study.CasePlan;
import org.clinval.streaming.study.StudyDeidentification;
import org.clinval.streaming.study.StudyInference;
import org.clinval.workflows.delegate.CheckPhi;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.service.CaseFinding;
import org.clinval.workflows.service.PhiScan;
import org.clinval.workflows.service.PhiService;

/** The study's PHI step over streaming-inference's {@link StudyDeidentification}. */
final class ImagingPhiService implements PhiService {

    @Override
    public PhiStep run(StudyProtocol protocol, Path runDir) throws IOException {
        CasePlan plan = StudyInference.plan(StudyInputAdapter.inputs(protocol));
        Optional<Path> out =
                protocol.dataset().deidentify()
                        ? Optional.of(runDir.resolve(CheckPhi.DEIDENTIFIED))
                        : Optional.empty();
        StudyDeidentification.Result r =
                StudyDeidentification.run(
                        plan,
                        protocol.dataset().dicom(),
                        out,
                        protocol.dataset().allowBurnedInAnnotation());
        List<PhiScan.Finding> findings = new ArrayList<>();
        r.findings()
                .forEach(
                        (id, keywords) ->
                                keywords.forEach(k -> findings.add(new PhiScan.Finding(id, k))));
        List<CaseFinding> quarantined = new ArrayList<>();
        r.quarantined().forEach((id, why) -> quarantined.add(new CaseFinding(id, why)));
        return new PhiStep(r.files(), findings, out, quarantined);
    }
}
