package org.clinval.app.pms.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clinval.app.cli.CommandTree;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.UserAdministration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code clinval pms investigation} on a site set up in a test folder: opening from {@code
 * alarms.jsonl} twice, listing, signing the triage, and a refusal.
 */
class InvestigationCommandTest {

    static final String PASSWORD = "correct horse battery";
    static final String PASSPHRASE = "site passphrase of the tests";

    @TempDir static Path site;
    static Path keystore;
    static Path passphrase;
    static Path password;
    static Path users;

    @TempDir Path out;

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    static void setUpSite() throws Exception {
        keystore = site.resolve("keys/site-key.json");
        Files.createDirectories(keystore.getParent());
        SiteKey key = SiteKeyStore.create(keystore, PASSPHRASE.toCharArray());
        passphrase = secret("passphrase", PASSPHRASE);
        password = secret("password", PASSWORD);
        users = site.resolve("users.json");
        UserAdministration a = UserAdministration.open(users, key, Clock.systemUTC());
        a.initialize("admin", "Ada Admin", PASSWORD.toCharArray());
        a.add(admin(), "analyst", "Ana Analyst", Set.of("pms-analyst"), pw(), false);
        a.add(admin(), "lead", "Lee Lead", Set.of(Roles.QA_LEAD), pw(), false);
    }

    static UserAdministration.Credentials admin() {
        return new UserAdministration.Credentials("admin", pw());
    }

    static char[] pw() {
        return PASSWORD.toCharArray();
    }

    static Path secret(String name, String content) throws Exception {
        Path f = site.resolve(name);
        Files.writeString(f, content + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of(
                        "--out",
                        out.toString(),
                        "--users",
                        users.toString(),
                        "--keystore",
                        keystore.toString(),
                        "--key-passphrase-file",
                        passphrase.toString()));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] line = all.toArray(String[]::new);
        CommandLine cl = CommandTree.of(new InvestigationCommand(), line);
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int exit = cl.execute(line);
        return new Run(exit, o.toString(), e.toString());
    }

    static String alarm(String id, String start, String end) {
        return "{\"alarm_id\":\""
                + id
                + "\",\"kind\":\"cusum\",\"stratum\":\"all\",\"metric\":\"sensitivity\","
                + "\"window_start\":\""
                + start
                + "\",\"window_end\":\""
                + end
                + "\",\"raised_at\":\""
                + end
                + "T00:00:00Z\",\"summary\":\"s\",\"evidence\":{},\"requirements\":[],"
                + "\"risk_controls\":[\"RCM-002\"]}\n";
    }

    @Test
    void opensFromTheAlarmsListsAndSigns() throws Exception {
        Files.writeString(
                out.resolve("alarms.jsonl"),
                alarm("ALM-1", "2026-03-01", "2026-03-08")
                        + alarm("ALM-2", "2026-03-08", "2026-03-15"));

        Run opened = run("open");
        assertThat(opened.exit()).as(opened.err()).isZero();
        assertThat(opened.json().get("recorded_now").toString())
                .isEqualTo("{\"ALM-1\":\"INV-0001\",\"ALM-2\":\"INV-0001\"}");
        Run again = run("open");
        assertThat(again.json().get("recorded_now").toString()).isEqualTo("{}");

        Run list = run("list");
        JsonNode task = list.json().get(0).get("tasks").get(0);
        assertThat(task.get("task").asText()).isEqualTo("Triage");
        assertThat(task.get("group").asText()).isEqualTo("pms-analyst");

        Run refused =
                run(
                        "complete",
                        task.get("id").asText(),
                        "--user",
                        "lead",
                        "--meaning",
                        "authored",
                        "--set",
                        "priority=high",
                        "--set",
                        "notes=n",
                        "--password-file",
                        password.toString());
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("not in group pms-analyst");

        Run signed =
                run(
                        "complete",
                        task.get("id").asText(),
                        "--user",
                        "analyst",
                        "--meaning",
                        "authored",
                        "--set",
                        "priority=high",
                        "--set",
                        "notes=sensitivity fell",
                        "--password-file",
                        password.toString());
        assertThat(signed.exit()).as(signed.err()).isZero();
        assertThat(signed.json().get("tasks").get(0).get("task").asText())
                .isEqualTo("RootCauseAnalysis");
        assertThat(
                        new ObjectMapper()
                                .readTree(
                                        out.resolve("investigations/investigations.json").toFile())
                                .get(0)
                                .get("triage")
                                .get("priority")
                                .asText())
                .isEqualTo("high");
    }
}
