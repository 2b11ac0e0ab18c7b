package org.clinval.workflows.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudySettings;
import org.clinval.workflows.StudyState;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.records.RunVerification.Finding;
import org.clinval.workflows.records.RunVerification.Kind;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.testing.Forger;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestServices;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One study run to its end (sealed), then each tampering an editor of the run folder could try, on
 * a copy of the folder in another directory: every one fails and names what differs.
 */
class RunVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    static Path inputs;
    static Path run;

    @BeforeAll
    static void runStudy() throws Exception {
        inputs = dir.resolve("inputs");
        Path protocol = StudyFixture.in(inputs).write();
        run = dir.resolve("run");
        StudySettings settings =
                StudySettings.builder()
                        .setServices(TestServices.create())
                        .setUsers(TestUsers.file())
                        .setSiteKey(TestKeys.SITE)
                        .optLedger(org.clinval.workflows.testing.TestRecords.ledger())
                        .optJobExecutor(false)
                        .build();
        try (StudyEngine e = StudyEngine.start(protocol, run, settings)) {
            e.complete(e.tasks().get(0).id(), "lead", Meaning.APPROVED, TestUsers.password(), null);
            e.executeJobs();
            assertThat(
                            e.complete(
                                            e.tasks().get(0).id(),
                                            "reviewer",
                                            Meaning.REVIEWED,
                                            TestUsers.password(),
                                            null)
                                    .state())
                    .isEqualTo(StudyState.PASSED);
        }
    }

    private static Path copy(String name) throws IOException {
        Path to = dir.resolve("copies").resolve(name);
        Files.createDirectories(to.getParent());
        // The case key lives beside the run folder; a copy made with it can check the images.
        Files.copy(
                org.clinval.workflows.service.InputCheckService.caseKey(run),
                org.clinval.workflows.service.InputCheckService.caseKey(to));
        try (Stream<Path> s = Files.walk(run)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    private static Finding firstBad(Path copy) throws IOException {
        RunVerification v = RunVerifier.verify(copy, TestKeys.SITE.publicKey());
        assertThat(v.ok()).isFalse();
        return v.firstBad().orElseThrow();
    }

    private static long entry(Path copy, String action) throws IOException {
        List<AuditEntry> all = AuditTrail.in(copy).entries();
        long found = -1;
        for (AuditEntry e : all) if (e.action().equals(action)) found = e.sequence();
        assertThat(found).as(action).isPositive();
        return found;
    }

    private static void flipLastByte(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        b[b.length - 1] ^= 1;
        Files.write(f, b);
    }

    @Test
    void anUntouchedRunCopiedElsewhereVerifiesEveryRecord() throws IOException {
        Path copy = copy("untouched");
        RunVerification v = RunVerifier.verify(copy, TestKeys.SITE.publicKey());
        assertThat(v.firstBad()).isEmpty();
        assertThat(v.ok()).isTrue();
        assertThat(v.sealed()).isTrue();
        assertThat(v.keyId()).isEqualTo(TestKeys.SITE.keyId());
        assertThat(v.entries()).isEqualTo(AuditTrail.in(run).entries().size());
        assertThat(v.signatures()).isEqualTo(2);
        assertThat(v.inputs()).isEqualTo(StudyFixture.CASES + 2); // images, model, ground truth
        assertThat(v.notes()).isEmpty();
        assertThat(Files.readString(copy.resolve(RunSeal.MANIFEST)))
                .contains(
                        "  audit-trail.jsonl\n",
                        "  signatures.jsonl\n",
                        "  archive/TEST-STUDY-1.zip\n")
                .doesNotContain("engine/", RunSeal.FILE);
    }

    @Test
    void anEntryRewrittenWithChainHeadCheckpointsAndSealRecomputedIsNamed() throws IOException {
        Path copy = copy("rewritten");
        int k = (int) entry(copy, "RunInference wrote the case results");
        Forger.withoutKey(copy)
                .rewrite(
                        k,
                        e ->
                                e.put(
                                        "reason",
                                        e.get("reason")
                                                .asText()
                                                .replace("60 results", "59 results")));
        assertThat(AuditTrail.verify(copy).ok()).as("no hash is out of place").isTrue();
        // The forger also rewrote the seal's audit head: its signature fails first.
        assertThat(firstBad(copy))
                .isEqualTo(
                        new Finding(
                                Kind.SEAL,
                                RunSeal.FILE,
                                "run-seal.json does not match its site-key signature: it was"
                                        + " rewritten without the site key"));
        Files.copy(
                run.resolve(RunSeal.FILE),
                copy.resolve(RunSeal.FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(firstBad(copy))
                .isEqualTo(
                        new Finding(
                                Kind.ENTRY,
                                "entry " + k,
                                "entry "
                                        + k
                                        + " does not match its site-key signature: it was written or"
                                        + " rewritten without the site key"));
    }

    @Test
    void aSignatureReassignedToAnotherUserIsNamed() throws IOException {
        Path copy = copy("reassigned");
        Path sigs = copy.resolve("signatures.jsonl");
        List<String> lines = Files.readAllLines(sigs);
        ObjectNode s = (ObjectNode) JSON.readTree(lines.get(1));
        s.put("user", "lead").put("printed_name", "Lee Lead");
        lines.set(1, JSON.writeValueAsString(s));
        Files.write(sigs, lines);
        assertThat(firstBad(copy))
                .isEqualTo(
                        new Finding(
                                Kind.SIGNATURE,
                                "signatures.jsonl line 2",
                                "signatures.jsonl line 2 does not match its site-key signature: it"
                                        + " was edited (user, name, meaning, object, hash, context"
                                        + " or audit entry)"));

        // Reassigned in the trail too, every hash recomputed: the rewritten entry is named.
        long k = s.get("audit_entries").asLong();
        Forger.withoutKey(copy).rewrite((int) k, e -> e.put("user", "lead"));
        Files.copy(
                run.resolve(RunSeal.FILE),
                copy.resolve(RunSeal.FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Finding f = firstBad(copy);
        assertThat(f.kind()).isEqualTo(Kind.ENTRY);
        assertThat(f.what()).isEqualTo("entry " + k);
    }

    @Test
    void aDeletedSignatureLineIsNamedByItsAuditEntry() throws IOException {
        Path copy = copy("deleted-signature");
        Path sigs = copy.resolve("signatures.jsonl");
        List<String> lines = Files.readAllLines(sigs);
        long k = JSON.readTree(lines.get(1)).get("audit_entries").asLong();
        Files.write(sigs, lines.subList(0, 1));
        assertThat(firstBad(copy))
                .isEqualTo(
                        new Finding(
                                Kind.SIGNATURE,
                                "signatures.jsonl",
                                "the signature of reviewer (reviewed) on reports.sha256 recorded at"
                                        + " audit entry "
                                        + k
                                        + " has no line in signatures.jsonl: a signature line was"
                                        + " deleted"));
    }

    @Test
    void theLastEntryDeletedWithItsHeadRecomputedIsNamed() throws IOException {
        Path copy = copy("deleted-last");
        long n = AuditTrail.in(copy).entries().size();
        Path seal = copy.resolve(RunSeal.FILE);
        String sealed = Files.readString(seal);
        Forger.withoutKey(copy).deleteLast();
        Files.writeString(seal, sealed); // the forger cannot re-sign the seal: left as it was
        assertThat(firstBad(copy))
                .isEqualTo(
                        new Finding(
                                Kind.ENTRY,
                                "entry " + n,
                                "entry "
                                        + n
                                        + " was deleted: the trail ends at "
                                        + (n - 1)
                                        + " but the run seal recorded "
                                        + n
                                        + " entries"));
    }

    @Test
    void aByteChangedInARecordedFileIsNamed() throws IOException {
        record Case(String file, String problem) {}
        Path probe = copy("probe");
        List<Case> cases =
                List.of(
                        new Case(
                                "metrics.json",
                                "metrics.json changed: its SHA-256 is not the one the trail recorded"
                                        + " at entry "
                                        + entry(probe, "Analyse computed the endpoints")
                                        + " (Analyse computed the endpoints)"),
                        new Case(
                                "reports/validation-report.txt",
                                "reports/validation-report.txt changed: its SHA-256 is not the one"
                                        + " reports.sha256 (recorded at entry "
                                        + entry(probe, "QaSignOff completed")
                                        + ") lists"),
                        new Case(
                                "archive/TEST-STUDY-1.zip",
                                "archive/TEST-STUDY-1.zip changed: its SHA-256 is not the one the"
                                        + " trail recorded at entry "
                                        + entry(probe, "Archive archived the run folder")
                                        + " (Archive archived the run folder)"),
                        new Case(
                                "protocol.yaml",
                                "protocol.yaml changed: its SHA-256 is not the one the trail"
                                        + " recorded at entry "
                                        + entry(probe, "RegisterProtocol copied the protocol")
                                        + " (RegisterProtocol copied the protocol)"),
                        new Case(
                                "manifest.sha256",
                                "manifest.sha256 changed: its SHA-256 is not the one the trail"
                                        + " recorded at entry "
                                        + entry(probe, "LockDataset locked the inputs")
                                        + " (LockDataset locked the inputs)"));
        for (Case c : cases) {
            Path copy = copy("byte-" + c.file().replace('/', '-'));
            flipLastByte(copy.resolve(c.file()));
            assertThat(firstBad(copy)).isEqualTo(new Finding(Kind.FILE, c.file(), c.problem()));
        }
    }

    @Test
    void aFileOnlyTheSealCoversChangedDeletedOrAddedIsNamed() throws IOException {
        Path changed = copy("seal-changed");
        flipLastByte(changed.resolve("quarantine.csv"));
        assertThat(firstBad(changed))
                .isEqualTo(
                        new Finding(
                                Kind.SEAL,
                                "quarantine.csv",
                                "quarantine.csv changed after the seal (run-manifest.sha256)"));
        Path deleted = copy("seal-deleted");
        Files.delete(deleted.resolve("quarantine.csv"));
        assertThat(firstBad(deleted).problem())
                .isEqualTo("quarantine.csv was deleted after the seal (run-manifest.sha256)");
        Path added = copy("seal-added");
        Files.writeString(added.resolve("reports/extra-report.txt"), "Study verdict: PASS\n");
        assertThat(firstBad(added))
                .isEqualTo(
                        new Finding(
                                Kind.SEAL,
                                "reports/extra-report.txt",
                                "reports/extra-report.txt was added after the seal"
                                        + " (run-manifest.sha256)"));
        Path manifest = copy("seal-manifest");
        flipLastByte(manifest.resolve(RunSeal.MANIFEST));
        assertThat(firstBad(manifest).problem())
                .isEqualTo(
                        "run-manifest.sha256 is not the manifest the seal signed: it was edited");
        Path unsealed = copy("seal-removed");
        Files.delete(unsealed.resolve(RunSeal.FILE));
        assertThat(firstBad(unsealed))
                .isEqualTo(
                        new Finding(
                                Kind.SEAL,
                                RunSeal.FILE,
                                "run-seal.json is missing, though the study ended at audit entry "
                                        + entry(unsealed, "study ended: passed")
                                        + ": the seal was deleted"));
    }

    @Test
    void aLockedInputIsCheckedWhereItsFolderExistsAndReportedAbsentElsewhere() throws IOException {
        Path copy = copy("inputs");
        Path image = inputs.resolve("data/dicom/case-007.dcm").toAbsolutePath().normalize();
        byte[] original = Files.readAllBytes(image);
        try {
            flipLastByte(image);
            assertThat(firstBad(copy))
                    .isEqualTo(
                            new Finding(
                                    Kind.FILE,
                                    "dataset-inventory.csv",
                                    "a locked image changed since the lock: case-007/F1 changed"));
            Files.delete(image);
            assertThat(firstBad(copy).problem())
                    .isEqualTo("a locked image changed since the lock: case-007/F1 was removed");
        } finally {
            Files.write(image, original);
        }
        Path away = dir.resolve("inputs-elsewhere");
        Files.move(inputs, away);
        try {
            RunVerification v = RunVerifier.verify(copy, TestKeys.SITE.publicKey());
            assertThat(v.ok()).isTrue();
            assertThat(v.inputs()).isZero();
            assertThat(v.notes())
                    .containsExactly(
                            "inputs not available here: "
                                    + inputs.toAbsolutePath().normalize()
                                    + " is absent",
                            "images not available here: the image folder of the protocol is absent");
        } finally {
            Files.move(away, inputs);
        }
    }

    @Test
    void aRunVerifiedWithAnotherSitesKeyNamesBothKeys() throws IOException {
        Finding f =
                RunVerifier.verify(copy("other-key"), TestKeys.OTHER.publicKey())
                        .firstBad()
                        .orElseThrow();
        assertThat(f)
                .isEqualTo(
                        new Finding(
                                Kind.KEY,
                                "key_id",
                                "the run is signed with key "
                                        + TestKeys.SITE.keyId()
                                        + ", but the public key given is "
                                        + TestKeys.OTHER.keyId()
                                        + ": verify it with the public key of the site that ran the"
                                        + " study"));
    }

    @Test
    void aRunResignedWholeWithAnotherKeyIsNamedAsSuch() throws IOException {
        Path copy = copy("resigned");
        Forger.withKey(copy, TestKeys.OTHER).rewrite(3, e -> e.put("user", "mallory"));
        RunVerification v = RunVerifier.verify(copy, TestKeys.SITE.publicKey());
        assertThat(v.firstBad().orElseThrow().kind()).isEqualTo(Kind.KEY);
        assertThat(v.firstBad().orElseThrow().problem())
                .startsWith("the run is signed with key " + TestKeys.OTHER.keyId() + ", but");
    }

    @Test
    void theSealListsTheTrailAsItWasAtTheEnd() throws IOException {
        RunSeal.Seal s = RunSeal.read(run).orElseThrow();
        assertThat(s.audit()).isEqualTo(AuditTrail.in(run).head());
        assertThat(s.verifies(TestKeys.SITE.publicKey())).isTrue();
        assertThat(s.verifies(TestKeys.OTHER.publicKey())).isFalse();
        assertThat(Files.readString(run.resolve(RunSeal.FILE), StandardCharsets.UTF_8))
                .contains("\"format\" : \"clinval-run-seal/1\"");
    }
}
