package org.clinval.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.delegate.RequireSignature;
import org.clinval.workflows.delegate.StudyDelegates;
import org.clinval.workflows.delegate.StudyStepException;
import org.clinval.workflows.engine.StudyProcessEngine;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import org.clinval.workflows.signature.Signer;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestRecords;
import org.clinval.workflows.testing.TestServices;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation-study process on an in-memory engine, with stand-ins for the services the app
 * implements later. Asynchronous steps are executed by the test, one job at a time.
 */
@Deployment(resources = ValidationStudy.RESOURCE)
class ValidationStudyProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension =
            ProcessEngineExtension.builder()
                    .useProcessEngine(
                            StudyProcessEngine.create(
                                    "jdbc:h2:mem:validation-study-process;DB_CLOSE_DELAY=-1",
                                    "sa",
                                    "",
                                    false,
                                    StudyDelegates.beans(
                                            TestServices.create(), TestRecords.create())))
                    .build();

    ProcessEngine engine; // injected by the extension

    @TempDir Path dir;
    Path run;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        run = dir.resolve("run");
    }

    private ProcessInstance start(Path protocol) {
        return runtimeService()
                .startProcessInstanceByKey(
                        ValidationStudy.PROCESS,
                        "TEST-STUDY-1",
                        Map.of(
                                ValidationStudy.VAR_RUN_DIR, run.toString(),
                                ValidationStudy.VAR_PROTOCOL_SOURCE, protocol.toString(),
                                ValidationStudy.VAR_PROTOCOL_BASE, protocol.getParent().toString(),
                                ValidationStudy.VAR_STUDY_ID, "TEST-STUDY-1"));
    }

    /** Signs the task's record as {@code user}, then claims and completes the task. */
    private void signAndComplete(Task t, String user, Meaning meaning) throws Exception {
        new Signer(TestUsers.registry(), run, TestKeys.SITE)
                .sign(
                        user,
                        TestUsers.PASSWORD.toCharArray(),
                        meaning,
                        run.resolve(ValidationStudy.SIGNED_OBJECT.get(t.getTaskDefinitionKey())),
                        RequireSignature.context(t.getTaskDefinitionKey(), t.getId()));
        taskService().claim(t.getId(), user);
        taskService().complete(t.getId());
    }

    private List<String> actions() throws IOException {
        return AuditTrail.in(run).entries().stream().map(AuditEntry::action).toList();
    }

    @Test
    void passingStudyIsApprovedLockedInferredAnalysedSignedOffAndArchived() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).write());

        assertThat(pi).isWaitingAt(ValidationStudy.APPROVE_PROTOCOL);
        assertThat(task(pi)).hasCandidateGroup(ValidationStudy.QA_LEAD);
        assertThat(run.resolve("registration.sha256")).exists();
        signAndComplete(task(pi), "lead", Meaning.APPROVED);

        assertThat(pi)
                .hasPassed(ValidationStudy.LOCK_DATASET)
                .isWaitingAt(ValidationStudy.CHECK_PHI);
        assertThat(run.resolve("manifest.sha256")).exists();
        execute(job(pi));
        assertThat(pi).isWaitingAt(ValidationStudy.RUN_INFERENCE);
        execute(job(pi));

        assertThat(pi)
                .hasPassed(
                        ValidationStudy.ANALYSE,
                        ValidationStudy.VERIFY_ACCEPTANCE_CRITERIA,
                        ValidationStudy.GENERATE_REPORTS)
                .isWaitingAt(ValidationStudy.QA_SIGN_OFF)
                .variables()
                .containsEntry(ValidationStudy.VAR_CRITERIA_MET, true)
                .containsEntry(ValidationStudy.VAR_SCENARIOS_PASSED, true);
        assertThat(task(pi)).hasCandidateGroup(ValidationStudy.QA_REVIEWER);
        assertThat(Files.readString(run.resolve("reports/validation-report.txt")))
                .contains("Study verdict: PASS");
        signAndComplete(task(pi), "reviewer", Meaning.REVIEWED);

        assertThat(pi).isEnded().hasPassed(ValidationStudy.ARCHIVE, ValidationStudy.STUDY_PASSED);
        assertThat(run.resolve("archive/TEST-STUDY-1.zip")).exists();
        assertThat(Files.readAllLines(run.resolve("case-results.csv")))
                .hasSize(StudyFixture.CASES + 1);
        assertThat(actions())
                .contains(
                        "RegisterProtocol copied the protocol",
                        "RegisterProtocol registered the inputs",
                        "signed (approved)",
                        "ApproveProtocol completed",
                        "LockDataset locked the inputs",
                        "CheckPhi scanned the images",
                        "RunInference wrote the case results",
                        "Analyse computed the endpoints",
                        "VerifyAcceptanceCriteria found no acceptance criteria",
                        "GenerateReports wrote the reports",
                        "signed (reviewed)",
                        "QaSignOff completed",
                        "Archive archived the run folder",
                        "study ended: passed");
        assertThat(AuditTrail.verify(run).ok()).isTrue();
    }

    @Test
    void failingCriterionTakesTheDeviationPathAndStillReports() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).failing().write());
        signAndComplete(task(pi), "lead", Meaning.APPROVED);
        execute(job(pi));
        execute(job(pi));

        assertThat(pi)
                .isWaitingAt(ValidationStudy.RECORD_DEVIATION)
                .variables()
                .containsEntry(ValidationStudy.VAR_CRITERIA_MET, false);
        assertThat(Files.readString(run.resolve("reports/validation-report.txt")))
                .contains("Study verdict: FAIL")
                .contains("EP1 FAIL: sensitivity 0.9 < 0.95");
        Deviation.write(
                run,
                "reviewer",
                "Sensitivity below the goal; model to be retrained",
                Instant.now());
        signAndComplete(task(pi), "reviewer", Meaning.AUTHORED);

        assertThat(pi)
                .isEnded()
                .hasPassed(ValidationStudy.ARCHIVE_FAILED_STUDY, ValidationStudy.STUDY_FAILED)
                .hasNotPassed(ValidationStudy.QA_SIGN_OFF);
        assertThat(Files.readString(run.resolve("deviation.json")))
                .contains("\"EP1\"")
                .contains("retrained");
        assertThat(actions()).contains("RecordDeviation completed", "study ended: failed");
    }

    @Test
    void aFailingAcceptanceScenarioTakesTheDeviationPathThoughEveryEndpointPassed()
            throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).withFeatures(true).write());
        signAndComplete(task(pi), "lead", Meaning.APPROVED);
        execute(job(pi));
        execute(job(pi));

        assertThat(pi)
                .hasPassed(ValidationStudy.VERIFY_ACCEPTANCE_CRITERIA)
                .isWaitingAt(ValidationStudy.RECORD_DEVIATION)
                .variables()
                .containsEntry(ValidationStudy.VAR_CRITERIA_MET, true)
                .containsEntry(ValidationStudy.VAR_SCENARIOS_PASSED, false);
        assertThat(Files.readString(run.resolve("reports/validation-report.txt")))
                .contains("Study verdict: PASS");
        assertThat(Files.readString(run.resolve("acceptance.json")))
                .contains("\"passed\" : false")
                .contains("Every quarantined case has a reason");
        assertThat(Files.readString(run.resolve("reports.sha256")))
                .contains("acceptance.json")
                .contains("cucumber.json")
                .contains("cucumber-report.html");
        AuditEntry ran =
                AuditTrail.in(run).entries().stream()
                        .filter(
                                e ->
                                        e.action()
                                                .equals(
                                                        "VerifyAcceptanceCriteria ran the acceptance criteria"))
                        .findFirst()
                        .orElseThrow();
        assertThat(ran.object()).isEqualTo("acceptance.json");
        assertThat(ran.reason())
                .startsWith(
                        "2 scenarios: 1 passed, 1 not passed: \"Every quarantined case has a reason\""
                                + " failed");

        Deviation.write(run, "reviewer", "An acceptance scenario failed", Instant.now());
        assertThat(Files.readString(run.resolve("deviation.json")))
                .contains("\"failed_endpoints\" : [ ]")
                .contains("\"acceptance_passed\" : false")
                .contains("\"name\" : \"Every quarantined case has a reason\"")
                .contains("the stand-in criterion is not met");
        signAndComplete(task(pi), "reviewer", Meaning.AUTHORED);
        assertThat(pi)
                .isEnded()
                .hasPassed(ValidationStudy.STUDY_FAILED)
                .hasNotPassed(ValidationStudy.QA_SIGN_OFF);
    }

    @Test
    void passingAcceptanceScenariosLetThePassingStudyReachSignOff() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).withFeatures(false).write());
        signAndComplete(task(pi), "lead", Meaning.APPROVED);
        execute(job(pi));
        execute(job(pi));

        assertThat(pi)
                .isWaitingAt(ValidationStudy.QA_SIGN_OFF)
                .variables()
                .containsEntry(ValidationStudy.VAR_SCENARIOS_PASSED, true);
        assertThat(actions()).contains("VerifyAcceptanceCriteria ran the acceptance criteria");
    }

    @Test
    void inputChangedAfterRegistrationStopsTheStudyAtTheLock() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        ProcessInstance pi = start(protocol);
        Files.writeString(
                dir.resolve("data/dicom/case-007.dcm"),
                "NoduleProbability: 0.99\n",
                StandardCharsets.UTF_8);
        signAndComplete(task(pi), "lead", Meaning.APPROVED);

        assertThat(pi)
                .isEnded()
                .hasPassed(ValidationStudy.STUDY_STOPPED)
                .hasNotPassed(ValidationStudy.CHECK_PHI);
        String reason =
                (String)
                        historyService()
                                .createHistoricVariableInstanceQuery()
                                .processInstanceId(pi.getId())
                                .variableName(ValidationStudy.VAR_STOP_REASON)
                                .singleResult()
                                .getValue();
        assertThat(reason)
                .isEqualTo(
                        "LockDataset: the inputs changed since registration (1 change): case-007/F1 changed");
        assertThat(run.resolve("manifest.sha256")).doesNotExist();
        assertThat(actions()).contains("LockDataset stopped the study", "study ended: stopped");
    }

    @Test
    void identifyingDataWithoutRequestedDeidentificationQuarantinesThoseCasesOnly()
            throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).withPhi().write());
        assertThat(Files.readString(run.resolve("approval-record.json")))
                .contains("\"cases_to_quarantine\" : 12")
                .doesNotContain("DOE^JANE");
        signAndComplete(task(pi), "lead", Meaning.APPROVED);
        execute(job(pi));
        execute(job(pi));

        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
                .isZero();
        assertThat(Files.readAllLines(run.resolve("case-results.csv"))).hasSize(1 + 48);
        assertThat(Files.readAllLines(run.resolve("quarantine.csv")))
                .hasSize(1 + 12)
                .allMatch(l -> !l.contains("DOE"));
    }

    @Test
    void requestedDeidentificationFeedsInferenceTheCleanCopies() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).withPhi().deidentify().write());
        signAndComplete(task(pi), "lead", Meaning.APPROVED);
        execute(job(pi));
        execute(job(pi));

        assertThat(pi).isWaitingAt(ValidationStudy.QA_SIGN_OFF);
        assertThat(Files.readString(run.resolve("deidentified/case-001.dcm")))
                .doesNotContain("DOE^JANE")
                .doesNotContain("MRN");
        assertThat(Files.readString(run.resolve("case-results.csv"))).doesNotContain("DOE");
    }

    @Test
    void aSignedTaskCannotBeCompletedWithoutTheSignature() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).write());
        Task t = task(pi);
        taskService().claim(t.getId(), "lead");

        assertThatThrownBy(() -> taskService().complete(t.getId()))
                .hasMessageContaining(
                        "ApproveProtocol needs an electronic signature of lead on approval-record.json");
        assertThat(pi).isWaitingAt(ValidationStudy.APPROVE_PROTOCOL);
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).write());
        Task t = task(pi);

        assertThatThrownBy(
                        () ->
                                new Signer(TestUsers.registry(), run, TestKeys.SITE)
                                        .sign(
                                                "lead",
                                                "wrong password".toCharArray(),
                                                Meaning.APPROVED,
                                                run.resolve("protocol.yaml"),
                                                RequireSignature.context(
                                                        t.getTaskDefinitionKey(), t.getId())))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("wrong password");
        AuditEntry last = AuditTrail.in(run).entries().get(AuditTrail.in(run).entries().size() - 1);
        assertThat(last.action()).isEqualTo("signature refused");
        assertThat(last.user()).isEqualTo("lead");
        assertThat(last.reason()).startsWith("wrong password");
        assertThat(Signer.signatures(run)).isEmpty();
    }

    @Test
    void theListenerRefusesTheApproverAtQaSignOffHoweverTheTaskIsCompleted() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).allowBothRoles().write());
        signAndComplete(task(pi), "both", Meaning.APPROVED);
        execute(job(pi));
        execute(job(pi));
        Task t = task(pi);
        assertThatThrownBy(() -> signAndComplete(t, "both", Meaning.REVIEWED))
                .rootCause()
                .isInstanceOf(StudyStepException.class)
                .hasMessage(
                        "QaSignOff: signature of both refused: both approved the protocol of this"
                                + " study (ApproveProtocol) and may not sign QaSignOff (task QaSignOff "
                                + t.getId()
                                + ")");
        assertThat(pi).isWaitingAt(ValidationStudy.QA_SIGN_OFF);
        AuditEntry last = AuditTrail.in(run).entries().get(actions().size() - 1);
        assertThat(last.action()).isEqualTo("signature refused");
        assertThat(last.user()).isEqualTo("both");
    }

    @Test
    void theListenerRefusesADualRoleSignerWithoutTheProtocolsLeave() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).write());
        Task t = task(pi);
        assertThatThrownBy(() -> signAndComplete(t, "both", Meaning.APPROVED))
                .rootCause()
                .hasMessage(
                        "ApproveProtocol: signature of both refused: both holds both qa-lead and"
                                + " qa-reviewer and the protocol does not allow one user both roles"
                                + " (separation_of_duties.allow_one_user_both_roles) (task"
                                + " ApproveProtocol "
                                + t.getId()
                                + ")");
        assertThat(pi).isWaitingAt(ValidationStudy.APPROVE_PROTOCOL);
    }

    @Test
    void aSignatureLineNotSignedWithTheSiteKeyCompletesNothing() throws Exception {
        ProcessInstance pi = start(StudyFixture.in(dir).write());
        Task t = task(pi);
        // A line with every field right, signed by another key, as a forger would write it.
        Path other = dir.resolve("elsewhere");
        Files.createDirectories(other);
        Files.copy(run.resolve("protocol.yaml"), other.resolve("protocol.yaml"));
        new Signer(TestUsers.registry(), other, TestKeys.OTHER)
                .sign(
                        "lead",
                        TestUsers.password(),
                        Meaning.APPROVED,
                        other.resolve("protocol.yaml"),
                        RequireSignature.context(t.getTaskDefinitionKey(), t.getId()));
        Files.copy(other.resolve(Signer.FILE), run.resolve(Signer.FILE));
        taskService().claim(t.getId(), "lead");
        assertThatThrownBy(() -> taskService().complete(t.getId()))
                .rootCause()
                .hasMessageStartingWith(
                        "ApproveProtocol needs an electronic signature of lead on approval-record.json")
                .hasMessageEndingWith("none was found");
        assertThat(pi).isWaitingAt(ValidationStudy.APPROVE_PROTOCOL);
    }
}
