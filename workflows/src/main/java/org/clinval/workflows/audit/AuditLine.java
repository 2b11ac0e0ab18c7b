package org.clinval.workflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinval.common.Sha256;

/**
 * The text form of an entry: one compact JSON object whose last member is {@code "sha256"}, the
 * SHA-256 of the same line with that member removed. Hashing the exact bytes (not a re-serialised
 * form) makes any edit, even of white space, visible.
 */
final class AuditLine {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("^(\\{.*),\"sha256\":\"([0-9a-f]{64})\"}$");

    private AuditLine() {}

    /** Returns the line of a new entry and the entry it represents. */
    static AuditEntry create(
            long sequence,
            Instant time,
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256,
            String previousSha256) {
        String body =
                body(sequence, time, user, action, object, reason, objectSha256, previousSha256);
        return new AuditEntry(
                sequence,
                time,
                user,
                action,
                object,
                reason,
                objectSha256,
                previousSha256,
                Sha256.ofText(body));
    }

    private static String body(
            long sequence,
            Instant time,
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256,
            String previousSha256) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sequence", sequence);
        o.put("time", time.toString());
        o.put("user", user);
        o.put("action", action);
        o.put("object", object);
        o.put("reason", reason);
        if (objectSha256.isPresent()) o.put("object_sha256", objectSha256.get());
        else o.putNull("object_sha256");
        o.put("previous_sha256", previousSha256);
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an audit entry", e);
        }
    }

    /** Returns the line of {@code e}. */
    static String text(AuditEntry e) {
        String body =
                body(
                        e.sequence(),
                        e.time(),
                        e.user(),
                        e.action(),
                        e.object(),
                        e.reason(),
                        e.objectSha256(),
                        e.previousSha256());
        return body.substring(0, body.length() - 1) + ",\"sha256\":\"" + e.sha256() + "\"}";
    }

    /**
     * Parses a line. Returns the entry with the hash stated in the line; {@link Parsed#hashOk} says
     * whether the line's bytes still have that hash.
     *
     * @throws IllegalArgumentException if the line is not an entry, saying why
     */
    static Parsed parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("it does not end with its \"sha256\" member");
        }
        String body = m.group(1) + "}";
        AuditEntry e = fromJson(body, m.group(2));
        return new Parsed(e, Sha256.ofText(body).equals(m.group(2)));
    }

    record Parsed(AuditEntry entry, boolean hashOk) {}

    private static AuditEntry fromJson(String body, String sha) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON: " + e.getOriginalMessage());
        }
        try {
            return new AuditEntry(
                    require(n, "sequence").asLong(),
                    Instant.parse(require(n, "time").asText()),
                    require(n, "user").asText(),
                    require(n, "action").asText(),
                    require(n, "object").asText(),
                    require(n, "reason").asText(),
                    n.path("object_sha256").isTextual()
                            ? Optional.of(n.get("object_sha256").asText())
                            : Optional.empty(),
                    require(n, "previous_sha256").asText(),
                    sha);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its time is not a UTC instant");
        }
    }

    private static JsonNode require(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("it has no \"" + key + "\"");
        }
        return v;
    }
}
