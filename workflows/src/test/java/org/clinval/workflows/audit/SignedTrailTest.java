package org.clinval.workflows.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.workflows.testing.Forger;
import org.clinval.workflows.testing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the site key adds to the chain: a forger who rewrites an entry and recomputes the chain, the
 * head and the checkpoints passes the structural check but not the signed one.
 */
class SignedTrailTest {

    private static final int N = 6;

    @TempDir Path dir;

    @BeforeEach
    void writeTrail() {
        AuditTrail t = AuditTrail.in(dir, TestKeys.SITE);
        for (int i = 1; i <= N; i++) {
            t.record(
                    "alice",
                    "step " + i,
                    "object-" + i,
                    "20 cases in: 20 results",
                    Optional.empty());
            if (i == 3) t.checkpoint("the signature of alice on object-3");
        }
    }

    private AuditVerification.Finding firstBad() throws IOException {
        AuditVerification v = AuditTrail.verify(dir, TestKeys.SITE.publicKey());
        assertThat(v.ok()).isFalse();
        return v.firstBad().orElseThrow();
    }

    @Test
    void anUntouchedTrailVerifiesWithTheSiteKeyAndEveryLineNamesIt() throws IOException {
        AuditVerification v = AuditTrail.verify(dir, TestKeys.SITE.publicKey());
        assertThat(v.ok()).isTrue();
        assertThat(v.entries()).isEqualTo(N);
        assertThat(AuditTrail.in(dir).entries())
                .extracting(AuditEntry::keyId)
                .containsOnly(TestKeys.SITE.keyId());
        assertThat(Files.readString(dir.resolve(AuditTrail.HEAD)))
                .contains("\"key_id\":\"" + TestKeys.SITE.keyId() + "\"")
                .contains("\"signature\":\"");
    }

    @Test
    void anEntryRewrittenWithChainHeadAndCheckpointsRecomputedIsNamedByItsSignature()
            throws IOException {
        Forger.withoutKey(dir).rewrite(2, e -> e.put("reason", "20 cases in: 19 results"));
        assertThat(AuditTrail.verify(dir).ok()).as("every hash was recomputed").isTrue();
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(2);
        assertThat(f.what()).isEqualTo("entry 2");
        assertThat(f.problem())
                .isEqualTo(
                        "entry 2 does not match its site-key signature: it was written or"
                                + " rewritten without the site key");
    }

    @Test
    void aTrailResignedWithAnotherKeyNamesBothKeys() throws IOException {
        Forger.withKey(dir, TestKeys.OTHER).rewrite(4, e -> e.put("user", "mallory"));
        assertThat(AuditTrail.verify(dir, TestKeys.OTHER.publicKey()).ok()).isTrue();
        AuditVerification.Finding f = firstBad();
        assertThat(f.sequence()).isEqualTo(1);
        assertThat(f.problem())
                .isEqualTo(
                        "entry 1 is signed with key "
                                + TestKeys.OTHER.keyId()
                                + ", not the site key "
                                + TestKeys.SITE.keyId());
    }

    @Test
    void deletingTheLastEntryAndRecomputingTheHeadIsFoundByTheHeadsSignature() throws IOException {
        Forger.withoutKey(dir).deleteLast();
        assertThat(AuditTrail.verify(dir).ok()).isTrue();
        AuditVerification.Finding f = firstBad();
        assertThat(f.what()).isEqualTo(AuditTrail.HEAD);
        assertThat(f.problem())
                .isEqualTo(
                        "audit-head.json does not match its site-key signature: it was rewritten"
                                + " without the site key");
    }

    @Test
    void aForgedCheckpointIsNamedByItsLine() throws IOException {
        Path cp = dir.resolve(AuditTrail.CHECKPOINTS);
        Files.writeString(cp, Files.readString(cp).replace("alice on object-3", "bob on object-3"));
        AuditVerification.Finding f = firstBad();
        assertThat(f.what()).isEqualTo("audit-checkpoints.jsonl line 1");
        assertThat(f.problem())
                .endsWith(
                        "does not match its site-key signature: it was rewritten without the site key");
    }

    @Test
    void anAnchorKeptElsewhereNamesADeletedOrAnAddedEntry() throws IOException {
        AuditTrail.Head sealed = AuditTrail.in(dir).head();
        AuditTrail.Anchor seal = new AuditTrail.Anchor("the run seal", sealed, true);
        AuditTrail.in(dir, TestKeys.SITE).record("system", "late", "x", "", Optional.empty());
        AuditVerification v =
                AuditTrail.verify(dir, TrailFiles.RUN, TestKeys.SITE.publicKey(), List.of(seal));
        assertThat(v.firstBad().orElseThrow().problem())
                .isEqualTo("entry 7 was added after the run seal, which recorded 6 entries");

        Path other = dir.resolve("b");
        AuditTrail t = AuditTrail.in(other, TestKeys.SITE);
        for (int i = 1; i <= 3; i++) t.record("alice", "s" + i, "o", "", Optional.empty());
        AuditTrail.Head three = AuditTrail.in(other).head();
        Forger.withoutKey(other).deleteLast();
        AuditVerification w =
                AuditTrail.verify(
                        other,
                        TrailFiles.RUN,
                        TestKeys.SITE.publicKey(),
                        List.of(new AuditTrail.Anchor("the run seal", three, true)));
        assertThat(w.firstBad().orElseThrow().problem())
                .isEqualTo(
                        "entry 3 was deleted: the trail ends at 2 but the run seal recorded 3"
                                + " entries");
    }

    @Test
    void aTrailOpenedWithoutTheKeyIsReadOnly() {
        assertThatThrownBy(() -> AuditTrail.in(dir).record("a", "b", "c", "", Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "audit-trail.jsonl in "
                                + dir.toAbsolutePath().normalize()
                                + " was opened without the site key: it can be read, not written");
    }

    @Test
    void aLogUnderOtherNamesIsWrittenForItsOwnerOnlyAndCannotBorrowARunsEntries()
            throws IOException {
        Path logDir = dir.resolve("registry");
        TrailFiles files = TrailFiles.named("users-admin-log");
        AuditTrail log = AuditTrail.log(logDir, files, TestKeys.SITE, Clock.systemUTC());
        log.record("admin", "user added", "lee", "", Optional.of(Sha256.ofText("lee")));
        for (String f : List.of(files.trail(), files.head())) {
            assertThat(
                            PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(logDir.resolve(f))))
                    .as(f)
                    .isEqualTo("rw-------");
        }
        assertThat(AuditTrail.verify(logDir, files, TestKeys.SITE.publicKey(), List.of()).ok())
                .isTrue();
        // The run trail's first line, moved into the log, is signed for another file.
        String runLine =
                Files.readAllLines(dir.resolve(AuditTrail.FILE), StandardCharsets.UTF_8).get(0);
        Files.writeString(logDir.resolve(files.trail()), runLine + "\n");
        AuditVerification v =
                AuditTrail.verify(logDir, files, TestKeys.SITE.publicKey(), List.of());
        assertThat(v.firstBad().orElseThrow().problem())
                .startsWith("entry 1 does not match its site-key signature");
    }
}
