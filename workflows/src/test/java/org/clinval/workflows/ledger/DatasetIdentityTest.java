package org.clinval.workflows.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.clinval.workflows.local.FileDatasetService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.testing.FakeInputCheckService;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset's identity: its ground truth and images, not the run, protocol or model. */
class DatasetIdentityTest {

    @TempDir Path dir;

    /** Registers and locks the fixture's inputs in {@code run}, as the study's steps do. */
    private static StudyProtocol lock(Path protocolFile, Path run) throws Exception {
        StudyProtocol p = ProtocolReader.read(protocolFile);
        Files.createDirectories(run);
        new FakeInputCheckService().check(p, Optional.of(run), n -> {});
        FileDatasetService d = new FileDatasetService();
        d.register(p, run);
        d.lock(p, run);
        return p;
    }

    @Test
    void theSameImagesAndTruthKeepTheirIdentityAcrossRunsAndModelVersions() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        Path v2 = dir.resolve("protocol-v2.yaml");
        Files.writeString(
                v2, Files.readString(protocol).replace("version: 0.1.0", "version: 0.2.0"));
        String first = DatasetIdentity.of(lock(protocol, dir.resolve("a")), dir.resolve("a"));
        String second = DatasetIdentity.of(lock(v2, dir.resolve("b/c")), dir.resolve("b/c"));
        assertThat(first).isEqualTo(second).matches("[0-9a-f]{64}");
        assertThat(
                        DatasetIdentity.manifest(ProtocolReader.read(protocol), dir.resolve("a"))
                                .entries())
                .hasSize(StudyFixture.CASES + 1)
                .containsKeys(DatasetIdentity.GROUND_TRUTH, DatasetIdentity.IMAGES + "case-001/F1");
        // The whole locked manifest (protocol copy, model) differs between the two runs.
        assertThat(Files.readString(dir.resolve("a/manifest.sha256")))
                .isNotEqualTo(Files.readString(dir.resolve("b/c/manifest.sha256")));
    }

    @Test
    void anotherImageIsAnotherDataset() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        String before = DatasetIdentity.of(lock(protocol, dir.resolve("a")), dir.resolve("a"));
        Files.writeString(
                dir.resolve("data/dicom/case-007.dcm"),
                "NoduleProbability: 0.9\n",
                StandardCharsets.UTF_8);
        String after = DatasetIdentity.of(lock(protocol, dir.resolve("b")), dir.resolve("b"));
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void anInventoryEditedAfterTheLockIsRefused() throws Exception {
        Path protocol = StudyFixture.in(dir).write();
        StudyProtocol p = lock(protocol, dir.resolve("a"));
        Path inventory = dir.resolve("a/dataset-inventory.csv");
        Files.writeString(inventory, Files.readString(inventory).replace("case-001", "case-991"));
        assertThatThrownBy(() -> DatasetIdentity.of(p, dir.resolve("a")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("dataset-inventory.csv changed after the lock");
    }

    @Test
    void aRunThatWasNeverLockedHasNoIdentity() throws Exception {
        StudyProtocol p = ProtocolReader.read(StudyFixture.in(dir).write());
        assertThatThrownBy(() -> DatasetIdentity.of(p, dir.resolve("nowhere")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the dataset is not locked");
    }
}
