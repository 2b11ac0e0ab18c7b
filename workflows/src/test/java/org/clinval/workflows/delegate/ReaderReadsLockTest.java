package org.clinval.workflows.delegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.clinval.common.Sha256;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.readers.ReadsCopy;
import org.clinval.workflows.testing.FakeInputCheckService;
import org.clinval.workflows.testing.ReaderReads;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader study's reads are copied into the run, registered, locked and hashed. */
class ReaderReadsLockTest {

    private static final StudyRecords RECORDS = TestRecords.create();

    @TempDir Path dir;

    private FakeExecution registered() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        ReaderReads.write(dir);
        ReaderReads.addTo(protocol);
        FakeExecution e = new FakeExecution(ValidationStudy.REGISTER_PROTOCOL);
        e.variables.put(ValidationStudy.VAR_RUN_DIR, dir.resolve("run").toString());
        e.variables.put(ValidationStudy.VAR_PROTOCOL_SOURCE, protocol.toString());
        e.variables.put(ValidationStudy.VAR_PROTOCOL_BASE, protocol.getParent().toString());
        e.variables.put(ValidationStudy.VAR_STUDY_ID, "TEST-STUDY-1");
        new RegisterProtocol(new FakeInputCheckService(), new FileDatasetService(), RECORDS)
                .execute(e.proxy());
        return e;
    }

    @Test
    void theReadsAreCopiedHashedAndLocked() throws Exception {
        FakeExecution e = registered();
        Path reads = dir.resolve("readers/reads.csv");
        Path copy = dir.resolve("run").resolve(ReadsCopy.FILE);
        assertThat(copy).hasSameBinaryContentAs(reads);
        new LockDataset(new FileDatasetService(), RECORDS).execute(e.proxy());
        List<String> manifest = Files.readAllLines(dir.resolve("run/manifest.sha256"));
        // protocol, model, ground truth, image inventory, the reads and their copy.
        assertThat(manifest)
                .hasSize(6)
                .contains(Sha256.of(reads) + "  " + reads.toAbsolutePath())
                .contains(Sha256.of(copy) + "  " + copy.toAbsolutePath());
        assertThat(AuditTrail.in(dir.resolve("run")).entries().stream().map(AuditEntry::action))
                .contains("RegisterProtocol copied the reader study's reads");
    }

    @Test
    void readsChangedAfterRegistrationStopTheStudyAtTheLock() throws Exception {
        FakeExecution e = registered();
        Path reads = dir.resolve("readers/reads.csv");
        Files.writeString(
                reads, Files.readString(reads).replaceFirst(",unaided,[0-9.]+", ",unaided,99"));
        assertThatThrownBy(
                        () -> new LockDataset(new FileDatasetService(), RECORDS).execute(e.proxy()))
                .isInstanceOfSatisfying(
                        BpmnError.class,
                        x ->
                                assertThat(x.getErrorCode())
                                        .isEqualTo(ValidationStudy.DATASET_CHANGED))
                .hasMessageContaining("the inputs changed since registration (1 change)")
                .hasMessageContaining("reads.csv changed");
        assertThat(dir.resolve("run/manifest.sha256")).doesNotExist();
    }

    @Test
    void theCopyNamesCasesByTheRunsPseudonyms() throws Exception {
        Path reads =
                ReaderReads.write(
                        dir,
                        "reader,case,modality,score\nR1,\"Doe, Jane\",unaided,3\nR1,X7,aided,4\n");
        Path key = dir.resolve("run.case-key.csv");
        Files.writeString(
                key,
                "case_id,file_id,source,ground_truth_case_id,ground_truth_line\n"
                        + "C0001,C0001/F1,Doe/1.dcm,\"Doe, Jane\",2\n"
                        + "X7,X7/F1,X7/1.dcm,X7,3\n");
        Path copy = dir.resolve("copy.csv");
        ReadsCopy.write(reads, copy, key);
        assertThat(Files.readString(copy))
                .isEqualTo("reader,case,modality,score\nR1,C0001,unaided,3\nR1,X7,aided,4\n");
    }
}
