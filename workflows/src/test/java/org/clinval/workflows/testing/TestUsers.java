package org.clinval.workflows.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.signature.UserRegistry;

/**
 * A user registry shared by the tests: {@code lead} (qa-lead) and {@code reviewer} (qa-reviewer).
 */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery";
    private static Path file;

    private TestUsers() {}

    /** Returns the registry file, creating it once per test run (hashing is slow by design). */
    public static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("clinval-users");
                Path f = dir.resolve("users.json");
                UserRegistry r = UserRegistry.load(f);
                r.put("lead", "Lee Lead", Set.of(ValidationStudy.QA_LEAD), PASSWORD.toCharArray());
                r.put(
                        "reviewer",
                        "Rae Reviewer",
                        Set.of(ValidationStudy.QA_REVIEWER),
                        PASSWORD.toCharArray());
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    public static UserRegistry registry() {
        try {
            return UserRegistry.load(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
