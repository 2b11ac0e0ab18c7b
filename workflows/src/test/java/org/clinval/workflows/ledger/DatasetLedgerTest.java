package org.clinval.workflows.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.common.Sha256;
import org.clinval.workflows.audit.AuditVerification;
import org.clinval.workflows.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger's entries, its default folder, and what each kind of tampering shows. */
class DatasetLedgerTest {

    private static final String DATASET = Sha256.ofText("a test set");
    private static final String OTHER = Sha256.ofText("another test set");

    @TempDir Path dir;
    private Path file;

    private static LedgerEntry.Access access(String action, String user, String version) {
        return new LedgerEntry.Access(
                action,
                user,
                "STUDY-1",
                Sha256.ofText("run " + version),
                "nodule-classifier",
                version,
                Sha256.ofText("model " + version),
                DatasetLedger.VALIDATION_STUDY);
    }

    @BeforeEach
    void fourAccesses() {
        DatasetLedger ledger =
                DatasetLedger.in(
                        dir,
                        TestKeys.SITE,
                        Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        ledger.record(DATASET, access("lock", "lead", "1.0"));
        ledger.record(DATASET, access("inference", "lead", "1.0"));
        ledger.record(DATASET, access("lock", "lee", "1.1"));
        ledger.record(DATASET, access("inference", "lee", "1.1"));
        file = DatasetLedger.file(dir, DATASET);
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws Exception {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private AuditVerification.Finding firstBad() throws Exception {
        AuditVerification v = DatasetLedger.verify(dir, DATASET, TestKeys.SITE.publicKey());
        assertThat(v.ok()).isFalse();
        return v.firstBad().orElseThrow();
    }

    @Test
    void anIntactLedgerVerifiesAndReadsBack() throws Exception {
        assertThat(DatasetLedger.verify(dir, DATASET, TestKeys.SITE.publicKey()).ok()).isTrue();
        assertThat(file.getFileName().toString()).isEqualTo(DATASET + ".jsonl");
        List<LedgerEntry> entries = DatasetLedger.entries(dir, DATASET);
        assertThat(entries).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(entries.get(2).access()).isEqualTo(access("lock", "lee", "1.1"));
        assertThat(entries.get(2).dataset()).isEqualTo(DATASET);
        assertThat(lines().get(0))
                .startsWith("{\"sequence\":1,\"time\":\"2026-01-02T03:04:05Z\",\"user\":\"lead\"")
                .contains("\"action\":\"lock\"", "\"object_sha256\":\"" + DATASET + "\"")
                .contains("\"details\":{\"study_id\":\"STUDY-1\",\"model\":\"nodule-classifier\"");
        assertThat(DatasetLedger.datasets(dir)).containsExactly(DATASET);
    }

    @Test
    void anEditedLineIsNamed() throws Exception {
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("\"user\":\"lead\"", "\"user\":\"eve\""));
        write(lines);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(2);
        assertThat(f.problem()).contains("entry 2 was edited");
    }

    @Test
    void anEditWithItsHashRecomputedFailsTheSiteKeySignature() throws Exception {
        List<String> lines = lines();
        String edited =
                lines.get(2).replace("\"model_version\":\"1.1\"", "\"model_version\":\"1.0\"");
        String body = edited.substring(0, edited.indexOf(",\"sha256\":\"")) + "}";
        String sha = Sha256.ofText(body);
        lines.set(
                2,
                edited.replaceFirst("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"" + sha + "\""));
        write(lines);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(3);
        assertThat(f.problem()).contains("entry 3 does not match its site-key signature");
        // Without the key only the chain is checked: the next entry still names the old hash.
        assertThat(DatasetLedger.verify(dir, DATASET, null).firstBad().orElseThrow().problem())
                .contains("entry 3 was changed after it was chained");
    }

    @Test
    void aDeletedLineIsNamed() throws Exception {
        List<String> lines = lines();
        lines.remove(1);
        write(lines);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(2);
        assertThat(f.problem()).contains("entry 2 was deleted");
    }

    @Test
    void aDeletedLastLineIsShownByTheSignedHead() throws Exception {
        List<String> lines = lines();
        lines.remove(3);
        write(lines);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(4);
        assertThat(f.problem()).contains("entry 4 was deleted", "the head record says 4 entries");
    }

    @Test
    void reorderedLinesAreNamed() throws Exception {
        List<String> lines = lines();
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        write(lines);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(2);
        assertThat(f.problem()).contains("entries were reordered", "entry 2 is on line 3");
    }

    @Test
    void aLineCopiedIntoAnotherDatasetsLedgerDoesNotVerifyThere() throws Exception {
        DatasetLedger.in(dir, TestKeys.SITE, Clock.systemUTC())
                .record(OTHER, access("lock", "lead", "2.0"));
        Path other = DatasetLedger.file(dir, OTHER);
        // Replace the other ledger by this one's first line, and its head by this one's.
        Files.writeString(other, lines().get(0) + "\n", StandardCharsets.UTF_8);
        AuditVerification v = DatasetLedger.verify(dir, OTHER, TestKeys.SITE.publicKey());
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBad().orElseThrow().problem())
                .contains("entry 1 does not match its site-key signature");
    }

    @Test
    void anotherSitesKeyIsNamed() throws Exception {
        AuditVerification v = DatasetLedger.verify(dir, DATASET, TestKeys.OTHER.publicKey());
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBad().orElseThrow().problem())
                .contains("not the site key " + TestKeys.OTHER.keyId());
    }

    @Test
    void aDatasetIsNamedByItsHashOnly() {
        assertThatThrownBy(() -> DatasetLedger.file(dir, "../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lower-case hexadecimal digits");
    }

    @Test
    void theDefaultFolderFollowsTheSiteKeystoresRules() {
        assertThat(
                        DatasetLedger.defaultLocation(
                                Map.of("CLINVAL_LEDGER", "/srv/ledger", "XDG_CONFIG_HOME", "/x"),
                                "/home/qa"))
                .isEqualTo(Path.of("/srv/ledger"));
        assertThat(DatasetLedger.defaultLocation(Map.of("XDG_CONFIG_HOME", "/x"), "/home/qa"))
                .isEqualTo(Path.of("/x/clinval/ledger"));
        assertThat(DatasetLedger.defaultLocation(Map.of(), "/home/qa"))
                .isEqualTo(Path.of("/home/qa/.config/clinval/ledger"));
    }
}
