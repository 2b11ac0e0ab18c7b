package org.clinval.app.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.ledger.DatasetLedger;
import org.clinval.workflows.ledger.LedgerEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinval dataset ledger}: the uses of a test set, verified with the site's public key. */
class DatasetLedgerCommandTest {

    private static final SiteKey SITE = SiteKey.generate();
    private static final String DATASET = Sha256.ofText("the sealed test set");

    @TempDir Path dir;
    Path ledger;
    Path publicKey;

    private static LedgerEntry.Access access(String action, String version) {
        return new LedgerEntry.Access(
                action,
                "qa.lead",
                "NODULE-2026-01",
                Sha256.ofText("run of " + version),
                "nodule-classifier",
                version,
                Sha256.ofText("weights " + version),
                DatasetLedger.VALIDATION_STUDY);
    }

    @BeforeEach
    void ledger() throws Exception {
        ledger = dir.resolve("site/ledger");
        DatasetLedger l =
                DatasetLedger.in(
                        ledger,
                        SITE,
                        Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        l.record(DATASET, access("lock", "1.0.0"));
        l.record(DATASET, access("inference", "1.0.0"));
        l.record(DATASET, access("lock", "1.1.0"));
        l.record(DATASET, access("inference", "1.1.0"));
        publicKey = dir.resolve("site-key.public.json");
        Files.writeString(publicKey, SITE.publicKey().toJson(), StandardCharsets.UTF_8);
    }

    private CliRun ledgerCommand(String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "dataset",
                                "ledger",
                                DATASET,
                                "--ledger",
                                ledger.toString(),
                                "--public-key",
                                publicKey.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void printsTheUsesAndTheirSummaryOnceTheLedgerVerifies() {
        CliRun r = ledgerCommand();
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode o = r.json();
        assertThat(o.get("ok").asBoolean()).isTrue();
        assertThat(o.get("dataset").asText()).isEqualTo(DATASET);
        assertThat(o.get("key_id").asText()).isEqualTo(SITE.keyId());
        assertThat(o.get("first_bad").isNull()).isTrue();
        JsonNode entries = o.get("entries");
        assertThat(entries).hasSize(4);
        JsonNode first = entries.get(0);
        assertThat(first.get("line").asInt()).isEqualTo(1);
        assertThat(first.get("action").asText()).isEqualTo("lock");
        assertThat(first.get("user").asText()).isEqualTo("qa.lead");
        assertThat(first.get("study_id").asText()).isEqualTo("NODULE-2026-01");
        assertThat(first.get("model").get("version").asText()).isEqualTo("1.0.0");
        assertThat(first.get("purpose").asText()).isEqualTo("validation study");
        JsonNode s = o.get("summary");
        assertThat(s.get("uses").asInt()).isEqualTo(4);
        assertThat(s.get("runs").asInt()).isEqualTo(2);
        assertThat(s.get("by_action").get("inference").asInt()).isEqualTo(2);
        assertThat(s.get("by_model_version")).hasSize(2);
        assertThat(s.get("by_model_version").get(1).get("version").asText()).isEqualTo("1.1.0");
        assertThat(s.get("by_model_version").get(1).get("uses").asInt()).isEqualTo(2);
        assertThat(s.get("first").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(s.get("last").asText()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void withoutAHashListsTheDatasets() {
        CliRun r = CliRun.of("dataset", "ledger", "--ledger", ledger.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("datasets")).extracting(JsonNode::asText).containsExactly(DATASET);
    }

    @Test
    void anEditedLineFailsNamingTheLine() throws Exception {
        Path file = DatasetLedger.file(ledger, DATASET);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(
                2,
                lines.get(2).replace("\"model_version\":\"1.1.0\"", "\"model_version\":\"1.0.0\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        CliRun r = ledgerCommand();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().get("ok").asBoolean()).isFalse();
        assertThat(r.json().get("first_bad").get("where").asText()).isEqualTo(file + " line 3");
        assertThat(r.json().has("entries")).isFalse();
        assertThat(r.err().strip())
                .isEqualTo(
                        "clinval: the dataset ledger does not verify: "
                                + file
                                + " line 3: entry 3 was edited: its content does not match its"
                                + " hash");
    }

    @Test
    void anotherSitesKeyDoesNotVerifyTheLedger() throws Exception {
        Files.writeString(publicKey, SiteKey.generate().publicKey().toJson());
        CliRun r = ledgerCommand();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("line 1", "not the site key");
    }

    @Test
    void aHashThatIsNotOneIsAUsageError() {
        CliRun r = CliRun.of("dataset", "ledger", "../run-folder", "--ledger", ledger.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("HASH is not 64 lower-case hexadecimal digits");
    }

    @Test
    void anUnknownDatasetIsNamed() {
        CliRun missing =
                CliRun.of(
                        "dataset",
                        "ledger",
                        Sha256.ofText("never used"),
                        "--ledger",
                        ledger.toString(),
                        "--public-key",
                        publicKey.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no ledger of dataset " + Sha256.ofText("never used"));
    }
}
