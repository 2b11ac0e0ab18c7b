package org.clinval.workflows.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.delegate.StudyRecords;
import org.clinval.workflows.delegate.StudyStepException;

/** Asks the application for a revalidation on the cases of the investigation's alarm window. */
public final class RequestRevalidation implements JavaDelegate {

    private final RevalidationRequests requests;
    private final StudyRecords records;
    private final java.util.function.Supplier<Path> folder;

    public RequestRevalidation(
            RevalidationRequests requests,
            StudyRecords records,
            java.util.function.Supplier<Path> folder) {
        this.requests = requests;
        this.records = records;
        this.folder = folder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id =
                InvestigationSignature.text(
                        execution, PostMarketInvestigation.VAR_INVESTIGATION_ID);
        List<String> alarms = new ArrayList<>();
        JsonNode list = Canonical.parse(execution.getVariable(PostMarketInvestigation.VAR_ALARMS));
        list.forEach(a -> alarms.add(a.path("alarm_id").asText()));
        RevalidationRequests.Request r =
                new RevalidationRequests.Request(
                        id,
                        alarms,
                        InvestigationSignature.text(execution, PostMarketInvestigation.VAR_STRATUM),
                        InvestigationSignature.text(execution, PostMarketInvestigation.VAR_METRIC),
                        InvestigationSignature.text(
                                execution, PostMarketInvestigation.VAR_WINDOW_START),
                        InvestigationSignature.text(
                                execution, PostMarketInvestigation.VAR_WINDOW_END));
        AuditTrail audit = records.trail(folder.get());
        try {
            requests.request(r);
        } catch (RuntimeException e) {
            // The decision's completion rolls back and waits again; the trail says why.
            audit.record(
                    AuditTrail.SYSTEM,
                    "revalidation request failed",
                    "investigation " + id,
                    String.valueOf(e.getMessage()),
                    Optional.empty());
            throw new StudyStepException(
                    "the revalidation of "
                            + id
                            + " could not be requested, so the decision is not recorded: "
                            + e.getMessage(),
                    e);
        }
        audit.record(
                AuditTrail.SYSTEM,
                "revalidation requested",
                "investigation " + id,
                "cases of the window ["
                        + r.windowStart()
                        + ", "
                        + r.windowEnd()
                        + "), stratum "
                        + r.stratum()
                        + ", alarms "
                        + String.join(", ", alarms),
                Optional.empty());
    }
}
