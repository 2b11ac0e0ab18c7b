package org.clinval.workflows.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.local.ZipArchiveService;
import org.clinval.workflows.service.AcceptanceService;
import org.clinval.workflows.service.StudyServices;
import org.clinval.workflows.testing.FakeAcceptanceService;
import org.clinval.workflows.testing.FakeInferenceService;
import org.clinval.workflows.testing.FakeInputCheckService;
import org.clinval.workflows.testing.FakePhiService;
import org.clinval.workflows.testing.FakeReportService;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each step without an engine: what it asks its service, what it sets, what it audits. */
class DelegatesTest {

    private static final StudyRecords RECORDS = TestRecords.create();

    @TempDir Path dir;

    private FakeExecution execution(Path protocol, String activity) {
        FakeExecution e = new FakeExecution(activity);
        e.variables.put(ValidationStudy.VAR_RUN_DIR, dir.resolve("run").toString());
        e.variables.put(ValidationStudy.VAR_PROTOCOL_SOURCE, protocol.toString());
        e.variables.put(ValidationStudy.VAR_PROTOCOL_BASE, protocol.getParent().toString());
        e.variables.put(ValidationStudy.VAR_STUDY_ID, "TEST-STUDY-1");
        return e;
    }

    private List<String> actions() throws Exception {
        return AuditTrail.in(dir.resolve("run")).entries().stream()
                .map(AuditEntry::action)
                .toList();
    }

    private FakeExecution registered(StudyFixture f) throws Exception {
        Path protocol = f.write();
        FakeExecution e = execution(protocol, ValidationStudy.REGISTER_PROTOCOL);
        new RegisterProtocol(new FakeInputCheckService(), new FileDatasetService(), RECORDS)
                .execute(e.proxy());
        return e;
    }

    @Test
    void registerThenLockWritesTheManifest() throws Exception {
        FakeExecution e = registered(StudyFixture.in(dir));
        new LockDataset(new FileDatasetService(), RECORDS).execute(e.proxy());
        // protocol, model, ground truth and the image inventory; no image by its name.
        assertThat(Files.readAllLines(dir.resolve("run/manifest.sha256")))
                .hasSize(4)
                .isEqualTo(Files.readAllLines(dir.resolve("run/registration.sha256")))
                .noneMatch(l -> l.contains("case-"));
        assertThat(actions())
                .containsExactly(
                        "RegisterProtocol copied the protocol",
                        "RegisterProtocol registered the inputs",
                        "RegisterProtocol checked the inputs",
                        "LockDataset locked the inputs");
    }

    @Test
    void aModelThatIsNotTheApprovedOneCannotBeRegistered() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        Files.writeString(dir.resolve("model/model.json"), "{\"name\": \"other\"}\n");
        FakeExecution e = execution(protocol, ValidationStudy.REGISTER_PROTOCOL);
        assertThatThrownBy(
                        () ->
                                new RegisterProtocol(
                                                new FakeInputCheckService(),
                                                new FileDatasetService(),
                                                RECORDS)
                                        .execute(e.proxy()))
                .isInstanceOf(StudyStepException.class)
                .hasMessageContaining("RegisterProtocol: device.model")
                .hasMessageContaining("but the protocol states");
        assertThat(actions()).containsExactly("RegisterProtocol failed");
    }

    @Test
    void aLockAfterAChangeThrowsTheModelledErrorNamingEveryChange() throws Exception {
        FakeExecution e = registered(StudyFixture.in(dir));
        Files.delete(dir.resolve("data/dicom/case-002.dcm"));
        Files.writeString(dir.resolve("data/dicom/case-999.dcm"), "new\n");
        Files.writeString(dir.resolve("data/ground-truth.csv"), "changed\n");
        assertThatThrownBy(
                        () -> new LockDataset(new FileDatasetService(), RECORDS).execute(e.proxy()))
                .isInstanceOfSatisfying(
                        BpmnError.class,
                        x ->
                                assertThat(x.getErrorCode())
                                        .isEqualTo(ValidationStudy.DATASET_CHANGED))
                .hasMessageContaining("the inputs changed since registration (3 changes)")
                .hasMessageContaining("ground-truth.csv changed")
                .hasMessageContaining("a file was added to the image folder, in no registered case")
                .hasMessageContaining("case-002/F1 was removed");
        assertThat(dir.resolve("run/manifest.sha256")).doesNotExist();
    }

    @Test
    void checkPhiPassesCleanImagesOnAndNeverStopsTheStudyForOneCase() throws Exception {
        FakeExecution clean = registered(StudyFixture.in(dir.resolve("a")));
        new CheckPhi(new FakePhiService(), RECORDS).execute(clean.proxy());
        assertThat(clean.variables.get(ValidationStudy.VAR_IMAGES))
                .isEqualTo(dir.resolve("a/data/dicom").toString());

        // Identifying data without de-identification: the checks already set those cases aside.
        FakeExecution phi = registered(StudyFixture.in(dir.resolve("b")).withPhi());
        new CheckPhi(new FakePhiService(), RECORDS).execute(phi.proxy());
        assertThat(phi.variables.get(ValidationStudy.VAR_IMAGES))
                .isEqualTo(dir.resolve("b/data/dicom").toString());
        assertThat(Files.readString(dir.resolve("run/approval-record.json")))
                .contains("\"cases_to_quarantine\" : 12")
                .doesNotContain("DOE");
    }

    @Test
    void inferenceAndAnalysisSetWhatTheGatewayReads() throws Exception {
        FakeExecution e = registered(StudyFixture.in(dir).failing());
        // As in the process: inference runs over a locked dataset (the ledger names it).
        new LockDataset(new FileDatasetService(), RECORDS).execute(e.proxy());
        new CheckPhi(new FakePhiService(), RECORDS).execute(e.proxy());
        new RunInference(new FakeInferenceService(), RECORDS).execute(e.proxy());
        assertThat(e.variables.get(ValidationStudy.VAR_CASE_RESULTS))
                .isEqualTo(dir.resolve("run/case-results.csv").toString());
        new Analyse(new MetricsAnalysisService(), RECORDS).execute(e.proxy());
        assertThat(e.variables.get(ValidationStudy.VAR_CRITERIA_MET)).isEqualTo(false);
        AuditEntry last = AuditTrail.in(dir.resolve("run")).entries().get(actions().size() - 1);
        assertThat(last.reason()).isEqualTo("verdict FAIL: EP1 FAIL, EP2 PASS");
        assertThat(last.object()).isEqualTo("metrics.json");
    }

    @Test
    void theAcceptanceStepSetsWhatTheGatewayReadsAndRecordsTheOutcome() throws Exception {
        FakeExecution none = registered(StudyFixture.in(dir.resolve("a")));
        new VerifyAcceptanceCriteria(new FakeAcceptanceService(), RECORDS).execute(none.proxy());
        assertThat(none.variables.get(ValidationStudy.VAR_SCENARIOS_PASSED)).isEqualTo(true);
        assertThat(dir.resolve("run/acceptance.json")).doesNotExist();
        assertThat(actions()).endsWith("VerifyAcceptanceCriteria found no acceptance criteria");

        FakeExecution failing = registered(StudyFixture.in(dir.resolve("b")).withFeatures(true));
        new VerifyAcceptanceCriteria(new FakeAcceptanceService(), RECORDS).execute(failing.proxy());
        assertThat(failing.variables.get(ValidationStudy.VAR_SCENARIOS_PASSED)).isEqualTo(false);
        assertThat(dir.resolve("run/acceptance.json")).exists();
        assertThat(actions()).endsWith("VerifyAcceptanceCriteria ran the acceptance criteria");
    }

    @Test
    void criteriaThatNoRunnerCanRunStopTheStepInsteadOfPassing() throws Exception {
        FakeExecution e = registered(StudyFixture.in(dir).withFeatures(false));
        AcceptanceService unwired =
                new StudyServices(
                                new FakeInputCheckService(),
                                new FileDatasetService(),
                                new FakePhiService(),
                                new FakeInferenceService(),
                                new MetricsAnalysisService(),
                                new FakeReportService(),
                                new ZipArchiveService())
                        .acceptance();
        assertThatThrownBy(() -> new VerifyAcceptanceCriteria(unwired, RECORDS).execute(e.proxy()))
                .isInstanceOf(StudyStepException.class)
                .hasMessageContaining("VerifyAcceptanceCriteria: no acceptance runner is wired")
                .hasMessageContaining("features");
        assertThat(e.variables).doesNotContainKey(ValidationStudy.VAR_SCENARIOS_PASSED);
    }

    @Test
    void aStepWithoutItsVariablesSaysWhichIsMissing() {
        FakeExecution e = new FakeExecution(ValidationStudy.LOCK_DATASET);
        assertThatThrownBy(
                        () -> new LockDataset(new FileDatasetService(), RECORDS).execute(e.proxy()))
                .isInstanceOf(StudyStepException.class)
                .hasMessage("the study has no 'runDir' variable: null");
    }
}
