package org.clinval.features.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.AuditVerification;

/**
 * SRS-002 over the workflow's audit trail and its verifier, editing the file as an attacker would.
 */
public final class AuditTrailSteps {

    private final SuiteWorld world;
    private Path run;
    private AuditVerification verification;

    public AuditTrailSteps(SuiteWorld world) {
        this.world = world;
    }

    private Path file() {
        return run.resolve(AuditTrail.FILE);
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws Exception {
        Files.write(file(), lines, StandardCharsets.UTF_8);
    }

    @Given("a run whose audit trail holds {int} entries")
    public void trail(int n) {
        run = world.dir().resolve("run");
        AuditTrail t = AuditTrail.in(run, SiteKey.generate());
        for (int i = 1; i <= n; i++) {
            t.record(
                    "qa-" + i,
                    "step " + i + " done",
                    "object-" + i,
                    "reason " + i,
                    Optional.empty());
        }
    }

    @When("the reason of entry {int} is edited in the file")
    public void editReason(int entry) throws Exception {
        List<String> l = lines();
        l.set(entry - 1, l.get(entry - 1).replace("reason " + entry, "reason changed"));
        write(l);
    }

    @When("the user of entry {int} is edited in the file")
    public void editUser(int entry) throws Exception {
        List<String> l = lines();
        l.set(entry - 1, l.get(entry - 1).replace("qa-" + entry, "someone-else"));
        write(l);
    }

    @When("entry {int} is deleted from the file")
    public void delete(int entry) throws Exception {
        List<String> l = lines();
        l.remove(entry - 1);
        write(l);
    }

    @When("entries {int} and {int} are swapped in the file")
    public void swap(int a, int b) throws Exception {
        List<String> l = lines();
        Collections.swap(l, a - 1, b - 1);
        write(l);
    }

    @When("the trail is verified")
    public void verify() throws Exception {
        verification = AuditTrail.verify(run);
    }

    @Then("it verifies with {int} entries")
    public void verifies(int n) {
        assertThat(verification.ok()).isTrue();
        assertThat(verification.entries()).isEqualTo(n);
    }

    @Then("it does not verify, the first bad entry being {int} with {string}")
    public void doesNotVerify(int entry, String problem) {
        assertThat(verification.ok()).isFalse();
        AuditVerification.Finding f = verification.firstBad().orElseThrow();
        assertThat(f.sequence()).isEqualTo(entry);
        assertThat(f.problem()).contains(problem);
    }
}
