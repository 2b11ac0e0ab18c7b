package org.clinval.workflows.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Stream;
import org.clinval.workflows.signature.AdministrationRefusedException;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.UserAdministration;
import org.clinval.workflows.signature.UserRegistry;

/**
 * A user registry shared by the tests, written through the administration path with {@link
 * TestKeys#SITE}: {@code admin} (admin), {@code lead} (qa-lead), {@code reviewer} (qa-reviewer) and
 * {@code both} (qa-lead and qa-reviewer, acknowledged), all with {@link #PASSWORD}.
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery";
    public static final String ADMIN = "admin";
    private static Path file;

    private TestUsers() {}

    /** Returns the registry file, creating it once per test run (hashing is slow by design). */
    public static synchronized Path file() {
        if (file == null) {
            try {
                Path f = Files.createTempDirectory("clinval-users").resolve("users.json");
                UserAdministration a = UserAdministration.open(f, TestKeys.SITE, Clock.systemUTC());
                a.initialize(ADMIN, "Ada Admin", PASSWORD.toCharArray());
                a.add(admin(), "lead", "Lee Lead", Set.of(Roles.QA_LEAD), password(), false);
                a.add(
                        admin(),
                        "reviewer",
                        "Rae Reviewer",
                        Set.of(Roles.QA_REVIEWER),
                        password(),
                        false);
                a.add(
                        admin(),
                        "both",
                        "Bo Both",
                        Set.of(Roles.QA_LEAD, Roles.QA_REVIEWER),
                        password(),
                        true);
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (AdministrationRefusedException e) {
                throw new IllegalStateException(e);
            }
        }
        return file;
    }

    /** Returns the administrator's credentials. */
    public static UserAdministration.Credentials admin() {
        return new UserAdministration.Credentials(ADMIN, password());
    }

    public static char[] password() {
        return PASSWORD.toCharArray();
    }

    public static UserRegistry registry() {
        try {
            return UserRegistry.load(file(), TestKeys.SITE.publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the registry and its administration log into {@code dir} (so a test may change them
     * without hashing passwords again) and returns the copy's registry file.
     */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(file().getParent())) {
            for (Path p : s.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        return dir.resolve(file().getFileName());
    }
}
