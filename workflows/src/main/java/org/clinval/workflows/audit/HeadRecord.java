package org.clinval.workflows.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;

/**
 * A signed statement of a trail's head: the head file ({@code {"entries", "sha256", "time",
 * "key_id", "signature"}}) or one checkpoint line (the same with {@code "by"}, who took it). The
 * signature covers the trail's file name, the count, the hash, the time, the key id and, for a
 * checkpoint, {@code by}.
 *
 * @param head the entry count and hash of the last entry
 * @param by who took the checkpoint; empty for the head file
 * @param time when it was written
 * @param keyId the signing key's id
 * @param signature the site key's signature, base64
 */
record HeadRecord(AuditTrail.Head head, String by, String time, String keyId, String signature) {

    static final String HEAD = "clinval-audit-head/1";
    static final String CHECKPOINT = "clinval-audit-checkpoint/1";

    /** Returns the signed head file text. */
    static String head(String trail, AuditTrail.Head h, Instant time, SiteKey key) {
        String t = time.toString();
        String sig = SignedPayload.sign(key, HEAD, trail, h.entries(), h.sha256(), t, key.keyId());
        return json(h, null, t, key.keyId(), sig);
    }

    /** Returns a signed checkpoint line. */
    static String checkpoint(
            String trail, AuditTrail.Head h, String by, Instant time, SiteKey key) {
        String t = time.toString();
        String sig =
                SignedPayload.sign(
                        key, CHECKPOINT, trail, h.entries(), h.sha256(), by, t, key.keyId());
        return json(h, by, t, key.keyId(), sig);
    }

    private static String json(
            AuditTrail.Head h, String by, String time, String keyId, String sig) {
        ObjectNode o = AuditLine.JSON.createObjectNode();
        o.put("entries", h.entries());
        o.put("sha256", h.sha256());
        if (by != null) o.put("by", by);
        o.put("time", time);
        o.put("key_id", keyId);
        o.put("signature", sig);
        try {
            return AuditLine.JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a head record", e);
        }
    }

    /**
     * Reads a head or checkpoint record.
     *
     * @throws IllegalArgumentException if it has no count and hash
     */
    static HeadRecord read(JsonNode n) {
        if (!n.path("entries").canConvertToLong() || !n.path("sha256").isTextual()) {
            throw new IllegalArgumentException("it has no \"entries\" and \"sha256\"");
        }
        return new HeadRecord(
                new AuditTrail.Head(n.get("entries").asLong(), n.get("sha256").asText()),
                n.path("by").asText(""),
                n.path("time").asText(""),
                n.path("key_id").asText(""),
                n.path("signature").asText(""));
    }

    /** Returns whether this is {@code key}'s signed head file of trail {@code trail}. */
    boolean verifiesAsHead(String trail, PublicSiteKey key) {
        return SignedPayload.verifies(
                key, signature, HEAD, trail, head.entries(), head.sha256(), time, keyId);
    }

    /** Returns whether this is one of {@code key}'s signed checkpoints of trail {@code trail}. */
    boolean verifiesAsCheckpoint(String trail, PublicSiteKey key) {
        return SignedPayload.verifies(
                key, signature, CHECKPOINT, trail, head.entries(), head.sha256(), by, time, keyId);
    }
}
