package org.clinval.workflows.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.workflows.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every single change of a trail is found and named by its structure alone: edit, deletion,
 * insertion, reordering ({@link SignedTrailTest} adds what the site key shows).
 */
class AuditTrailTest {

    private static final int N = 8;

    @TempDir Path dir;
    Path file;

    @BeforeEach
    void writeTrail() {
        AuditTrail t =
                AuditTrail.in(
                        dir,
                        TestKeys.SITE,
                        Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        for (int i = 1; i <= N; i++) {
            t.record(
                    i % 2 == 0 ? "alice" : AuditTrail.SYSTEM,
                    "step " + i,
                    "object-" + i + ".txt",
                    "reason " + i,
                    i % 3 == 0 ? Optional.empty() : Optional.of(Sha256.ofText("object " + i)));
        }
        file = dir.resolve(AuditTrail.FILE);
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private AuditVerification.Finding firstBad() throws IOException {
        AuditVerification v = AuditTrail.verify(dir);
        assertThat(v.ok()).isFalse();
        return v.firstBad().orElseThrow();
    }

    @Test
    void aFreshTrailVerifies() throws IOException {
        AuditVerification v = AuditTrail.verify(dir);
        assertThat(v.ok()).isTrue();
        assertThat(v.entries()).isEqualTo(N);
        assertThat(v.firstBad()).isEmpty();
        List<AuditEntry> e = AuditTrail.in(dir).entries();
        assertThat(e.get(0).previousSha256()).isEqualTo(Sha256.ZERO);
        for (int i = 1; i < N; i++) {
            assertThat(e.get(i).previousSha256()).isEqualTo(e.get(i - 1).sha256());
            assertThat(e.get(i).sequence()).isEqualTo(i + 1);
        }
        assertThat(e.get(2).objectSha256()).isEmpty();
        assertThat(e.get(3).time()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void anEmptyFolderIsAnEmptyIntactTrail() throws IOException {
        AuditVerification v = AuditTrail.verify(dir.resolve("none"));
        assertThat(v.ok()).isTrue();
        assertThat(v.entries()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, N})
    void anEditedEntryIsNamed(int k) throws IOException {
        List<String> l = lines();
        l.set(k - 1, l.get(k - 1).replace("\"reason " + k + "\"", "\"reason changed\""));
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(k);
        assertThat(f.problem()).contains("entry " + k + " was edited");
    }

    @Test
    void aWhiteSpaceEditIsAnEdit() throws IOException {
        List<String> l = lines();
        l.set(2, l.get(2).replace(",\"user\":", ", \"user\":"));
        write(l);
        assertThat(firstBad().sequence()).isEqualTo(3);
    }

    @Test
    void anEditWithItsHashRecomputedIsNamedByTheNextEntry() throws IOException {
        List<String> l = lines();
        AuditEntry e = AuditLine.parse(l.get(4)).entry();
        AuditEntry forged =
                AuditLine.create(
                        AuditTrail.FILE,
                        TestKeys.OTHER,
                        e.sequence(),
                        e.time(),
                        "mallory",
                        e.action(),
                        e.object(),
                        e.reason(),
                        e.objectSha256(),
                        e.previousSha256());
        l.set(4, AuditLine.text(forged));
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(5);
        assertThat(f.problem()).contains("entry 5 was changed after it was chained");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, N - 1})
    void aDeletedEntryIsNamed(int k) throws IOException {
        List<String> l = lines();
        l.remove(k - 1);
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(k);
        assertThat(f.problem()).contains("entry " + k + " was deleted");
    }

    @Test
    void deletingTheLastEntryIsFoundThroughTheHead() throws IOException {
        List<String> l = lines();
        l.remove(N - 1);
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(N);
        assertThat(f.problem())
                .isEqualTo(
                        "entry "
                                + N
                                + " was deleted: the trail ends at "
                                + (N - 1)
                                + " but the head record says "
                                + N
                                + " entries");
    }

    @Test
    void deletingTheLastEntryAndRewritingTheHeadIsFoundThroughACheckpoint() throws IOException {
        AuditTrail t = AuditTrail.in(dir, TestKeys.SITE);
        t.checkpoint("the signature of alice on report.pdf");
        List<String> l = lines();
        l.remove(N - 1);
        write(l);
        AuditEntry last = AuditLine.parse(l.get(N - 2)).entry();
        Files.writeString(
                dir.resolve(AuditTrail.HEAD),
                "{\"entries\":" + (N - 1) + ",\"sha256\":\"" + last.sha256() + "\"}\n");
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(N);
        assertThat(f.problem())
                .contains("the signature of alice on report.pdf recorded " + N + " entries");
    }

    @Test
    void aMissingHeadIsReported() throws IOException {
        Files.delete(dir.resolve(AuditTrail.HEAD));
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(N + 1);
        assertThat(f.problem()).contains("head record audit-head.json is missing");
    }

    @Test
    void aForgedEntryInsertedIntoTheChainIsNamed() throws IOException {
        List<String> l = lines();
        AuditEntry before = AuditLine.parse(l.get(2)).entry(); // entry 3
        AuditEntry forged =
                AuditLine.create(
                        AuditTrail.FILE,
                        TestKeys.OTHER,
                        4,
                        before.time(),
                        "mallory",
                        "approved everything",
                        "report.pdf",
                        "",
                        Optional.empty(),
                        before.sha256());
        l.add(3, AuditLine.text(forged)); // becomes line 4, chained to entry 3
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(4);
        assertThat(f.problem()).contains("line 4 was inserted");
    }

    @Test
    void aLineThatIsNoEntryIsNamed() throws IOException {
        List<String> l = lines();
        l.add(5, "{\"sequence\":6,\"note\":\"added by hand\"}");
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(6);
        assertThat(f.problem()).contains("line 6 is not an audit entry");
    }

    @Test
    void aCopiedEntryInsertedLaterIsNamed() throws IOException {
        List<String> l = lines();
        l.add(6, l.get(1)); // a copy of entry 2 as line 7
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(7);
        assertThat(f.problem()).contains("a copy of entry 2 was inserted at line 7");
    }

    @Test
    void anEntryAppendedWithoutTheHeadIsNamed() throws IOException {
        List<String> l = lines();
        AuditEntry last = AuditLine.parse(l.get(N - 1)).entry();
        l.add(
                AuditLine.text(
                        AuditLine.create(
                                AuditTrail.FILE,
                                TestKeys.OTHER,
                                N + 1,
                                last.time(),
                                "mallory",
                                "late",
                                "x",
                                "",
                                Optional.empty(),
                                last.sha256())));
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(N + 1);
        assertThat(f.problem()).contains("inserted at the end");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, N - 1})
    void swappedEntriesAreNamed(int k) throws IOException {
        List<String> l = lines();
        Collections.swap(l, k - 1, k);
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(k);
        assertThat(f.problem())
                .isEqualTo(
                        "entries were reordered: line "
                                + k
                                + " holds entry "
                                + (k + 1)
                                + " and entry "
                                + k
                                + " is on line "
                                + (k + 1));
    }

    @Test
    void anEntryMovedToTheEndIsNamed() throws IOException {
        List<String> l = lines();
        l.add(l.remove(2));
        write(l);
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(3);
        assertThat(f.problem()).contains("reordered").contains("entry 3 is on line " + N);
    }

    @Test
    void appendingContinuesTheChainFromTheLastLine() throws IOException {
        AuditEntry e =
                AuditTrail.in(dir, TestKeys.SITE).record("bob", "more", "y", "", Optional.empty());
        assertThat(e.sequence()).isEqualTo(N + 1);
        assertThat(e.previousSha256()).isEqualTo(AuditTrail.in(dir).entries().get(N - 1).sha256());
        assertThat(AuditTrail.verify(dir).ok()).isTrue();
        assertThat(AuditTrail.in(dir).head()).isEqualTo(new AuditTrail.Head(N + 1, e.sha256()));
    }
}
