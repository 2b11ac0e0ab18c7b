package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clinval keys} and {@code clinval user} as a user and an attacker would run them: every
 * abuse is one line on stderr, exit 1, and (where the site key is at hand) a line in the
 * administration log.
 */
class KeysAndUsersCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    SiteFixture site;

    @BeforeEach
    void site() throws IOException {
        site = SiteFixture.init(dir);
    }

    private static String line(CliRun r) {
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        return r.err().strip();
    }

    private void refusedAndLogged(CliRun r, String by, String message) throws IOException {
        assertThat(line(r)).isEqualTo("clinval: " + message);
        JsonNode logged = JSON.readTree(site.lastLogLine());
        assertThat(logged.get("action").asText()).isEqualTo("administration refused");
        assertThat(logged.get("user").asText()).isEqualTo(by);
        assertThat(logged.get("reason").asText()).isEqualTo(message);
    }

    @Test
    void initCreatesAKeystoreForItsOwnerAndNeverReplacesIt() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site.keystore)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site.users)))
                .isEqualTo("rw-------");
        String before = Files.readString(site.keystore);
        CliRun again =
                site.run(
                        "keys",
                        "init",
                        "--admin",
                        "eve",
                        "--name",
                        "Eve",
                        "--password-file",
                        site.password.toString());
        assertThat(line(again))
                .isEqualTo(
                        "clinval: the keystore "
                                + site.keystore
                                + " exists: a site key is never replaced");
        assertThat(Files.readString(site.keystore)).isEqualTo(before);

        CliRun exported = site.run("keys", "export-public");
        assertThat(exported.exit()).isZero();
        JsonNode k = exported.json();
        assertThat(k.get("format").asText()).isEqualTo("clinval-site-public-key/1");
        assertThat(k.get("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(k.get("key_id").asText()).hasSize(16);
        assertThat(exported.out()).doesNotContain("private_key");
        Path out = dir.resolve("export/site.pub.json");
        CliRun written = site.run("keys", "export-public", "--out", out.toString());
        assertThat(written.json().get("key_id").asText()).isEqualTo(k.get("key_id").asText());
        assertThat(Files.readString(out)).isEqualTo(exported.out());
    }

    @Test
    void aKeystoreOrPassphraseFileOthersCanReadIsRefusedWithTheFix() throws IOException {
        Files.setPosixFilePermissions(site.keystore, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(line(site.asAdmin("user", "grant", "admin", "--group", "qa-lead")))
                .isEqualTo(
                        "clinval: "
                                + site.keystore
                                + " is readable by group or others (mode rw-r--r--): chmod 600 "
                                + site.keystore);
        Files.setPosixFilePermissions(site.keystore, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(
                site.passphrase, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(line(site.asAdmin("user", "grant", "admin", "--group", "qa-lead")))
                .isEqualTo(
                        "clinval: "
                                + site.passphrase
                                + " is readable by group or others (mode rw-r--r--): chmod 600 "
                                + site.passphrase);
        Files.setPosixFilePermissions(
                site.passphrase, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(site.passphrase, "not the passphrase\n");
        assertThat(line(site.asAdmin("user", "grant", "admin", "--group", "qa-lead")))
                .isEqualTo(
                        "clinval: wrong passphrase for the keystore "
                                + site.keystore
                                + " (or the file was altered)");
    }

    @Test
    void addingUsersNeedsAnAdministratorAndNeverReplacesOne() throws IOException {
        refusedAndLogged(
                site.run(
                        "user",
                        "add",
                        "carl",
                        "--name",
                        "Carl",
                        "--group",
                        "qa-lead",
                        "--password-file",
                        site.password.toString()),
                "(none)",
                "user add of carl refused: it needs an administrator's signature (--admin ID)");
        site.addUser("lee", "Lee Lead", "qa-lead");
        site.addUser("rae", "Rae Reviewer", "qa-reviewer");
        refusedAndLogged(
                site.asAdmin(
                        "user",
                        "add",
                        "lee",
                        "--name",
                        "Mallory",
                        "--group",
                        "qa-lead",
                        "--password-file",
                        site.password.toString()),
                "admin",
                "user add of lee refused: user lee exists (use reset-password, grant or revoke)");
        refusedAndLogged(
                site.run(
                        "user",
                        "add",
                        "carl",
                        "--name",
                        "Carl",
                        "--group",
                        "admin",
                        "--password-file",
                        site.password.toString(),
                        "--admin",
                        "lee",
                        "--admin-password-file",
                        site.password.toString()),
                "lee",
                "user add of carl refused: lee is not an administrator (group admin)");
        Path open = dir.resolve("open-password");
        Files.writeString(open, "a password others can read\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        refusedAndLogged(
                site.asAdmin(
                        "user",
                        "add",
                        "carl",
                        "--name",
                        "Carl",
                        "--group",
                        "qa-lead",
                        "--password-file",
                        open.toString()),
                "admin",
                "user add of carl refused: "
                        + open
                        + " is readable by group or others (mode rw-r--r--): chmod 600 "
                        + open);

        CliRun list = site.run("user", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.json().get("users").toString())
                .isEqualTo(
                        "[{\"user\":\"admin\",\"name\":\"Ada Admin\",\"groups\":[\"admin\"]},"
                                + "{\"user\":\"lee\",\"name\":\"Lee Lead\",\"groups\":[\"qa-lead\"]},"
                                + "{\"user\":\"rae\",\"name\":\"Rae Reviewer\",\"groups\":[\"qa-reviewer\"]}]");
        assertThat(list.out()).doesNotContain("pbkdf2");
        assertThat(Files.readString(site.users))
                .doesNotContain(SiteFixture.PASSWORD)
                .contains("pbkdf2-sha256$600000$");
    }

    @Test
    void passwordsAreResetByAnAdministratorOrChangedWithTheOldOne() throws IOException {
        site.addUser("lee", "Lee Lead", "qa-lead");
        site.addUser("rae", "Rae Reviewer", "qa-reviewer");
        Path fresh = site.secret("fresh", "a fresh password");
        refusedAndLogged(
                site.run(
                        "user",
                        "reset-password",
                        "lee",
                        "--password-file",
                        fresh.toString(),
                        "--admin",
                        "rae",
                        "--admin-password-file",
                        site.password.toString()),
                "rae",
                "password reset of lee refused: rae is not an administrator (group admin)");
        Path wrong = site.secret("wrong", "not lee's password");
        refusedAndLogged(
                site.run(
                        "user",
                        "passwd",
                        "lee",
                        "--old-password-file",
                        wrong.toString(),
                        "--password-file",
                        fresh.toString()),
                "lee",
                "password change of lee refused: wrong old password");
        CliRun changed =
                site.run(
                        "user",
                        "passwd",
                        "lee",
                        "--old-password-file",
                        site.password.toString(),
                        "--password-file",
                        fresh.toString());
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.json().get("changed").asText()).isEqualTo("password");
        CliRun reset =
                site.asAdmin(
                        "user",
                        "reset-password",
                        "lee",
                        "--password-file",
                        site.password.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.json().get("reset_by").asText()).isEqualTo("admin");
        assertThat(JSON.readTree(site.lastLogLine()).get("action").asText())
                .isEqualTo("password reset");
    }

    @Test
    void bothQaRolesNeedTheFlagWhichTheLogRecords() throws IOException {
        site.addUser("lee", "Lee Lead", "qa-lead");
        refusedAndLogged(
                site.asAdmin("user", "grant", "lee", "--group", "qa-reviewer"),
                "admin",
                "grant of qa-reviewer to lee refused: lee would hold both qa-lead and qa-reviewer:"
                        + " give --allow-both-roles to acknowledge it");
        CliRun granted =
                site.asAdmin(
                        "user", "grant", "lee", "--group", "qa-reviewer", "--allow-both-roles");
        assertThat(granted.exit()).as(granted.err()).isZero();
        assertThat(granted.json().get("groups").toString())
                .isEqualTo("[\"qa-lead\",\"qa-reviewer\"]");
        assertThat(JSON.readTree(site.lastLogLine()).get("reason").asText())
                .startsWith("both roles acknowledged (--allow-both-roles); ");
        CliRun revoked = site.asAdmin("user", "revoke", "lee", "--group", "qa-reviewer");
        assertThat(revoked.json().get("groups").toString()).isEqualTo("[\"qa-lead\"]");
    }

    @Test
    void aHandEditedRegistryIsRefusedNamingWhatDiffers() throws IOException {
        site.addUser("lee", "Lee Lead", "qa-lead");
        ObjectNode root = (ObjectNode) JSON.readTree(site.users.toFile());
        for (JsonNode u : root.get("users")) {
            if (u.get("id").asText().equals("lee")) ((ArrayNode) u.get("groups")).add("admin");
        }
        Files.writeString(site.users, JSON.writeValueAsString(root));
        String expected =
                "clinval: "
                        + site.users
                        + ": user lee has groups [admin, qa-lead] but the administration log (entry 2)"
                        + " gives [qa-lead]: the file was edited by hand";
        assertThat(line(site.run("user", "list"))).isEqualTo(expected);
        // With the site key at hand the refusal is logged too.
        assertThat(line(site.asAdmin("user", "revoke", "lee", "--group", "admin")))
                .isEqualTo(expected);
        JsonNode logged = JSON.readTree(site.lastLogLine());
        assertThat(logged.get("action").asText()).isEqualTo("registry refused");
        assertThat(logged.get("reason").asText())
                .isEqualTo(expected.substring("clinval: ".length()));
    }
}
