package org.clinval.workflows.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.SignedPayload;

/**
 * Rewrites a run folder's records the way someone who can edit the folder would: change an entry,
 * then recompute every hash downstream (the chain, the head, the checkpoints, the signature
 * records' and the seal's audit hashes) so that no SHA-256 is out of place. Without a key the old
 * signatures are left as they were (they cannot be recomputed); with a key (another site's)
 * everything is signed anew with it.
 */
public final class Forger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRAIL = "audit-trail.jsonl";

    private final Path dir;
    private final SiteKey key;

    private Forger(Path dir, SiteKey key) {
        this.dir = dir;
        this.key = key;
    }

    /** A forger who can edit the folder but has no site key. */
    public static Forger withoutKey(Path dir) {
        return new Forger(dir, null);
    }

    /** A forger who signs with {@code key}, not the site's. */
    public static Forger withKey(Path dir, SiteKey key) {
        return new Forger(dir, key);
    }

    /** Edits entry {@code sequence} (from 1) and recomputes everything after it. */
    public void rewrite(int sequence, Consumer<ObjectNode> edit) throws IOException {
        List<ObjectNode> entries = entries();
        edit.accept(entries.get(sequence - 1));
        write(entries);
    }

    /** Deletes the last entry and recomputes the head (and whatever named the entry). */
    public void deleteLast() throws IOException {
        List<ObjectNode> entries = entries();
        entries.remove(entries.size() - 1);
        write(entries);
    }

    /** Re-signs (with a key) or only re-hashes everything as it is. */
    public void recompute() throws IOException {
        write(entries());
    }

    private List<ObjectNode> entries() throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(TRAIL), StandardCharsets.UTF_8)) {
            out.add((ObjectNode) JSON.readTree(line));
        }
        return out;
    }

    private void write(List<ObjectNode> entries) throws IOException {
        Map<Long, String> shaOf = new HashMap<>();
        Map<String, String> renamed = new HashMap<>();
        List<String> lines = new ArrayList<>();
        String previous = Sha256.ZERO;
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode e = entries.get(i);
            String oldSha = e.path("sha256").asText();
            String oldSig = e.path("signature").asText();
            e.remove("sha256");
            e.remove("signature");
            e.put("sequence", i + 1);
            e.put("previous_sha256", previous);
            if (key != null) e.put("key_id", key.keyId());
            String body = JSON.writeValueAsString(e);
            String sha = Sha256.ofText(body);
            String sig =
                    key != null
                            ? key.sign(SignedPayload.of("clinval-audit-entry/1", TRAIL, sha))
                            : oldSig;
            lines.add(
                    body.substring(0, body.length() - 1)
                            + ",\"sha256\":\""
                            + sha
                            + "\",\"signature\":\""
                            + sig
                            + "\"}");
            shaOf.put((long) i + 1, sha);
            renamed.put(oldSha, sha);
            previous = sha;
        }
        Files.write(dir.resolve(TRAIL), lines, StandardCharsets.UTF_8);
        long n = entries.size();
        ObjectNode head = (ObjectNode) JSON.readTree(dir.resolve("audit-head.json").toFile());
        head.put("entries", n);
        head.put("sha256", n == 0 ? Sha256.ZERO : shaOf.get(n));
        resign(head, "clinval-audit-head/1", false);
        Files.writeString(dir.resolve("audit-head.json"), JSON.writeValueAsString(head) + "\n");
        rewriteLines(
                "audit-checkpoints.jsonl",
                shaOf,
                c -> resign(c, "clinval-audit-checkpoint/1", true));
        rewriteLines("signatures.jsonl", null, s -> signature(s, renamed));
        Path seal = dir.resolve("run-seal.json");
        if (Files.exists(seal)) {
            ObjectNode o = (ObjectNode) JSON.readTree(seal.toFile());
            o.put("audit_entries", n);
            o.put("audit_sha256", shaOf.getOrDefault(n, Sha256.ZERO));
            if (key != null) {
                o.put("key_id", key.keyId());
                o.put(
                        "signature",
                        key.sign(
                                SignedPayload.of(
                                        "clinval-run-seal/1",
                                        o.get("manifest").asText(),
                                        o.get("manifest_sha256").asText(),
                                        o.get("files").asLong(),
                                        n,
                                        o.get("audit_sha256").asText(),
                                        o.get("time").asText(),
                                        key.keyId())));
            }
            Files.writeString(seal, JSON.writeValueAsString(o) + "\n");
        }
    }

    private void rewriteLines(String name, Map<Long, String> shaOf, Consumer<ObjectNode> edit)
            throws IOException {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) return;
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            if (shaOf != null && shaOf.containsKey(o.path("entries").asLong())) {
                o.put("sha256", shaOf.get(o.path("entries").asLong()));
            }
            edit.accept(o);
            out.add(JSON.writeValueAsString(o));
        }
        Files.write(f, out, StandardCharsets.UTF_8);
    }

    private void resign(ObjectNode o, String kind, boolean checkpoint) {
        if (key == null) return;
        o.put("key_id", key.keyId());
        Object[] fields =
                checkpoint
                        ? new Object[] {
                            TRAIL,
                            o.get("entries").asLong(),
                            o.get("sha256").asText(),
                            o.get("by").asText(),
                            o.get("time").asText(),
                            key.keyId()
                        }
                        : new Object[] {
                            TRAIL,
                            o.get("entries").asLong(),
                            o.get("sha256").asText(),
                            o.get("time").asText(),
                            key.keyId()
                        };
        o.put("signature", key.sign(SignedPayload.of(kind, fields)));
    }

    private void signature(ObjectNode s, Map<String, String> renamed) {
        s.put("audit_sha256", renamed.getOrDefault(s.path("audit_sha256").asText(), ""));
        if (key == null) return;
        s.put("key_id", key.keyId());
        s.put(
                "signature",
                key.sign(
                        SignedPayload.of(
                                "clinval-esignature/1",
                                s.get("user").asText(),
                                s.get("printed_name").asText(),
                                s.get("meaning").asText(),
                                s.get("time").asText(),
                                s.get("object").asText(),
                                s.get("object_sha256").asText(),
                                s.get("context").asText(),
                                s.get("audit_entries").asLong(),
                                s.get("audit_sha256").asText(),
                                key.keyId())));
    }
}
