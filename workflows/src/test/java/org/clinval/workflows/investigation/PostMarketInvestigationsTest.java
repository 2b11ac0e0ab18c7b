package org.clinval.workflows.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.common.Sha256;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.records.RunVerification;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.SignatureRefusedException;
import org.clinval.workflows.signature.Signer;
import org.clinval.workflows.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The investigation process on the real embedded engine (H2 in the folder), through its facade:
 * opening from alarms, the three signed tasks, the refusals, the revalidation hook, {@code
 * investigations.json} and the verification of the folder's records.
 */
class PostMarketInvestigationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path out;
    final List<RevalidationRequests.Request> revalidations = new ArrayList<>();
    PostMarketInvestigations pms;

    @BeforeEach
    void setUp() throws IOException {
        pms = open();
    }

    @AfterEach
    void tearDown() {
        pms.close();
    }

    private PostMarketInvestigations open() throws IOException {
        return PostMarketInvestigations.in(
                out, InvestigationUsers.file(), TestKeys.SITE, revalidations::add);
    }

    static AlarmInput alarm(String id, String metric, String start, String end) {
        return new AlarmInput(
                id,
                "cusum",
                "site=A",
                metric,
                start,
                end,
                end + "T00:00:00Z",
                "CUSUM of " + metric + " crossed h",
                List.of("REQ-001"),
                List.of("RCM-002"),
                "{\"s_lo\": 5.2, \"h\": 4.1}");
    }

    private InvestigationTask waiting(String key) {
        return pms.tasks().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    private Investigation complete(String key, String user, Meaning m, Map<String, String> values)
            throws Exception {
        return pms.complete(waiting(key).id(), user, InvestigationUsers.password(), m, values);
    }

    private JsonNode investigationsJson() throws IOException {
        return JSON.readTree(pms.folder().resolve(PostMarketInvestigations.FILE).toFile());
    }

    private List<String> actions() throws IOException {
        return AuditTrail.in(pms.folder()).entries().stream().map(AuditEntry::action).toList();
    }

    private void triageAndRootCause() throws Exception {
        complete(
                PostMarketInvestigation.TRIAGE,
                "analyst",
                Meaning.AUTHORED,
                Map.of("priority", "high", "notes", "sensitivity fell at site A"));
        complete(
                PostMarketInvestigation.ROOT_CAUSE_ANALYSIS,
                "analyst",
                Meaning.AUTHORED,
                Map.of("findings", "new reconstruction kernel at site A"));
    }

    /**
     * What the signer is shown before signing is what is signed: the preview's SHA-256 equals the
     * signature record's, and changing a value changes the preview.
     */
    @Test
    void thePreviewShowsTheRecordTheSignatureIsOn() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        Map<String, String> values = Map.of("priority", "high", "notes", "sensitivity fell");
        PostMarketInvestigations.SignedRecord preview =
                pms.preview(waiting(PostMarketInvestigation.TRIAGE).id(), values);
        assertThat(preview.file()).isEqualTo("INV-0001/triage.json");
        assertThat(
                        pms.preview(
                                        waiting(PostMarketInvestigation.TRIAGE).id(),
                                        Map.of("priority", "low", "notes", "sensitivity fell"))
                                .sha256())
                .isNotEqualTo(preview.sha256());
        assertThat(pms.folder().resolve(preview.file())).doesNotExist();
        complete(PostMarketInvestigation.TRIAGE, "analyst", Meaning.AUTHORED, values);
        assertThat(org.clinval.common.Sha256.of(pms.folder().resolve(preview.file())))
                .isEqualTo(preview.sha256());
        String signature =
                java.nio.file.Files.readAllLines(pms.folder().resolve("signatures.jsonl")).get(0);
        assertThat(JSON.readTree(signature).get("object_sha256").asText())
                .isEqualTo(preview.sha256());
    }

    /**
     * A surveillance folder copied elsewhere (archived, moved to the server) keeps working where it
     * now is: signing there writes the record and the trail in the copy, and the original folder,
     * whose path the process once knew, is not touched.
     */
    @Test
    void aCopiedFolderSignsInTheCopy(@TempDir Path elsewhere) throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        pms.close();
        Path copy = elsewhere.resolve("copy");
        try (var files = java.nio.file.Files.walk(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                java.nio.file.Files.copy(f, copy.resolve(out.relativize(f).toString()));
            }
        }
        long originalEntries = AuditTrail.in(pms.folder()).entries().size();
        pms =
                PostMarketInvestigations.in(
                        copy, InvestigationUsers.file(), TestKeys.SITE, revalidations::add);
        complete(
                PostMarketInvestigation.TRIAGE,
                "analyst",
                Meaning.AUTHORED,
                Map.of("priority", "high", "notes", "in the copy"));
        assertThat(copy.resolve("investigations/INV-0001/triage.json")).exists();
        assertThat(out.resolve("investigations/INV-0001/triage.json")).doesNotExist();
        assertThat(AuditTrail.in(out.resolve("investigations")).entries())
                .hasSize((int) originalEntries);
        assertThat(pms.tasks())
                .extracting(InvestigationTask::key)
                .containsExactly(PostMarketInvestigation.ROOT_CAUSE_ANALYSIS);
    }

    @Test
    void anAlarmOpensAnInvestigationWaitingForTriage() throws IOException {
        assertThat(pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08")))
                .contains("INV-0001");

        assertThat(pms.tasks())
                .singleElement()
                .satisfies(
                        t -> {
                            assertThat(t.key()).isEqualTo(PostMarketInvestigation.TRIAGE);
                            assertThat(t.candidateGroup()).isEqualTo("pms-analyst");
                            assertThat(t.investigationId()).isEqualTo("INV-0001");
                            assertThat(t.fields()).containsExactly("priority", "notes");
                            assertThat(t.signs()).isEqualTo("INV-0001/triage.json");
                        });
        JsonNode i = investigationsJson().get(0);
        assertThat(i.get("investigation_id").asText()).isEqualTo("INV-0001");
        assertThat(i.get("alarm_ids").toString()).isEqualTo("[\"ALM-1\"]");
        assertThat(i.get("stratum").asText()).isEqualTo("site=A");
        assertThat(i.get("metric").asText()).isEqualTo("sensitivity");
        assertThat(i.get("state").asText()).isEqualTo("open");
        assertThat(i.get("closed").isNull()).isTrue();
        assertThat(i.get("triage").isNull()).isTrue();
        assertThat(i.get("decision").isNull()).isTrue();
        assertThat(i.get("risk_controls").toString()).isEqualTo("[\"RCM-002\"]");
        assertThat(i.get("signatures")).isEmpty();
        Path alarm = pms.folder().resolve("INV-0001/alarm-ALM-1.json");
        assertThat(Files.readString(alarm))
                .startsWith("{\"alarm_id\":\"ALM-1\"")
                .contains("\"evidence\":{\"h\":4.1,\"s_lo\":5.2}");
        assertThat(actions()).containsExactly("investigation opened", "Triage is waiting");
    }

    @Test
    void reopeningTheSameAlarmNeverOpensTwiceEvenAfterARestart() throws IOException {
        AlarmInput a = alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08");
        assertThat(pms.open(a)).contains("INV-0001");
        assertThat(pms.open(a)).isEmpty();
        pms.close();
        pms = open();
        assertThat(pms.open(a)).isEmpty();
        assertThat(pms.investigationOf("ALM-1")).contains("INV-0001");
        assertThat(pms.investigations()).hasSize(1);
        assertThat(pms.tasks()).hasSize(1);
    }

    @Test
    void aSecondAlarmOnTheSameSubjectIsAttachedToTheOpenInvestigation() throws IOException {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-08", "2026-03-15"));
        assertThat(pms.open(alarm("ALM-2", "sensitivity", "2026-03-01", "2026-03-22")))
                .contains("INV-0001");
        assertThat(pms.open(alarm("ALM-3", "specificity", "2026-03-01", "2026-03-08")))
                .contains("INV-0002");

        Investigation i = pms.investigations().get(0);
        assertThat(i.alarmIds()).containsExactly("ALM-1", "ALM-2");
        assertThat(i.windowStart()).isEqualTo("2026-03-01");
        assertThat(i.windowEnd()).isEqualTo("2026-03-22");
        assertThat(pms.tasks()).hasSize(2);
        assertThat(actions()).contains("alarm attached");
        AuditEntry attached =
                AuditTrail.in(pms.folder()).entries().stream()
                        .filter(e -> e.action().equals("alarm attached"))
                        .findFirst()
                        .orElseThrow();
        assertThat(attached.object()).isEqualTo("INV-0001/alarm-ALM-2.json");
        assertThat(attached.reason()).contains("ALM-2 attached to INV-0001");
        assertThat(investigationsJson().get(0).get("alarm_ids").toString())
                .isEqualTo("[\"ALM-1\",\"ALM-2\"]");
    }

    @Test
    void triageRootCauseAndDecisionAreEachSigned() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        triageAndRootCause();
        Investigation closed =
                complete(
                        PostMarketInvestigation.DECISION,
                        "lead",
                        Meaning.APPROVED,
                        Map.of("decision", "risk_file_update", "rationale", "add the kernel"));

        assertThat(closed.open()).isFalse();
        assertThat(closed.decision()).contains(Decision.RISK_FILE_UPDATE);
        assertThat(pms.tasks()).isEmpty();
        assertThat(revalidations).isEmpty();
        List<Signature> sigs = Signer.signatures(pms.folder());
        assertThat(sigs)
                .extracting(Signature::userId, s -> s.meaning().key(), Signature::object)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "analyst", "authored", "INV-0001/triage.json"),
                        org.assertj.core.groups.Tuple.tuple(
                                "analyst", "authored", "INV-0001/root-cause.json"),
                        org.assertj.core.groups.Tuple.tuple(
                                "lead", "approved", "INV-0001/decision.json"));
        for (Signature s : sigs) {
            assertThat(s.verifies(TestKeys.SITE.publicKey())).isTrue();
            assertThat(Sha256.of(pms.folder().resolve(s.object()))).isEqualTo(s.objectSha256());
        }
        String decision = Files.readString(pms.folder().resolve("INV-0001/decision.json"));
        assertThat(decision)
                .contains("\"alarms\":[{\"alarm_id\":\"ALM-1\"")
                .contains("\"recorded\":{\"root_cause\":{\"findings\":\"new reconstruction")
                .contains("\"values\":{\"decision\":\"risk_file_update\",\"rationale\":");

        JsonNode i = investigationsJson().get(0);
        assertThat(i.get("state").asText()).isEqualTo("closed");
        assertThat(i.get("closed").isTextual()).isTrue();
        assertThat(i.get("triage").toString())
                .isEqualTo("{\"notes\":\"sensitivity fell at site A\",\"priority\":\"high\"}");
        assertThat(i.get("root_cause").get("findings").asText())
                .isEqualTo("new reconstruction kernel at site A");
        assertThat(i.get("decision").asText()).isEqualTo("risk_file_update");
        assertThat(i.get("rationale").asText()).isEqualTo("add the kernel");
        assertThat(i.get("signatures")).hasSize(3);
        assertThat(i.get("signatures").get(2).get("user").asText()).isEqualTo("lead");
        assertThat(i.get("signatures").get(2).get("meaning").asText()).isEqualTo("approved");
        assertThat(actions())
                .contains(
                        "signed (authored)",
                        "Triage completed",
                        "RootCauseAnalysis completed",
                        "signed (approved)",
                        "Decision completed",
                        "investigation closed");
    }

    @Test
    void aUserOutsideTheTasksGroupIsRefused() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.TRIAGE,
                                        "lead",
                                        Meaning.AUTHORED,
                                        Map.of("priority", "low", "notes", "n")))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("not in group pms-analyst");
        assertThat(waiting(PostMarketInvestigation.TRIAGE)).isNotNull();
        assertThat(actions()).endsWith("signature refused");
        assertThat(Signer.signatures(pms.folder())).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        String id = waiting(PostMarketInvestigation.TRIAGE).id();
        assertThatThrownBy(
                        () ->
                                pms.complete(
                                        id,
                                        "analyst",
                                        "wrong".toCharArray(),
                                        Meaning.AUTHORED,
                                        Map.of("priority", "low", "notes", "n")))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("wrong password");
        assertThat(pms.tasks()).singleElement().extracting(InvestigationTask::id).isEqualTo(id);
        AuditEntry last = AuditTrail.in(pms.folder()).entries().get(2);
        assertThat(last.action()).isEqualTo("signature refused");
        assertThat(last.user()).isEqualTo("analyst");
    }

    @Test
    void theDecisionMustBeGivenAndKnown() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        triageAndRootCause();
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.DECISION,
                                        "lead",
                                        Meaning.APPROVED,
                                        Map.of("rationale", "none")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Decision needs a decision ([decision, rationale])");
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.DECISION,
                                        "lead",
                                        Meaning.APPROVED,
                                        Map.of("decision", "recall", "rationale", "r")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "decision is not one of no_action, field_safety_corrective_action,"
                                + " revalidation, risk_file_update: recall");
        assertThat(waiting(PostMarketInvestigation.DECISION)).isNotNull();
        assertThat(Signer.signatures(pms.folder())).hasSize(2);
    }

    @Test
    void triageValuesAreChecked() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.TRIAGE,
                                        "analyst",
                                        Meaning.AUTHORED,
                                        Map.of("priority", "high", "notes", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Triage needs a notes ([priority, notes])");
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.TRIAGE,
                                        "analyst",
                                        Meaning.AUTHORED,
                                        Map.of("priority", "asap", "notes", "n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priority is not one of [low, medium, high]: asap");
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.TRIAGE,
                                        "analyst",
                                        Meaning.APPROVED,
                                        Map.of("priority", "low", "notes", "n")))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("meaning approved is not one of");
    }

    @Test
    void theEngineRefusesATaskCompletedWithoutASignature() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        var tasks = pms.processEngine().getTaskService();
        String id = waiting(PostMarketInvestigation.TRIAGE).id();
        tasks.claim(id, "analyst");
        assertThatThrownBy(() -> tasks.complete(id))
                .hasMessageContaining("the signed record INV-0001/triage.json is missing");
        assertThat(pms.tasks()).hasSize(1);
    }

    @Test
    void theRootCauseSignerMayNotSignTheDecision() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        complete(
                PostMarketInvestigation.TRIAGE,
                "analyst",
                Meaning.AUTHORED,
                Map.of("priority", "medium", "notes", "n"));
        complete(
                PostMarketInvestigation.ROOT_CAUSE_ANALYSIS,
                "both",
                Meaning.AUTHORED,
                Map.of("findings", "f"));
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.DECISION,
                                        "both",
                                        Meaning.APPROVED,
                                        Map.of("decision", "no_action", "rationale", "r")))
                .isInstanceOf(SignatureRefusedException.class)
                .hasMessageContaining("signed the root-cause analysis of this investigation");
    }

    @Test
    void aRevalidationDecisionCallsTheHookWithTheAlarmWindow() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-08", "2026-03-15"));
        pms.open(alarm("ALM-2", "sensitivity", "2026-03-01", "2026-03-08"));
        triageAndRootCause();
        complete(
                PostMarketInvestigation.DECISION,
                "lead",
                Meaning.APPROVED,
                Map.of("decision", " Revalidation ", "rationale", "validate on the new kernel"));

        assertThat(revalidations)
                .containsExactly(
                        new RevalidationRequests.Request(
                                "INV-0001",
                                List.of("ALM-1", "ALM-2"),
                                "site=A",
                                "sensitivity",
                                "2026-03-01",
                                "2026-03-15"));
        assertThat(investigationsJson().get(0).get("decision").asText()).isEqualTo("revalidation");
        assertThat(actions()).contains("revalidation requested");
        // A new alarm on the same subject now opens a new investigation.
        assertThat(pms.open(alarm("ALM-3", "sensitivity", "2026-03-15", "2026-03-22")))
                .contains("INV-0002");
    }

    @Test
    void aFailedRevalidationRequestLeavesTheDecisionWaiting() throws Exception {
        pms.close();
        boolean[] studyStarts = {false};
        pms =
                PostMarketInvestigations.in(
                        out,
                        InvestigationUsers.file(),
                        TestKeys.SITE,
                        r -> {
                            if (!studyStarts[0]) throw new IllegalStateException("no model file");
                            revalidations.add(r);
                        });
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        triageAndRootCause();
        Map<String, String> decision =
                Map.of("decision", "revalidation", "rationale", "validate again");
        assertThatThrownBy(
                        () ->
                                complete(
                                        PostMarketInvestigation.DECISION,
                                        "lead",
                                        Meaning.APPROVED,
                                        decision))
                .hasMessageContaining(
                        "the revalidation of INV-0001 could not be requested, so the decision is"
                                + " not recorded: no model file");
        assertThat(waiting(PostMarketInvestigation.DECISION)).isNotNull();
        assertThat(actions()).contains("revalidation request failed");
        assertThat(investigationsJson().get(0).get("state").asText()).isEqualTo("open");

        studyStarts[0] = true;
        complete(PostMarketInvestigation.DECISION, "lead", Meaning.APPROVED, decision);
        assertThat(revalidations).hasSize(1);
        assertThat(pms.investigations().get(0).open()).isFalse();
        assertThat(PostMarketInvestigations.verify(out, TestKeys.SITE.publicKey()).ok()).isTrue();
    }

    @Test
    void theFolderVerifiesAndATamperedEntryFails() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        triageAndRootCause();
        complete(
                PostMarketInvestigation.DECISION,
                "lead",
                Meaning.APPROVED,
                Map.of("decision", "no_action", "rationale", "explained by case mix"));

        RunVerification ok = PostMarketInvestigations.verify(out, TestKeys.SITE.publicKey());
        assertThat(ok.ok()).as("%s", ok.firstBad()).isTrue();
        assertThat(ok.signatures()).isEqualTo(3);
        assertThat(ok.files()).isGreaterThanOrEqualTo(4);

        Path trail = pms.folder().resolve(AuditTrail.FILE);
        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        int at = lines.size() - 1;
        lines.set(at, lines.get(at).replace("decision: no_action", "decision: revalidation"));
        Files.write(trail, lines, StandardCharsets.UTF_8);

        RunVerification bad = PostMarketInvestigations.verify(out, TestKeys.SITE.publicKey());
        assertThat(bad.ok()).isFalse();
        assertThat(bad.firstBad().orElseThrow().what()).isEqualTo("entry " + (at + 1));
    }

    @Test
    void aChangedSignedRecordFailsVerification() throws Exception {
        pms.open(alarm("ALM-1", "sensitivity", "2026-03-01", "2026-03-08"));
        complete(
                PostMarketInvestigation.TRIAGE,
                "analyst",
                Meaning.AUTHORED,
                Map.of("priority", "low", "notes", "n"));
        Path triage = pms.folder().resolve("INV-0001/triage.json");
        Files.writeString(triage, Files.readString(triage).replace("\"low\"", "\"high\""));

        RunVerification bad = PostMarketInvestigations.verify(out, TestKeys.SITE.publicKey());
        assertThat(bad.ok()).isFalse();
        assertThat(bad.firstBad().orElseThrow().what()).isEqualTo("INV-0001/triage.json");
    }
}
