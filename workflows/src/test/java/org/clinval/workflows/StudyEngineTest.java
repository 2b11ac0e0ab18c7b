package org.clinval.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.protocol.InvalidProtocolException;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestServices;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade on the run folder's H2 file, including a restart in the middle of a study. */
class StudyEngineTest {

    @TempDir Path dir;

    private StudySettings settings() {
        return StudySettings.builder()
                .setServices(TestServices.create())
                .setUsers(TestUsers.file())
                .setSiteKey(TestKeys.SITE)
                .optLedger(org.clinval.workflows.testing.TestRecords.ledger())
                .optJobExecutor(false)
                .build();
    }

    private static char[] password() {
        return TestUsers.PASSWORD.toCharArray();
    }

    @Test
    void aStudyWaitingAtQaSignOffSurvivesARestartOfTheEngine() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        Path run = dir.resolve("run");
        String signOff;
        try (StudyEngine e = StudyEngine.start(protocol, run, settings())) {
            StudyTask approve = e.tasks().get(0);
            assertThat(approve.key()).isEqualTo(ValidationStudy.APPROVE_PROTOCOL);
            assertThat(approve.candidateGroup()).isEqualTo(ValidationStudy.QA_LEAD);
            e.complete(approve.id(), "lead", Meaning.APPROVED, password(), null);
            assertThat(e.executeJobs()).isEqualTo(2);
            StudyStatus s = e.status();
            assertThat(s.state()).isEqualTo(StudyState.ACTIVE);
            assertThat(s.activities()).containsExactly(ValidationStudy.QA_SIGN_OFF);
            signOff = s.tasks().get(0).id();
        } // the engine is closed here, as when the program ends

        try (StudyEngine e = StudyEngine.resume(run, settings())) {
            assertThat(e.tasks()).extracting(StudyTask::id).containsExactly(signOff);
            StudyStatus s =
                    e.complete(signOff, "reviewer", Meaning.REVIEWED, password(), "looks right");
            assertThat(s.state()).isEqualTo(StudyState.PASSED);
            assertThat(s.ended()).isTrue();
            assertThat(s.tasks()).isEmpty();
        }
        try (StudyEngine e = StudyEngine.resume(run, settings())) {
            assertThat(e.status().state()).isEqualTo(StudyState.PASSED);
        }
        assertThat(run.resolve("engine/study.mv.db")).exists();
        assertThat(AuditTrail.verify(run).ok()).isTrue();
    }

    @Test
    void anIncidentShowsInTheStatusWithItsMessage() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        try (StudyEngine e = StudyEngine.start(protocol, dir.resolve("run"), settings())) {
            e.complete(e.tasks().get(0).id(), "lead", Meaning.APPROVED, password(), null);
            // The ground truth disappears after the lock: inference cannot run.
            Files.move(dir.resolve("data/ground-truth.csv"), dir.resolve("gt.moved"));
            e.executeJobs();
            StudyStatus s = e.status();
            assertThat(s.state()).isEqualTo(StudyState.INCIDENT);
            assertThat(s.incidents())
                    .singleElement()
                    .asString()
                    .startsWith("RunInference: RunInference: ")
                    .contains("ground-truth.csv");
        }
    }

    @Test
    void aDeviationNeedsAReasonAndEndsTheStudyFailed() throws Exception {
        Path protocol = StudyFixture.in(dir).failing().write();
        try (StudyEngine e = StudyEngine.start(protocol, dir.resolve("run"), settings())) {
            e.complete(e.tasks().get(0).id(), "lead", Meaning.APPROVED, password(), null);
            e.executeJobs();
            StudyTask deviation = e.tasks().get(0);
            assertThat(deviation.key()).isEqualTo(ValidationStudy.RECORD_DEVIATION);
            assertThatThrownBy(
                            () ->
                                    e.complete(
                                            deviation.id(),
                                            "reviewer",
                                            Meaning.AUTHORED,
                                            password(),
                                            " "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a deviation needs a reason");
            StudyStatus s =
                    e.complete(deviation.id(), "reviewer", Meaning.AUTHORED, password(), "retrain");
            assertThat(s.state()).isEqualTo(StudyState.FAILED);
        }
    }

    @Test
    void signaturesAreRefusedForOtherGroupsMeaningsAndUnknownUsers() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        Path run = dir.resolve("run");
        try (StudyEngine e = StudyEngine.start(protocol, run, settings())) {
            String id = e.tasks().get(0).id();
            assertThatThrownBy(() -> e.complete(id, "reviewer", Meaning.APPROVED, password(), null))
                    .isInstanceOf(SignatureRefusedException.class)
                    .hasMessageContaining("not in group qa-lead");
            assertThatThrownBy(() -> e.complete(id, "lead", Meaning.AUTHORED, password(), null))
                    .isInstanceOf(SignatureRefusedException.class)
                    .hasMessageContaining("meaning authored is not one of");
            assertThatThrownBy(() -> e.complete(id, "mallory", Meaning.APPROVED, password(), null))
                    .isInstanceOf(SignatureRefusedException.class)
                    .hasMessageContaining("unknown user");
            assertThatThrownBy(
                            () ->
                                    e.complete(
                                            "no-such-task",
                                            "lead",
                                            Meaning.APPROVED,
                                            password(),
                                            null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no task no-such-task waits");
            assertThat(e.status().activities()).containsExactly(ValidationStudy.APPROVE_PROTOCOL);
        }
        List<String> refusals =
                AuditTrail.in(run).entries().stream()
                        .filter(x -> x.action().equals("signature refused"))
                        .map(x -> x.user())
                        .toList();
        assertThat(refusals).containsExactly("reviewer", "lead", "mallory");
    }

    @Test
    void anInvalidProtocolStartsNothingAndAFolderHoldsOneStudy() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        Files.writeString(protocol, Files.readString(protocol).replace("level: 0.95", "level: 95"));
        assertThatThrownBy(() -> StudyEngine.start(protocol, dir.resolve("run"), settings()))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("endpoints[0].criterion.level: 95 is not in (0, 1)");
        assertThat(dir.resolve("run")).doesNotExist();

        Path good = StudyFixture.in(dir.resolve("other")).write();
        StudyEngine.start(good, dir.resolve("run2"), settings()).close();
        assertThatThrownBy(() -> StudyEngine.start(good, dir.resolve("run2"), settings()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds a study");
    }
}
