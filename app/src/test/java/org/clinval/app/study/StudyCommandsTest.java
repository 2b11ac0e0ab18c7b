package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study commands end to end on a small protocol over six phantom cases and the built-in
 * classifier: a model that is only a placeholder is refused before anything starts; users, study
 * run, task list, task complete (refused and signed), audit verify (intact, copied elsewhere,
 * another site's key, edited), and bad input.
 */
class StudyCommandsTest {

    @TempDir Path dir;
    SiteFixture site;
    Path password;
    Path protocol;

    private static JsonNode json(CliRun r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    @BeforeEach
    void study() throws Exception {
        site = SiteFixture.init(dir.resolve("site"));
        password = site.password;
        org.clinval.imaging.phantom.PhantomStudyWriter.write(
                org.clinval.imaging.phantom.PhantomGenerator.builder()
                        .setSeed(31)
                        .setSize(256)
                        .setPrevalence(0.5)
                        .build(),
                6,
                dir.resolve("data"));
        Path model = Files.createDirectories(dir.resolve("model"));
        String folder = org.clinval.imaging.model.BuiltInModel.NODULE_CLASSIFIER.resourceFolder();
        for (String name : List.of("descriptor.yaml", "nodule-classifier.params")) {
            try (var in = StudyCommandsTest.class.getResourceAsStream(folder + name)) {
                Files.copy(in, model.resolve(name));
            }
        }
        String sha = org.clinval.common.Sha256.of(model.resolve("descriptor.yaml"));
        protocol = dir.resolve("protocol.yaml");
        Files.writeString(
                protocol,
                String.join(
                        "\n",
                        List.of(
                                "id: CLI-1",
                                "title: t",
                                "intended_use: u",
                                "device: {name: d, version: '1', model: model/descriptor.yaml,"
                                        + " sha256: \""
                                        + sha
                                        + "\"}",
                                "dataset: {dicom: data/dicom, ground_truth: data/truth/ground-truth.csv,"
                                        + " deidentify: true}",
                                "operating_point: {threshold: 0.5, rule: '>=', positive_class: '1', direction: higher}",
                                "endpoints:",
                                "  - id: EP1",
                                "    role: primary",
                                "    name: sensitivity",
                                "    criterion: {measure: sensitivity, estimate_min: 0.8, ci_method: wilson, level: 0.95}",
                                "    verifies: {requirements: [REQ-1]}",
                                "subgroups: {attributes: [site], min_n_per_class: 5}",
                                "statistics: {ci_method: wilson, level: 0.95, bootstrap: {replicates: 200, seed: 1}}",
                                "")),
                StandardCharsets.UTF_8);
    }

    private CliRun run(String... args) {
        return site.run(args);
    }

    @Test
    void aPlaceholderModelIsRefusedBeforeAnythingStarts() throws IOException {
        Path placeholder = dir.resolve("model.json");
        Files.writeString(placeholder, "{}\n");
        Files.writeString(
                protocol,
                Files.readString(protocol)
                        .replace("model/descriptor.yaml", "model.json")
                        .replaceAll(
                                "sha256: \"[0-9a-f]{64}\"",
                                "sha256: \"" + org.clinval.common.Sha256.of(placeholder) + "\""));
        Path runDir = dir.resolve("run");
        CliRun start = run("study", "run", protocol.toString(), "--out", runDir.toString());
        assertThat(start.exit()).isEqualTo(1);
        JsonNode check = json(start);
        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("problems").toString())
                .contains("device.model: model.json line 1, column 1, name")
                .contains("is required");
        assertThat(start.err().lines())
                .singleElement()
                .asString()
                .startsWith("clinval: 8 problems to fix before the study can start: ");
        assertThat(runDir).doesNotExist();
    }

    @Test
    void aStudyRunsToItsFirstSignedTaskAndOnThroughASignature() throws IOException {
        CliRun add =
                site.asAdmin(
                        "user",
                        "add",
                        "lee",
                        "--name",
                        "Lee Lead",
                        "--group",
                        "qa-lead",
                        "--password-file",
                        password.toString());
        assertThat(add.exit()).isZero();
        assertThat(json(add).get("groups").toString()).isEqualTo("[\"qa-lead\"]");
        assertThat(Files.readString(site.users))
                .doesNotContain("correct horse")
                .contains("pbkdf2-sha256$600000$");

        Path runDir = dir.resolve("run");
        CliRun start = run("study", "run", protocol.toString(), "--out", runDir.toString());
        assertThat(start.err()).isEmpty();
        assertThat(start.exit()).isZero();
        JsonNode s = json(start);
        assertThat(s.get("state").asText()).isEqualTo("active");
        assertThat(s.get("at").toString()).isEqualTo("[\"ApproveProtocol\"]");

        CliRun list = run("task", "list", "--run", runDir.toString());
        assertThat(list.exit()).isZero();
        JsonNode task = json(list).get("tasks").get(0);
        assertThat(task.get("step").asText()).isEqualTo("ApproveProtocol");
        assertThat(task.get("candidate_group").asText()).isEqualTo("qa-lead");
        assertThat(task.get("signs").asText()).isEqualTo("approval-record.json");
        String id = task.get("id").asText();

        Path wrong = site.secret("wrong", "not my password");
        CliRun refused =
                run(
                        "task",
                        "complete",
                        id,
                        "--user",
                        "lee",
                        "--meaning",
                        "approved",
                        "--password-file",
                        wrong.toString(),
                        "--run",
                        runDir.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines())
                .singleElement()
                .asString()
                .contains("refused: wrong password");

        CliRun done =
                run(
                        "task",
                        "complete",
                        id,
                        "--user",
                        "lee",
                        "--meaning",
                        "approved",
                        "--password-file",
                        password.toString(),
                        "--run",
                        runDir.toString());
        // Progress of the inference job only: no library message, no stack trace.
        assertThat(done.err().lines()).allMatch(l -> l.startsWith("inference: cases "));
        assertThat(done.exit()).isZero();
        JsonNode after = json(done);
        assertThat(after.get("completed").asText()).isEqualTo(id);
        // De-identification, inference, analysis, criteria and reports ran; a reviewer's
        // signature is waiting (QA sign-off, or the deviation of a study too small to pass).
        assertThat(after.get("state").asText()).isEqualTo("active");
        assertThat(after.get("tasks").get(0).get("candidate_group").asText())
                .isEqualTo("qa-reviewer");
        assertThat(after.get("next").asText()).startsWith("sign the waiting task: clinval task");

        CliRun verify = run("audit", "verify", runDir.toString());
        assertThat(verify.err()).isEmpty();
        assertThat(verify.exit()).isZero();
        JsonNode v = json(verify);
        assertThat(v.get("ok").asBoolean()).isTrue();
        assertThat(v.get("sealed").asBoolean()).isFalse(); // the study waits at an incident
        assertThat(v.get("signatures").asInt()).isEqualTo(1);
        assertThat(v.get("first_bad").isNull()).isTrue();

        // A reviewer elsewhere: the exported public key, the run folder copied to another place.
        Path publicKey = dir.resolve("reviewer/site.pub.json");
        assertThat(run("keys", "export-public", "--out", publicKey.toString()).exit()).isZero();
        Path copy = dir.resolve("reviewer/run");
        copyTree(runDir, copy);
        CliRun elsewhere =
                CliRun.of("audit", "verify", copy.toString(), "--public-key", publicKey.toString());
        assertThat(elsewhere.exit()).as(elsewhere.out()).isZero();
        assertThat(json(elsewhere).get("key_id").asText()).isEqualTo(v.get("key_id").asText());

        // Another site's key: the run is not theirs.
        SiteFixture other = SiteFixture.init(dir.resolve("other-site"));
        CliRun foreign = other.run("audit", "verify", copy.toString());
        assertThat(foreign.exit()).isEqualTo(1);
        JsonNode f = json(foreign).get("first_bad");
        assertThat(f.get("kind").asText()).isEqualTo("key");
        assertThat(f.get("problem").asText())
                .isEqualTo(
                        "the run is signed with key "
                                + v.get("key_id").asText()
                                + ", but the public key given is "
                                + json(foreign).get("key_id").asText()
                                + ": verify it with the public key of the site that ran the study");

        Path trail = runDir.resolve("audit-trail.jsonl");
        List<String> lines = Files.readAllLines(trail);
        lines.remove(2);
        Files.write(trail, lines);
        CliRun bad =
                CliRun.of(
                        "audit", "verify", runDir.toString(), "--public-key", publicKey.toString());
        assertThat(bad.exit()).isEqualTo(1);
        JsonNode b = json(bad);
        assertThat(b.get("ok").asBoolean()).isFalse();
        assertThat(b.get("first_bad").get("kind").asText()).isEqualTo("entry");
        assertThat(b.get("first_bad").get("what").asText()).isEqualTo("entry 3");
        assertThat(b.get("first_bad").get("problem").asText()).startsWith("entry 3 was deleted");
        assertThat(bad.err().lines())
                .singleElement()
                .asString()
                .startsWith("clinval: the run does not verify: entry 3 was deleted");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void badInputIsOneLineOnStderr() throws IOException {
        Files.writeString(protocol, Files.readString(protocol).replace("level: 0.95", "level: 95"));
        CliRun invalid =
                run("study", "run", protocol.toString(), "--out", dir.resolve("r").toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err().lines())
                .singleElement()
                .asString()
                .contains("2 problems")
                .contains("endpoints[0].criterion.level: 95 is not in (0, 1)")
                .contains("statistics.level: 95 is not in (0, 1)");

        CliRun noRun = run("task", "list", "--run", dir.toString());
        assertThat(noRun.exit()).isEqualTo(1);
        assertThat(noRun.err()).contains("not a study run folder");

        CliRun noTrail = run("audit", "verify", dir.toString());
        assertThat(noTrail.exit()).isEqualTo(1);
        assertThat(noTrail.err()).contains("no audit trail in");

        CliRun meaning =
                run(
                        "task",
                        "complete",
                        "x",
                        "--user",
                        "u",
                        "--meaning",
                        "agreed",
                        "--password-file",
                        password.toString());
        assertThat(meaning.exit()).isEqualTo(1);
        assertThat(meaning.err())
                .contains("signature meaning is not one of approved, reviewed, authored: agreed");
    }
}
