package org.clinval.workflows.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.clinval.common.Sha256;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureTest {

    @TempDir Path dir;

    @Test
    void passwordHashesAreSaltedSlowAndRoundTrip() {
        // RFC 8018 PBKDF2 via the JDK's PBKDF2WithHmacSHA256; the minimum count keeps this fast.
        PasswordHash a =
                PasswordHash.create(
                        "a long password".toCharArray(), PasswordHash.MINIMUM_ITERATIONS);
        PasswordHash b =
                PasswordHash.create(
                        "a long password".toCharArray(), PasswordHash.MINIMUM_ITERATIONS);
        assertThat(a.salt()).hasSize(16).isNotEqualTo(b.salt());
        assertThat(a.hash()).hasSize(32).isNotEqualTo(b.hash());
        assertThat(a.matches("a long password".toCharArray())).isTrue();
        assertThat(a.matches("a long passworD".toCharArray())).isFalse();
        assertThat(PasswordHash.decode(a.encode())).isEqualTo(a);
        assertThat(a.encode()).startsWith("pbkdf2-sha256$100000$");
        assertThat(a.toString()).doesNotContain(a.encode().substring(25));
        assertThat(PasswordHash.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void weakPasswordsAndLowCountsAreRefused() {
        assertThatThrownBy(() -> PasswordHash.create("short".toCharArray()))
                .hasMessage("password is too short: 5 characters, need at least 8");
        assertThatThrownBy(() -> PasswordHash.create("long enough".toCharArray(), 1000))
                .hasMessage("PBKDF2 iteration count is below 100000: 1000");
        assertThatThrownBy(() -> PasswordHash.decode("md5$abc"))
                .hasMessageStartingWith("password hash is not valid");
    }

    @Test
    void theRegistryKeepsNoClearPasswordAndRefusesReservedIds() throws Exception {
        Path file = TestUsers.copyTo(dir.resolve("registry"));
        UserAdministration a = UserAdministration.open(file, TestKeys.SITE, Clock.systemUTC());
        assertThatThrownBy(
                        () ->
                                a.add(
                                        TestUsers.admin(),
                                        "system",
                                        "S",
                                        Set.of(),
                                        "long enough".toCharArray(),
                                        false))
                .hasMessage("user id is reserved for automatic steps: system");
        assertThatThrownBy(
                        () ->
                                a.add(
                                        TestUsers.admin(),
                                        "Bad Id",
                                        "S",
                                        Set.of(),
                                        "long enough".toCharArray(),
                                        false))
                .hasMessageStartingWith("user id is not lower-case");
        String text = Files.readString(TestUsers.file());
        assertThat(text)
                .doesNotContain(TestUsers.PASSWORD)
                .contains("\"Lee Lead\"")
                .contains("qa-lead");
        UserAccount lead = TestUsers.registry().find("lead").orElseThrow();
        assertThat(lead.isIn("qa-lead")).isTrue();
        assertThat(lead.isIn("qa-reviewer")).isFalse();
        assertThat(lead.password().iterations()).isEqualTo(PasswordHash.DEFAULT_ITERATIONS);
    }

    @Test
    void aSignatureBindsUserNameMeaningTimeAndTheHashOfWhatIsSigned() throws Exception {
        Path report = dir.resolve("report.txt");
        Files.writeString(report, "PASS\n");
        Signature s =
                new Signer(TestUsers.registry(), dir, TestKeys.SITE)
                        .sign(
                                "reviewer",
                                TestUsers.PASSWORD.toCharArray(),
                                Meaning.REVIEWED,
                                report,
                                "task QaSignOff 1");
        assertThat(s.userId()).isEqualTo("reviewer");
        assertThat(s.printedName()).isEqualTo("Rae Reviewer");
        assertThat(s.meaning()).isEqualTo(Meaning.REVIEWED);
        assertThat(s.object()).isEqualTo("report.txt");
        assertThat(s.objectSha256()).isEqualTo(Sha256.of(report));
        assertThat(s.manifestation()).startsWith("Rae Reviewer (reviewer), reviewed, ");
        assertThat(Signer.signatures(dir)).containsExactly(s);
        List<AuditEntry> trail = AuditTrail.in(dir).entries();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).action()).isEqualTo("signed (reviewed)");
        assertThat(trail.get(0).objectSha256()).contains(s.objectSha256());
        assertThat(s.auditEntries()).isEqualTo(1);
        assertThat(s.keyId()).isEqualTo(TestKeys.SITE.keyId());
        assertThat(s.verifies(TestKeys.SITE.publicKey())).isTrue();
        assertThat(s.verifies(TestKeys.OTHER.publicKey())).isFalse();
        assertThat(s.auditSha256()).isEqualTo(trail.get(0).sha256());
        assertThat(Files.readString(dir.resolve(AuditTrail.CHECKPOINTS)))
                .contains("the signature of reviewer on report.txt");
    }

    @Test
    void unknownUsersAndWrongPasswordsAreRefusedAndAudited() throws Exception {
        Path report = dir.resolve("report.txt");
        Files.writeString(report, "PASS\n");
        Signer signer = new Signer(TestUsers.registry(), dir, TestKeys.SITE);
        char[] wrong = "not the password".toCharArray();
        assertThatThrownBy(() -> signer.sign("reviewer", wrong, Meaning.REVIEWED, report, "c"))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessage("signature of reviewer refused: wrong password (c)");
        assertThat(wrong).containsOnly('\0');
        assertThatThrownBy(
                        () ->
                                signer.sign(
                                        "nobody",
                                        "whatever1".toCharArray(),
                                        Meaning.REVIEWED,
                                        report,
                                        "c"))
                .hasMessage("signature of nobody refused: unknown user (c)");
        assertThat(AuditTrail.in(dir).entries())
                .extracting(AuditEntry::action, AuditEntry::user)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("signature refused", "reviewer"),
                        org.assertj.core.groups.Tuple.tuple("signature refused", "nobody"));
        assertThat(Signer.signatures(dir)).isEmpty();
    }
}
