package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clinval.app.testing.CliRun;

/**
 * A site as {@code clinval keys init} sets it up in a test folder: a keystore, its passphrase file,
 * a user registry whose first administrator is {@code admin}, and password files (mode 600).
 */
final class SiteFixture {

    static final String PASSWORD = "correct horse battery";
    static final String PASSPHRASE = "site passphrase of the tests";

    final Path dir;
    final Path keystore;
    final Path passphrase;
    final Path password;
    final Path users;

    private SiteFixture(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.keystore = dir.resolve("keys/site-key.json");
        this.users = dir.resolve("users.json");
        this.passphrase = secret("passphrase", PASSPHRASE);
        this.password = secret("password", PASSWORD);
    }

    /** Runs {@code keys init} in {@code dir}. */
    static SiteFixture init(Path dir) throws IOException {
        SiteFixture s = new SiteFixture(dir);
        CliRun r =
                s.run(
                        "keys",
                        "init",
                        "--admin",
                        "admin",
                        "--name",
                        "Ada Admin",
                        "--password-file",
                        s.password.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return s;
    }

    /** Writes a secret file only its owner can read. */
    Path secret(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    /** Runs the command line with this site's registry, keystore and passphrase file. */
    CliRun run(String... args) {
        List<String> all = new ArrayList<>();
        Collections.addAll(all, args);
        Collections.addAll(
                all,
                "--users",
                users.toString(),
                "--keystore",
                keystore.toString(),
                "--key-passphrase-file",
                passphrase.toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Runs {@code args} signed by the administrator {@code admin}. */
    CliRun asAdmin(String... args) {
        List<String> all = new ArrayList<>();
        Collections.addAll(all, args);
        Collections.addAll(all, "--admin", "admin", "--admin-password-file", password.toString());
        return run(all.toArray(String[]::new));
    }

    /** Adds a user through the administrator. */
    void addUser(String id, String name, String... groups) {
        List<String> all =
                new ArrayList<>(
                        List.of(
                                "user",
                                "add",
                                id,
                                "--name",
                                name,
                                "--password-file",
                                password.toString()));
        for (String g : groups) {
            all.add("--group");
            all.add(g);
        }
        CliRun r = asAdmin(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** Returns the last line of the administration log. */
    String lastLogLine() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("users-admin-log.jsonl"));
        return lines.get(lines.size() - 1);
    }
}
