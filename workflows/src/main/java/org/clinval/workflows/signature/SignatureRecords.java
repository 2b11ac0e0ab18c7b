package org.clinval.workflows.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code signatures.jsonl}: one JSON object per signature with {@code user}, {@code
 * printed_name}, {@code meaning}, {@code time}, {@code object}, {@code object_sha256}, {@code
 * context}, {@code audit_entries}, {@code audit_sha256}, {@code key_id} and {@code signature}.
 */
public final class SignatureRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignatureRecords() {}

    /** Returns the line of {@code s}. */
    public static String line(Signature s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("user", s.userId());
        o.put("printed_name", s.printedName());
        o.put("meaning", s.meaning().key());
        o.put("time", s.time().toString());
        o.put("object", s.object());
        o.put("object_sha256", s.objectSha256());
        o.put("context", s.context());
        o.put("audit_entries", s.auditEntries());
        o.put("audit_sha256", s.auditSha256());
        o.put("key_id", s.keyId());
        o.put("signature", s.siteSignature());
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a signature record", e);
        }
    }

    /**
     * Parses a line.
     *
     * @throws IllegalArgumentException if it is not a signature record, saying why
     */
    public static Signature parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("it is not JSON");
        }
        for (String k :
                List.of(
                        "user",
                        "printed_name",
                        "meaning",
                        "time",
                        "object",
                        "object_sha256",
                        "context",
                        "audit_sha256",
                        "key_id",
                        "signature")) {
            if (!n.path(k).isTextual()) {
                throw new IllegalArgumentException("it has no \"" + k + "\"");
            }
        }
        if (!n.path("audit_entries").canConvertToLong()) {
            throw new IllegalArgumentException("it has no \"audit_entries\"");
        }
        try {
            return new Signature(
                    n.get("user").asText(),
                    n.get("printed_name").asText(),
                    Meaning.parse(n.get("meaning").asText()),
                    Instant.parse(n.get("time").asText()),
                    n.get("object").asText(),
                    n.get("object_sha256").asText(),
                    n.get("context").asText(),
                    n.get("audit_entries").asLong(),
                    n.get("audit_sha256").asText(),
                    n.get("key_id").asText(),
                    n.get("signature").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its time is not a UTC instant");
        }
    }

    /**
     * Returns every signature recorded in run folder {@code runDir}, in order.
     *
     * @throws IOException if a line is not a signature record, naming it
     */
    public static List<Signature> read(Path runDir) throws IOException {
        Path f = runDir.resolve(Signer.FILE);
        List<Signature> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                out.add(parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(
                        f + " line " + (i + 1) + " is not a signature record: " + e.getMessage(),
                        e);
            }
        }
        return out;
    }
}
