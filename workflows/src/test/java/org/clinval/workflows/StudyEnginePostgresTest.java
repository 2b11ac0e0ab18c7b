package org.clinval.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.testing.PostgresCluster;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestServices;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study process on a real PostgreSQL server (a throwaway cluster of Debian's postgresql)
 * instead of the run folder's H2 file: a study waiting for its sign-off survives the engine's end
 * and a crash of the database server, and two studies in one database each see only their own
 * tasks.
 */
class StudyEnginePostgresTest {

    static PostgresCluster pg;

    @TempDir Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresCluster.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) pg.close();
    }

    private static StudySettings settings(String url) {
        return StudySettings.builder()
                .setServices(TestServices.create())
                .setUsers(TestUsers.file())
                .setSiteKey(TestKeys.SITE)
                .optLedger(org.clinval.workflows.testing.TestRecords.ledger())
                .optDatabase(url, PostgresCluster.USER, "")
                .optJobExecutor(false)
                .build();
    }

    private static char[] password() {
        return TestUsers.PASSWORD.toCharArray();
    }

    @Test
    void aStudyWaitingAtSignOffSurvivesTheEngineAndACrashOfTheDatabase() throws Exception {
        String url = pg.createDatabase("restart");
        Path protocol = StudyFixture.in(dir).write();
        Path run = dir.resolve("run");
        String signOff;
        try (StudyEngine e = StudyEngine.start(protocol, run, settings(url))) {
            StudyTask approve = e.tasks().get(0);
            assertThat(approve.key()).isEqualTo(ValidationStudy.APPROVE_PROTOCOL);
            e.complete(approve.id(), "lead", Meaning.APPROVED, password(), null);
            assertThat(e.executeJobs()).isEqualTo(2);
            StudyStatus s = e.status();
            assertThat(s.activities()).containsExactly(ValidationStudy.QA_SIGN_OFF);
            signOff = s.tasks().get(0).id();
        }
        pg.kill(); // as a power cut of the database server
        pg.restart();
        try (StudyEngine e = StudyEngine.resume(run, settings(url))) {
            assertThat(e.tasks()).extracting(StudyTask::id).containsExactly(signOff);
            StudyStatus s =
                    e.complete(signOff, "reviewer", Meaning.REVIEWED, password(), "looks right");
            assertThat(s.state()).isEqualTo(StudyState.PASSED);
        }
        try (StudyEngine e = StudyEngine.resume(run, settings(url))) {
            assertThat(e.status().state()).isEqualTo(StudyState.PASSED);
        }
        assertThat(run.resolve("engine").resolve("study.mv.db")).as("no H2 file").doesNotExist();
        assertThat(AuditTrail.verify(run).ok()).isTrue();
    }

    @Test
    void twoStudiesInOneDatabaseEachSeeOnlyTheirOwnTasks() throws Exception {
        String url = pg.createDatabase("shared");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path protocolA = StudyFixture.in(dir.resolve("pa")).write();
        Path protocolB = StudyFixture.in(dir.resolve("pb")).write();
        String approveA;
        try (StudyEngine e = StudyEngine.start(protocolA, a, settings(url))) {
            approveA = e.tasks().get(0).id();
        }
        try (StudyEngine e = StudyEngine.start(protocolB, b, settings(url))) {
            assertThat(e.tasks()).hasSize(1);
            assertThat(e.tasks().get(0).id()).isNotEqualTo(approveA);
            e.complete(e.tasks().get(0).id(), "lead", Meaning.APPROVED, password(), null);
            e.executeJobs();
            assertThat(e.status().activities()).containsExactly(ValidationStudy.QA_SIGN_OFF);
        }
        try (StudyEngine e = StudyEngine.resume(a, settings(url))) {
            assertThat(e.tasks()).extracting(StudyTask::id).containsExactly(approveA);
            assertThat(e.status().activities()).containsExactly(ValidationStudy.APPROVE_PROTOCOL);
        }
    }

    @Test
    void whileSharedAllStudiesRunOnOneEngineThatOutlivesEachStudy() throws Exception {
        String url = pg.createDatabase("one_engine");
        StudySettings settings = settings(url);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        org.camunda.bpm.engine.ProcessEngine first;
        try (StudyEngine.Sharing hold = StudyEngine.shareEngine(settings)) {
            try (StudyEngine e =
                    StudyEngine.start(StudyFixture.in(dir.resolve("pa")).write(), a, settings)) {
                first = e.processEngine();
            }
            try (StudyEngine e =
                    StudyEngine.start(StudyFixture.in(dir.resolve("pb")).write(), b, settings)) {
                assertThat(e.processEngine()).as("the second study's engine").isSameAs(first);
                // Closing the first study left the shared engine running.
                e.complete(e.tasks().get(0).id(), "lead", Meaning.APPROVED, password(), null);
                e.executeJobs();
                assertThat(e.status().activities()).containsExactly(ValidationStudy.QA_SIGN_OFF);
            }
            try (StudyEngine e = StudyEngine.resume(a, settings)) {
                assertThat(e.processEngine()).isSameAs(first);
                assertThat(e.status().activities())
                        .containsExactly(ValidationStudy.APPROVE_PROTOCOL);
            }
        }
        // The last hold closed the engine; a study opened now gets an engine of its own.
        try (StudyEngine e = StudyEngine.resume(b, settings)) {
            assertThat(e.processEngine()).isNotSameAs(first);
            assertThat(e.status().activities()).containsExactly(ValidationStudy.QA_SIGN_OFF);
        }
        assertThatThrownBy(
                        () ->
                                StudyEngine.shareEngine(
                                        StudySettings.builder()
                                                .setServices(TestServices.create())
                                                .setUsers(TestUsers.file())
                                                .setSiteKey(TestKeys.SITE)
                                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a database given by URL");
    }
}
