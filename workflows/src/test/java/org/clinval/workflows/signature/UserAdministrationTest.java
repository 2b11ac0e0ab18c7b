package org.clinval.workflows.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.testing.Forger;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each abuse of user administration is refused with its exact message and recorded in the
 * administration log; a registry edited by hand is refused when loaded, naming what differs.
 */
class UserAdministrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    Path file;
    UserAdministration admin;

    @BeforeEach
    void copyRegistry() throws IOException {
        file = TestUsers.copyTo(dir.resolve("registry"));
        admin = UserAdministration.open(file, TestKeys.SITE, Clock.systemUTC());
    }

    private AuditEntry lastLogEntry() throws IOException {
        List<AuditEntry> e =
                AuditTrail.log(file.getParent(), AdminLog.files(file), null, Clock.systemUTC())
                        .entries();
        return e.get(e.size() - 1);
    }

    private void refusedAndLogged(ThrowingAct act, String by, String message) throws IOException {
        String before = Files.readString(file);
        assertThatThrownBy(act::run)
                .isInstanceOf(AdministrationRefusedException.class)
                .hasMessage(message);
        AuditEntry e = lastLogEntry();
        assertThat(e.action()).isEqualTo("administration refused");
        assertThat(e.user()).isEqualTo(by);
        assertThat(e.reason()).isEqualTo(message);
        assertThat(Files.readString(file)).as("the registry is unchanged").isEqualTo(before);
    }

    interface ThrowingAct {
        void run() throws Exception;
    }

    private static char[] pw(String p) {
        return p.toCharArray();
    }

    @Test
    void addingAUserNeedsAnAdministratorsSignature() throws Exception {
        refusedAndLogged(
                () ->
                        admin.add(
                                null,
                                "carl",
                                "Carl",
                                Set.of(Roles.QA_LEAD),
                                pw("carl's password"),
                                false),
                "(none)",
                "user add of carl refused: it needs an administrator's signature (--admin ID)");
        refusedAndLogged(
                () ->
                        admin.add(
                                new UserAdministration.Credentials("admin", pw("not the password")),
                                "carl",
                                "Carl",
                                Set.of(),
                                pw("carl's password"),
                                false),
                "admin",
                "user add of carl refused: wrong password of administrator admin");
        refusedAndLogged(
                () ->
                        admin.add(
                                new UserAdministration.Credentials("lead", TestUsers.password()),
                                "carl",
                                "Carl",
                                Set.of(),
                                pw("carl's password"),
                                false),
                "lead",
                "user add of carl refused: lead is not an administrator (group admin)");
        UserAccount carl =
                admin.add(
                        TestUsers.admin(),
                        "carl",
                        "Carl Cole",
                        Set.of(Roles.QA_REVIEWER),
                        pw("carl's password"),
                        false);
        assertThat(UserRegistry.load(file, TestKeys.SITE.publicKey()).find("carl")).contains(carl);
        AuditEntry e = lastLogEntry();
        assertThat(e.action()).isEqualTo("user added");
        assertThat(e.user()).isEqualTo("admin");
        assertThat(e.reason()).isEqualTo("groups: qa-reviewer; name: Carl Cole");
        assertThat(e.objectSha256()).contains(carl.recordSha256());
    }

    @Test
    void anExistingUserIsNeverReplacedByAdd() throws Exception {
        refusedAndLogged(
                () ->
                        admin.add(
                                TestUsers.admin(),
                                "lead",
                                "Mallory",
                                Set.of(Roles.QA_LEAD),
                                pw("mallory's password"),
                                false),
                "admin",
                "user add of lead refused: user lead exists (use reset-password, grant or revoke)");
        assertThat(
                        UserRegistry.load(file, TestKeys.SITE.publicKey())
                                .find("lead")
                                .orElseThrow()
                                .password()
                                .matches(TestUsers.password()))
                .isTrue();
    }

    @Test
    void onlyAnAdministratorResetsAPasswordAndAUserChangesItsOwnWithTheOldOne() throws Exception {
        refusedAndLogged(
                () ->
                        admin.resetPassword(
                                new UserAdministration.Credentials(
                                        "reviewer", TestUsers.password()),
                                "lead",
                                pw("a new password")),
                "reviewer",
                "password reset of lead refused: reviewer is not an administrator (group admin)");
        refusedAndLogged(
                () -> admin.changePassword("lead", pw("not the old one"), pw("a new password")),
                "lead",
                "password change of lead refused: wrong old password");
        admin.changePassword("lead", TestUsers.password(), pw("a new password"));
        UserAccount lead =
                UserRegistry.load(file, TestKeys.SITE.publicKey()).find("lead").orElseThrow();
        assertThat(lead.password().matches(pw("a new password"))).isTrue();
        assertThat(lead.password().matches(TestUsers.password())).isFalse();
        assertThat(lastLogEntry().action()).isEqualTo("password changed");
        admin.resetPassword(TestUsers.admin(), "lead", pw("reset by admin"));
        assertThat(lastLogEntry().user()).isEqualTo("admin");
        assertThat(lastLogEntry().action()).isEqualTo("password reset");
    }

    @Test
    void bothQaRolesForOneUserNeedAnExplicitAcknowledgement() throws Exception {
        refusedAndLogged(
                () -> admin.grant(TestUsers.admin(), "lead", Roles.QA_REVIEWER, false),
                "admin",
                "grant of qa-reviewer to lead refused: lead would hold both qa-lead and"
                        + " qa-reviewer: give --allow-both-roles to acknowledge it");
        refusedAndLogged(
                () ->
                        admin.add(
                                TestUsers.admin(),
                                "dual",
                                "Dee Dual",
                                Set.of(Roles.QA_LEAD, Roles.QA_REVIEWER),
                                pw("dual's password"),
                                false),
                "admin",
                "user add of dual refused: dual would hold both qa-lead and qa-reviewer: give"
                        + " --allow-both-roles to acknowledge it");
        UserAccount lead = admin.grant(TestUsers.admin(), "lead", Roles.QA_REVIEWER, true);
        assertThat(lead.groups()).containsExactlyInAnyOrder(Roles.QA_LEAD, Roles.QA_REVIEWER);
        assertThat(lastLogEntry().reason())
                .isEqualTo(
                        "both roles acknowledged (--allow-both-roles); groups: qa-lead,"
                                + " qa-reviewer; name: Lee Lead");
        UserAccount back = admin.revoke(TestUsers.admin(), "lead", Roles.QA_REVIEWER);
        assertThat(back.groups()).containsExactly(Roles.QA_LEAD);
        refusedAndLogged(
                () -> admin.revoke(TestUsers.admin(), "lead", Roles.QA_REVIEWER),
                "admin",
                "revoke of qa-reviewer from lead refused: lead is not in group qa-reviewer");
    }

    @Test
    void theRegistryAndItsLogAreForTheirOwnerOnly() throws Exception {
        admin.grant(TestUsers.admin(), "reviewer", "auditor", false);
        for (Path f : List.of(file, admin.logFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .as(f.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(admin.logFile().getFileName().toString()).isEqualTo("users-admin-log.jsonl");
    }

    @Test
    void theFirstAdministratorIsCreatedOnceOnly() throws Exception {
        refusedAndLogged(
                () -> admin.initialize("eve", "Eve", pw("eve's password")),
                "eve",
                "creating the first administrator eve refused: the user registry "
                        + file
                        + " already has users");
    }

    private void edit(Consumer<ArrayNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        change.accept((ArrayNode) root.get("users"));
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static ObjectNode user(ArrayNode users, String id) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).get("id").asText().equals(id)) return (ObjectNode) users.get(i);
        }
        throw new AssertionError(id);
    }

    private void refusedOnLoad(String message) throws IOException {
        assertThatThrownBy(() -> UserRegistry.load(file, TestKeys.SITE.publicKey()))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> UserAdministration.open(file, TestKeys.SITE, Clock.systemUTC()))
                .hasMessage(message);
        AuditEntry e = lastLogEntry();
        assertThat(e.action()).isEqualTo("registry refused");
        assertThat(e.reason()).isEqualTo(message);
    }

    @Test
    void aGroupAddedByHandIsNamed() throws IOException {
        edit(u -> ((ArrayNode) user(u, "lead").get("groups")).add(Roles.ADMIN));
        refusedOnLoad(
                file
                        + ": user lead has groups [admin, qa-lead] but the administration log (entry 2)"
                        + " gives [qa-lead]: the file was edited by hand");
    }

    @Test
    void aUserAddedByHandIsNamed() throws IOException {
        edit(u -> u.add(user(u, "lead").deepCopy().put("id", "mallory")));
        refusedOnLoad(
                file
                        + ": user mallory was not added by an administrator (the administration log"
                        + " has no record of it): the file was edited by hand");
    }

    @Test
    void aPasswordHashReplacedByHandIsNamed() throws IOException {
        edit(u -> user(u, "admin").put("password", user(u, "reviewer").get("password").asText()));
        refusedOnLoad(
                file
                        + ": the password hash of user admin is not the one set through the"
                        + " administration log (entry 1): the file was edited by hand");
    }

    @Test
    void aUserRemovedByHandIsNamed() throws IOException {
        edit(u -> u.remove(0)); // admin, the first by id
        refusedOnLoad(
                file
                        + ": user admin is missing, though the administration log (entry 1) has it:"
                        + " the file was edited by hand");
    }

    @Test
    void anOlderCopyOfTheRegistryIsRefused() throws Exception {
        String older = Files.readString(file);
        admin.grant(TestUsers.admin(), "reviewer", "auditor", false);
        admin.revoke(TestUsers.admin(), "reviewer", "auditor");
        Files.writeString(file, older);
        refusedOnLoad(
                file
                        + " was signed at administration-log entry 4, but the log records changes up to"
                        + " entry 6: it is an older copy of the registry");
    }

    @Test
    void aRegistryOfAnotherKeyOrAnEditedLogIsRefused() throws Exception {
        assertThatThrownBy(() -> UserRegistry.load(file, TestKeys.OTHER.publicKey()))
                .hasMessage(
                        file
                                + " is signed with key "
                                + TestKeys.SITE.keyId()
                                + ", not the site key "
                                + TestKeys.OTHER.keyId());
        Path log = admin.logFile();
        Files.writeString(log, Files.readString(log).replace("Lee Lead", "Lee Leader"));
        assertThatThrownBy(() -> UserRegistry.load(file, TestKeys.SITE.publicKey()))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessage(log + ": entry 2 was edited: its content does not match its hash");
    }

    @Test
    void aLogRewrittenWithItsHashesRecomputedStillFailsItsSignatures() throws Exception {
        // The forger works on the log as on a run trail: rename the files so the forger finds them.
        Path logDir = dir.resolve("forged");
        Files.createDirectories(logDir);
        Files.copy(admin.logFile(), logDir.resolve("audit-trail.jsonl"));
        Files.copy(
                file.getParent().resolve("users-admin-log-head.json"),
                logDir.resolve("audit-head.json"));
        Forger.withoutKey(logDir)
                .rewrite(2, e -> e.put("reason", "groups: admin, qa-lead; name: Lee Lead"));
        Files.copy(
                logDir.resolve("audit-trail.jsonl"),
                admin.logFile(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                logDir.resolve("audit-head.json"),
                file.getParent().resolve("users-admin-log-head.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> UserRegistry.load(file, TestKeys.SITE.publicKey()))
                .hasMessage(
                        admin.logFile()
                                + ": entry 2 does not match its site-key signature: it was written or"
                                + " rewritten without the site key");
    }
}
