package org.clinval.workflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;

/**
 * The text form of an entry: one compact JSON object whose last members are {@code "sha256"}, the
 * SHA-256 of the same line with both members removed, and {@code "signature"}, the site key's
 * signature of that hash. Hashing the exact bytes (not a re-serialised form) makes any edit, even
 * of white space, visible; the signature makes an edit whose hashes were recomputed visible,
 * because recomputing it needs the private key. The key id is inside the hashed body.
 */
final class AuditLine {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The kind of record an entry's signature is on (see {@link SignedPayload}). */
    static final String KIND = "clinval-audit-entry/1";

    private static final Pattern LINE =
            Pattern.compile(
                    "^(\\{.*),\"sha256\":\"([0-9a-f]{64})\",\"signature\":\"([A-Za-z0-9+/=]*)\"}$");

    private AuditLine() {}

    /** Returns a new entry of trail {@code trail}, hashed and signed with {@code key}. */
    static AuditEntry create(
            String trail,
            SiteKey key,
            long sequence,
            Instant time,
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256,
            String previousSha256) {
        return create(
                trail,
                key,
                sequence,
                time,
                user,
                action,
                object,
                reason,
                objectSha256,
                previousSha256,
                Map.of());
    }

    /** Returns a new entry with {@code details}, hashed and signed with {@code key}. */
    static AuditEntry create(
            String trail,
            SiteKey key,
            long sequence,
            Instant time,
            String user,
            String action,
            String object,
            String reason,
            Optional<String> objectSha256,
            String previousSha256,
            Map<String, String> details) {
        AuditEntry unsigned =
                new AuditEntry(
                        sequence,
                        time,
                        user,
                        action,
                        object,
                        reason,
                        objectSha256,
                        previousSha256,
                        key.keyId(),
                        "",
                        "",
                        details);
        String sha = Sha256.ofText(body(unsigned));
        return withHash(unsigned, sha, key.sign(signed(trail, sha)));
    }

    /** Returns {@code e} with its hash and signature replaced. */
    static AuditEntry withHash(AuditEntry e, String sha256, String signature) {
        return new AuditEntry(
                e.sequence(),
                e.time(),
                e.user(),
                e.action(),
                e.object(),
                e.reason(),
                e.objectSha256(),
                e.previousSha256(),
                e.keyId(),
                sha256,
                signature,
                e.details());
    }

    /**
     * Returns the text whose signature an entry with hash {@code sha256} of trail {@code trail}
     * carries.
     */
    static String signed(String trail, String sha256) {
        return SignedPayload.of(KIND, trail, sha256);
    }

    /**
     * Returns whether {@code e}'s signature is {@code key}'s on its hash in trail {@code trail}.
     */
    static boolean verifies(AuditEntry e, String trail, PublicSiteKey key) {
        return key.verify(signed(trail, e.sha256()), e.signature());
    }

    /** Returns the hashed body of {@code e}: its line without hash and signature. */
    static String body(AuditEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sequence", e.sequence());
        o.put("time", e.time().toString());
        o.put("user", e.user());
        o.put("action", e.action());
        o.put("object", e.object());
        o.put("reason", e.reason());
        if (e.objectSha256().isPresent()) o.put("object_sha256", e.objectSha256().get());
        else o.putNull("object_sha256");
        if (!e.details().isEmpty()) {
            ObjectNode d = o.putObject("details");
            e.details().forEach(d::put);
        }
        o.put("previous_sha256", e.previousSha256());
        o.put("key_id", e.keyId());
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException x) {
            throw new IllegalStateException("cannot write an audit entry", x);
        }
    }

    /** Returns the line of {@code e}. */
    static String text(AuditEntry e) {
        String body = body(e);
        return body.substring(0, body.length() - 1)
                + ",\"sha256\":\""
                + e.sha256()
                + "\",\"signature\":\""
                + e.signature()
                + "\"}";
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
            throw new IllegalArgumentException(
                    "it does not end with its \"sha256\" and \"signature\" members");
        }
        String body = m.group(1) + "}";
        AuditEntry e = fromJson(body, m.group(2), m.group(3));
        return new Parsed(e, Sha256.ofText(body).equals(m.group(2)));
    }

    record Parsed(AuditEntry entry, boolean hashOk) {}

    private static AuditEntry fromJson(String body, String sha, String signature) {
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
                    require(n, "key_id").asText(),
                    sha,
                    signature,
                    details(n));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its time is not a UTC instant");
        }
    }

    private static Map<String, String> details(JsonNode n) {
        JsonNode d = n.get("details");
        if (d == null) {
            return Map.of();
        }
        if (!d.isObject()) {
            throw new IllegalArgumentException("its \"details\" is not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = d.fields(); i.hasNext(); ) {
            Map.Entry<String, JsonNode> f = i.next();
            if (!f.getValue().isTextual()) {
                throw new IllegalArgumentException("its detail \"" + f.getKey() + "\" is not text");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }

    private static JsonNode require(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("it has no \"" + key + "\"");
        }
        return v;
    }
}
