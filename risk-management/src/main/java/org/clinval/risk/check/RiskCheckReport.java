package org.clinval.risk.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.postproduction.PostProductionInformation;

/**
 * The outcome of a risk check.
 *
 * @param file the risk management file checked
 * @param runId the id of the run whose results were used, if any
 * @param resultsLocation where those results were read from, if any
 * @param risks every hazard's evaluation, in register order
 * @param controls every control's assessment, in register order
 * @param requirements the evidence of each requirement: its declared references, then the scenarios
 *     found by its tag; in requirements order
 * @param gaps every gap found, grouped by subject in the order hazards, controls, requirements,
 *     then tags of the run
 * @param overall the overall residual risk
 * @param postProduction the post-production information reviewed: the post-market investigations,
 *     open and closed ({@link PostProductionInformation#none()} when none was given)
 * @param requirementRecords the checks of the records the requirements cite, in requirements order
 */
public record RiskCheckReport(
        RiskManagementFile file,
        Optional<String> runId,
        Optional<String> resultsLocation,
        List<RiskAssessment> risks,
        List<ControlAssessment> controls,
        List<EvidenceCheck> requirements,
        List<Gap> gaps,
        OverallResidualRisk overall,
        PostProductionInformation postProduction,
        List<RecordCheck> requirementRecords) {

    public RiskCheckReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(resultsLocation, "resultsLocation");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(postProduction, "postProduction");
        risks = List.copyOf(risks);
        controls = List.copyOf(controls);
        requirements = List.copyOf(requirements);
        gaps = List.copyOf(gaps);
        requirementRecords = List.copyOf(requirementRecords);
    }

    /** A report whose requirements cite no record. */
    public RiskCheckReport(
            RiskManagementFile file,
            Optional<String> runId,
            Optional<String> resultsLocation,
            List<RiskAssessment> risks,
            List<ControlAssessment> controls,
            List<EvidenceCheck> requirements,
            List<Gap> gaps,
            OverallResidualRisk overall,
            PostProductionInformation postProduction) {
        this(
                file,
                runId,
                resultsLocation,
                risks,
                controls,
                requirements,
                gaps,
                overall,
                postProduction,
                List.of());
    }

    /** A report without post-production information. */
    public RiskCheckReport(
            RiskManagementFile file,
            Optional<String> runId,
            Optional<String> resultsLocation,
            List<RiskAssessment> risks,
            List<ControlAssessment> controls,
            List<EvidenceCheck> requirements,
            List<Gap> gaps,
            OverallResidualRisk overall) {
        this(
                file,
                runId,
                resultsLocation,
                risks,
                controls,
                requirements,
                gaps,
                overall,
                PostProductionInformation.none());
    }

    /** Returns the assessment of control {@code id}. */
    public Optional<ControlAssessment> control(String id) {
        return controls.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Returns the evaluation of hazard {@code id}. */
    public Optional<RiskAssessment> risk(String id) {
        return risks.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
