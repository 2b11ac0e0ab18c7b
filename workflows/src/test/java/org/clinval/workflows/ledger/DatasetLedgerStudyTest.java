package org.clinval.workflows.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudySettings;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestServices;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two studies on one test set, the second with a new model version: one ledger holds both. */
class DatasetLedgerStudyTest {

    @TempDir Path dir;

    private StudySettings settings(Path ledger) {
        return StudySettings.builder()
                .setServices(TestServices.create())
                .setUsers(TestUsers.file())
                .setSiteKey(TestKeys.SITE)
                .optJobExecutor(false)
                .optLedger(ledger)
                .build();
    }

    /** Starts a study, approves it and runs it to QA sign-off (lock, PHI check, inference). */
    private void runToSignOff(Path protocol, Path run, Path ledger) throws Exception {
        try (StudyEngine e = StudyEngine.start(protocol, run, settings(ledger))) {
            e.complete(
                    e.tasks().get(0).id(),
                    "lead",
                    Meaning.APPROVED,
                    TestUsers.PASSWORD.toCharArray(),
                    null);
            e.executeJobs();
            assertThat(e.status().activities()).containsExactly(ValidationStudy.QA_SIGN_OFF);
        }
    }

    @Test
    void twoStudiesOfOneDatasetAreCountedInOneLedgerFileOutsideTheRunFolders() throws Exception {
        Path inputs = dir.resolve("inputs");
        Path protocol = StudyFixture.in(inputs).write();
        Path v2 = inputs.resolve("protocol-v2.yaml");
        Files.writeString(
                v2,
                Files.readString(protocol, StandardCharsets.UTF_8)
                        .replace("version: 0.1.0", "version: 0.2.0"),
                StandardCharsets.UTF_8);
        Path ledger = dir.resolve("site/ledger");

        runToSignOff(protocol, dir.resolve("runs/first"), ledger);
        runToSignOff(v2, dir.resolve("runs/second"), ledger);

        List<String> datasets = DatasetLedger.datasets(ledger);
        assertThat(datasets).hasSize(1);
        String dataset = datasets.get(0);
        assertThat(DatasetLedger.file(ledger, dataset)).exists();
        assertThat(DatasetLedger.verify(ledger, dataset, TestKeys.SITE.publicKey()).ok()).isTrue();

        List<LedgerEntry> entries = DatasetLedger.entries(ledger, dataset);
        assertThat(entries)
                .extracting(e -> e.access().action())
                .containsExactly("lock", "inference", "lock", "inference");
        assertThat(entries)
                .allSatisfy(
                        e -> {
                            assertThat(e.access().user()).isEqualTo("lead");
                            assertThat(e.access().studyId()).isEqualTo("TEST-STUDY-1");
                            assertThat(e.access().model()).isEqualTo("stand-in");
                            assertThat(e.access().purpose())
                                    .isEqualTo(DatasetLedger.VALIDATION_STUDY);
                            assertThat(e.access().run()).doesNotContain("first", "second", "/");
                        });
        assertThat(entries)
                .extracting(e -> e.access().modelVersion())
                .containsExactly("0.1.0", "0.1.0", "0.2.0", "0.2.0");
        assertThat(entries.get(0).access().run())
                .isEqualTo(entries.get(1).access().run())
                .isEqualTo(DatasetLedger.runReference(dir.resolve("runs/first")))
                .isNotEqualTo(entries.get(2).access().run());

        LedgerSummary s = LedgerSummary.of(entries);
        assertThat(s.uses()).isEqualTo(4);
        assertThat(s.runs()).isEqualTo(2);
        assertThat(s.byAction()).containsEntry("lock", 2).containsEntry("inference", 2);
        assertThat(s.byModelVersion())
                .extracting(LedgerSummary.ModelUse::version, LedgerSummary.ModelUse::uses)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0.1.0", 2),
                        org.assertj.core.groups.Tuple.tuple("0.2.0", 2));
        assertThat(s.first()).contains(entries.get(0).time());
        assertThat(s.last()).contains(entries.get(3).time());

        // The run's own trail names the dataset, and no run folder holds the ledger.
        AuditEntry lock =
                AuditTrail.in(dir.resolve("runs/first")).entries().stream()
                        .filter(e -> e.action().startsWith(ValidationStudy.LOCK_DATASET))
                        .findFirst()
                        .orElseThrow();
        assertThat(lock.reason()).contains(dataset);
        try (var files = Files.walk(dir.resolve("runs"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains(dataset));
        }

        // After the studies, each finished run still names the one test set, and a comparison
        // of the second run with the first is one more access, with the second run's version.
        assertThat(DatasetIdentity.ofRun(dir.resolve("runs/first"))).isEqualTo(dataset);
        assertThat(DatasetIdentity.ofRun(dir.resolve("runs/second"))).isEqualTo(dataset);
        LedgerEntry compare =
                DatasetLedger.in(ledger, TestKeys.SITE, java.time.Clock.systemUTC())
                        .recordRun(
                                LedgerAction.COMPARE,
                                dir.resolve("runs/second"),
                                "reviewer",
                                DatasetLedger.PCCP_REVALIDATION);
        assertThat(compare.sequence()).isEqualTo(5);
        assertThat(compare.access().modelVersion()).isEqualTo("0.2.0");
        assertThat(compare.access().run()).isEqualTo(entries.get(2).access().run());
        assertThat(compare.access().purpose()).isEqualTo("PCCP re-validation");
        assertThat(DatasetLedger.verify(ledger, dataset, TestKeys.SITE.publicKey()).ok()).isTrue();
    }
}
