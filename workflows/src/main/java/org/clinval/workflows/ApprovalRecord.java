package org.clinval.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.clinval.common.Sha256;
import org.clinval.workflows.service.CaseFinding;
import org.clinval.workflows.service.InputCheck;

/**
 * {@code approval-record.json}: what the {@code ApproveProtocol} signature is on. It binds the
 * protocol (its SHA-256), the registered inputs (the SHA-256 of the registration manifest and of
 * the image inventory) and the outcome of the input checks: how many files and cases, and every
 * case that will be quarantined with its reason. The approver signs knowing which cases will not
 * count.
 */
public final class ApprovalRecord {

    /** The record's file name in a run folder. */
    public static final String FILE = "approval-record.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ApprovalRecord() {}

    /** Writes the record into {@code runDir} and returns it. */
    public static Path write(
            Path runDir, String studyId, InputCheck check, Path registration, Instant time)
            throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("study", studyId);
        o.put("protocol_sha256", Sha256.of(runDir.resolve("protocol.yaml")));
        o.put("registration_sha256", Sha256.of(registration));
        Path inventory = runDir.resolve(org.clinval.workflows.service.InputCheckService.INVENTORY);
        if (Files.exists(inventory)) {
            o.put("inventory_sha256", Sha256.of(inventory));
        }
        ObjectNode in = o.putObject("inputs");
        in.put("files", check.files());
        in.put("ignored_files", check.ignored());
        in.put("cases", check.cases());
        in.put("usable_cases", check.usable());
        in.put("cases_to_quarantine", check.toQuarantine().size());
        ArrayNode q = o.putArray("cases_to_quarantine");
        for (CaseFinding f : check.toQuarantine()) {
            ObjectNode c = q.addObject();
            c.put("case_id", f.caseId());
            c.put("reason", f.reason());
        }
        o.put("checked", time.toString());
        Path file = runDir.resolve(FILE);
        Files.writeString(file, JSON.writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
