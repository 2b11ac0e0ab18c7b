package org.clinval.workflows.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.delegate.StudyRecords;
import org.clinval.workflows.engine.StudyProcessEngine;
import org.clinval.workflows.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paths of the {@code post-market-investigation} model on an in-memory engine, with the
 * signature guard replaced by a listener that accepts every completion (the guard is tested through
 * {@link PostMarketInvestigations}).
 */
@Deployment(resources = PostMarketInvestigation.RESOURCE)
class PostMarketInvestigationProcessTest {

    static final List<RevalidationRequests.Request> REQUESTS = new ArrayList<>();

    /** The folder of the running test, which the steps write to. */
    static volatile Path current;

    static Map<Object, Object> beans() {
        Map<Object, Object> beans =
                InvestigationDelegates.beans(
                        REQUESTS::add,
                        new StudyRecords(Clock.systemUTC(), TestKeys.SITE, Path.of("users.json")),
                        () -> current);
        beans.put("investigationSignature", (TaskListener) t -> {});
        return beans;
    }

    @RegisterExtension
    static ProcessEngineExtension extension =
            ProcessEngineExtension.builder()
                    .useProcessEngine(
                            StudyProcessEngine.create(
                                    "jdbc:h2:mem:post-market-investigation-process;DB_CLOSE_DELAY=-1",
                                    "sa",
                                    "",
                                    false,
                                    beans()))
                    .build();

    ProcessEngine engine; // injected by the extension

    @TempDir Path folder;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        REQUESTS.clear();
        current = folder;
    }

    private ProcessInstance start() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(PostMarketInvestigation.VAR_FOLDER, folder.toString());
        vars.put(PostMarketInvestigation.VAR_INVESTIGATION_ID, "INV-0001");
        vars.put(PostMarketInvestigation.VAR_KIND, "cusum");
        vars.put(PostMarketInvestigation.VAR_STRATUM, "all");
        vars.put(PostMarketInvestigation.VAR_METRIC, "sensitivity");
        vars.put(PostMarketInvestigation.VAR_WINDOW_START, "2026-03-01");
        vars.put(PostMarketInvestigation.VAR_WINDOW_END, "2026-03-08");
        vars.put(
                PostMarketInvestigation.VAR_ALARMS,
                "[{\"alarm_id\":\"ALM-1\"}]".getBytes(StandardCharsets.UTF_8));
        return runtimeService()
                .startProcessInstanceByKey(PostMarketInvestigation.PROCESS, "INV-0001", vars);
    }

    private ProcessInstance decide(String decision) {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(PostMarketInvestigation.TRIAGE);
        assertThat(task(pi)).hasCandidateGroup(PostMarketInvestigation.PMS_ANALYST);
        complete(task(pi));
        assertThat(pi).isWaitingAt(PostMarketInvestigation.ROOT_CAUSE_ANALYSIS);
        assertThat(task(pi)).hasCandidateGroup(PostMarketInvestigation.PMS_ANALYST);
        complete(task(pi));
        assertThat(pi).isWaitingAt(PostMarketInvestigation.DECISION);
        assertThat(task(pi)).hasCandidateGroup("qa-lead");
        complete(task(pi), Map.of(PostMarketInvestigation.VAR_DECISION, decision));
        return pi;
    }

    @Test
    void aRevalidationDecisionRequestsItThenCloses() throws Exception {
        ProcessInstance pi = decide(Decision.REVALIDATION.key());

        assertThat(pi)
                .hasPassedInOrder(
                        PostMarketInvestigation.DECISION,
                        "RequestRevalidation",
                        PostMarketInvestigation.INVESTIGATION_CLOSED)
                .isEnded();
        assertThat(REQUESTS)
                .containsExactly(
                        new RevalidationRequests.Request(
                                "INV-0001",
                                List.of("ALM-1"),
                                "all",
                                "sensitivity",
                                "2026-03-01",
                                "2026-03-08"));
        assertThat(AuditTrail.in(folder).entries())
                .extracting(AuditEntry::action)
                .containsExactly("revalidation requested", "investigation closed");
    }

    @Test
    void everyOtherDecisionClosesWithoutARevalidation() throws Exception {
        for (Decision d :
                List.of(
                        Decision.NO_ACTION,
                        Decision.FIELD_SAFETY_CORRECTIVE_ACTION,
                        Decision.RISK_FILE_UPDATE)) {
            ProcessInstance pi = decide(d.key());
            assertThat(pi)
                    .hasPassed(PostMarketInvestigation.INVESTIGATION_CLOSED)
                    .hasNotPassed("RequestRevalidation")
                    .isEnded();
        }
        assertThat(REQUESTS).isEmpty();
    }
}
