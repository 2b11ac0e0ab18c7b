package org.clinval.workflows.investigation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.clinval.workflows.signature.AdministrationRefusedException;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.UserAdministration;
import org.clinval.workflows.testing.TestKeys;

/**
 * The registry of the investigation tests, written through the administration path with {@link
 * TestKeys#SITE}: {@code analyst} and {@code analyst2} (pms-analyst), {@code lead} (qa-lead),
 * {@code reviewer} (qa-reviewer) and {@code both} (pms-analyst and qa-lead), all with {@link
 * #PASSWORD}.
 */
final class InvestigationUsers {

    static final String PASSWORD = "correct horse battery";
    private static Path file;

    private InvestigationUsers() {}

    static synchronized Path file() {
        if (file == null) {
            try {
                Path f = Files.createTempDirectory("clinval-pms-users").resolve("users.json");
                UserAdministration a = UserAdministration.open(f, TestKeys.SITE, Clock.systemUTC());
                a.initialize("admin", "Ada Admin", password());
                add(a, "analyst", "Ana Analyst", Set.of(PostMarketInvestigation.PMS_ANALYST));
                add(a, "analyst2", "Al Analyst", Set.of(PostMarketInvestigation.PMS_ANALYST));
                add(a, "lead", "Lee Lead", Set.of(Roles.QA_LEAD));
                add(a, "reviewer", "Rae Reviewer", Set.of(Roles.QA_REVIEWER));
                add(
                        a,
                        "both",
                        "Bo Both",
                        Set.of(PostMarketInvestigation.PMS_ANALYST, Roles.QA_LEAD));
                file = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (AdministrationRefusedException e) {
                throw new IllegalStateException(e);
            }
        }
        return file;
    }

    private static void add(UserAdministration a, String id, String name, Set<String> groups)
            throws IOException, AdministrationRefusedException {
        a.add(
                new UserAdministration.Credentials("admin", password()),
                id,
                name,
                groups,
                password(),
                false);
    }

    static char[] password() {
        return PASSWORD.toCharArray();
    }
}
