package org.clinval.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.common.Sha256;
import org.clinval.features.evidence.StudyRun;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.AuditVerification;
import org.clinval.workflows.files.ChecksumManifest;
import org.clinval.workflows.local.FileDatasetService;

/** The integrity of the run folder: its audit trail, its locked inputs, its metrics. */
public final class IntegritySteps {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 5;

    private final StudyWorld world;

    public IntegritySteps(StudyWorld world) {
        this.world = world;
    }

    @Then("the audit trail of the run verifies from the first entry to the last")
    public void auditTrailVerifies() throws IOException {
        StudyRun run = world.run();
        Path trail = run.dir().resolve(AuditTrail.FILE);
        if (!Files.exists(trail)) {
            throw new AssertionError(trail + " is missing: the run has no audit trail");
        }
        AuditVerification v = AuditTrail.verify(run.dir());
        ObjectNode o = record("the hash chain of " + AuditTrail.FILE + " is intact", v.ok());
        o.put("entries", v.entries());
        o.put("sha256", Sha256.of(trail));
        v.firstBad()
                .ifPresent(f -> o.put("first_bad_entry", f.sequence()).put("problem", f.problem()));
        world.record("audit trail", o);
        world.log(v.entries() + " audit entries, " + (v.ok() ? "intact" : "not intact"));
        if (!v.ok()) {
            throw new AssertionError(
                    AuditTrail.FILE
                            + " does not verify: "
                            + v.firstBad().map(AuditVerification.Finding::problem).orElse("?"));
        }
    }

    /**
     * Every file of the run's lock manifest ({@code manifest.sha256}) still has the SHA-256 it had
     * at the lock, and the lock equals the registration.
     */
    @Then("every input locked for the study still has its locked SHA-256")
    public void lockedInputsUnchanged() throws IOException {
        StudyRun run = world.run();
        Path lock = run.dir().resolve(FileDatasetService.MANIFEST);
        if (!Files.exists(lock)) {
            throw new AssertionError(lock + " is missing: the inputs were never locked");
        }
        ChecksumManifest locked = ChecksumManifest.read(lock);
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : locked.entries().entrySet()) {
            Path f = Path.of(e.getKey());
            if (!Files.isRegularFile(f)) {
                changed.add(e.getKey() + " removed");
            } else if (!Sha256.of(f).equals(e.getValue())) {
                changed.add(e.getKey() + " changed");
            }
        }
        Path registration = run.dir().resolve(FileDatasetService.REGISTRATION);
        if (Files.exists(registration)) {
            ChecksumManifest.read(registration)
                    .differences(locked)
                    .forEach((k, v) -> changed.add(k + " " + v + " between registration and lock"));
        }
        ObjectNode o = record("every locked input keeps its SHA-256", changed.isEmpty());
        o.put("files", locked.entries().size());
        o.put("manifest_sha256", Sha256.of(lock));
        o.putArray("changed")
                .addAll(changed.stream().map(JSON.getNodeFactory()::textNode).toList());
        world.record("locked inputs", o);
        world.log(locked.entries().size() + " locked inputs, " + changed.size() + " changed");
        if (!changed.isEmpty()) {
            throw new AssertionError(
                    changed.size()
                            + " of "
                            + locked.entries().size()
                            + " locked inputs differ: "
                            + String.join("; ", changed.subList(0, Math.min(SHOWN, changed.size())))
                            + (changed.size() > SHOWN ? "; …" : ""));
        }
    }

    /** {@code metrics.json} names the SHA-256 of the case results it was computed from. */
    @Then("the metrics were computed from these case results")
    public void metricsMatchCaseResults() throws IOException {
        StudyRun run = world.run();
        Path metrics = run.dir().resolve("metrics.json");
        if (!Files.exists(metrics)) {
            throw new AssertionError(metrics + " is missing");
        }
        JsonNode m = JSON.readTree(metrics.toFile());
        String stated = m.path("provenance").path("case_results_sha256").asText("");
        String actual = Sha256.of(run.dir().resolve(StudyRun.CASE_RESULTS));
        boolean ok = stated.equals(actual);
        ObjectNode o = record("metrics.json computed from case-results.csv", ok);
        o.put("case_results_sha256", actual);
        o.put("metrics_states", stated);
        world.record("metrics provenance", o);
        if (!ok) {
            throw new AssertionError(
                    "metrics.json was computed from case results with SHA-256 '"
                            + stated
                            + "', but "
                            + StudyRun.CASE_RESULTS
                            + " has "
                            + actual);
        }
    }

    private ObjectNode record(String requirement, boolean met) {
        ObjectNode o = world.object();
        o.put("run", world.run().id());
        o.put("requirement", requirement);
        o.put("met", met);
        return o;
    }
}
