package org.clinval.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.signature.Meaning;
import org.clinval.workflows.signature.SignatureRefusedException;
import org.clinval.workflows.signature.Signer;
import org.clinval.workflows.testing.StudyFixture;
import org.clinval.workflows.testing.TestKeys;
import org.clinval.workflows.testing.TestServices;
import org.clinval.workflows.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may sign, through the facade: one user in both QA roles only with the protocol's leave, the
 * approver of the protocol never for the QA sign-off, nobody with a registry edited by hand. Each
 * refusal is audited and leaves no signature. ({@code ValidationStudyProcessTest} shows the same
 * rules hold when a task is completed on the engine directly.)
 */
class SeparationOfDutiesTest {

    @TempDir Path dir;

    private StudySettings settings(Path users) {
        return StudySettings.builder()
                .setServices(TestServices.create())
                .setUsers(users)
                .setSiteKey(TestKeys.SITE)
                .optLedger(org.clinval.workflows.testing.TestRecords.ledger())
                .optJobExecutor(false)
                .build();
    }

    private static AuditEntry last(Path run) throws Exception {
        List<AuditEntry> e = AuditTrail.in(run).entries();
        return e.get(e.size() - 1);
    }

    @Test
    void aUserInBothRolesSignsNothingUnlessTheProtocolAllowsIt() throws Exception {
        Path run = dir.resolve("run");
        try (StudyEngine e =
                StudyEngine.start(StudyFixture.in(dir).write(), run, settings(TestUsers.file()))) {
            String id = e.tasks().get(0).id();
            assertThatThrownBy(
                            () ->
                                    e.complete(
                                            id,
                                            "both",
                                            Meaning.APPROVED,
                                            TestUsers.password(),
                                            null))
                    .isInstanceOf(SignatureRefusedException.class)
                    .hasMessage(
                            "signature of both refused: both holds both qa-lead and qa-reviewer and"
                                    + " the protocol does not allow one user both roles"
                                    + " (separation_of_duties.allow_one_user_both_roles) (task"
                                    + " ApproveProtocol "
                                    + id
                                    + ")");
            assertThat(last(run).action()).isEqualTo("signature refused");
            assertThat(last(run).user()).isEqualTo("both");
            assertThat(Signer.signatures(run)).isEmpty();
            assertThat(e.status().activities()).containsExactly(ValidationStudy.APPROVE_PROTOCOL);
        }
    }

    @Test
    void theApproverNeverSignsTheQaSignOffWhateverTheProtocolSays() throws Exception {
        Path run = dir.resolve("run");
        Path protocol = StudyFixture.in(dir).allowBothRoles().write();
        try (StudyEngine e = StudyEngine.start(protocol, run, settings(TestUsers.file()))) {
            e.complete(e.tasks().get(0).id(), "both", Meaning.APPROVED, TestUsers.password(), null);
            e.executeJobs();
            String id = e.tasks().get(0).id();
            assertThatThrownBy(
                            () ->
                                    e.complete(
                                            id,
                                            "both",
                                            Meaning.REVIEWED,
                                            TestUsers.password(),
                                            null))
                    .isInstanceOf(SignatureRefusedException.class)
                    .hasMessage(
                            "signature of both refused: both approved the protocol of this study"
                                    + " (ApproveProtocol) and may not sign QaSignOff (task QaSignOff "
                                    + id
                                    + ")");
            assertThat(last(run).reason()).startsWith("both approved the protocol of this study");
            assertThat(Signer.signatures(run)).hasSize(1);
            // Deleting the approval's signature line does not clear the approver: the trail names
            // it.
            Files.writeString(run.resolve(Signer.FILE), "");
            assertThatThrownBy(
                            () ->
                                    e.complete(
                                            id,
                                            "both",
                                            Meaning.REVIEWED,
                                            TestUsers.password(),
                                            null))
                    .hasMessageStartingWith(
                            "signature of both refused: both approved the protocol of this study");
            assertThat(
                            e.complete(id, "reviewer", Meaning.REVIEWED, TestUsers.password(), null)
                                    .state())
                    .isEqualTo(StudyState.PASSED);
        }
    }

    @Test
    void aRegistryEditedByHandRefusesEverySignature() throws Exception {
        Path users = TestUsers.copyTo(dir.resolve("registry"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(users.toFile());
        for (var u : root.get("users")) {
            if (u.get("id").asText().equals("reviewer")) {
                ((ArrayNode) u.get("groups")).add("qa-lead");
            }
        }
        Files.writeString(users, json.writeValueAsString(root));
        Path run = dir.resolve("run");
        try (StudyEngine e =
                StudyEngine.start(StudyFixture.in(dir).write(), run, settings(users))) {
            String id = e.tasks().get(0).id();
            assertThatThrownBy(
                            () ->
                                    e.complete(
                                            id,
                                            "reviewer",
                                            Meaning.APPROVED,
                                            TestUsers.password(),
                                            null))
                    .isInstanceOf(SignatureRefusedException.class)
                    .hasMessage(
                            "signature of reviewer refused: the user registry does not verify: "
                                    + users
                                    + ": user reviewer has groups [qa-lead, qa-reviewer] but the"
                                    + " administration log (entry 3) gives [qa-reviewer]: the file was"
                                    + " edited by hand (task ApproveProtocol "
                                    + id
                                    + ")");
            assertThat(last(run).action()).isEqualTo("signature refused");
            assertThat(Signer.signatures(run)).isEmpty();
        }
    }
}
