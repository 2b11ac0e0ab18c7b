package org.clinval.workflows.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.files.ChecksumManifest;

/**
 * Makes and records electronic signatures in a run folder ({@code signatures.jsonl}). Signing needs
 * the user's id and password (§11.200(a)); a refusal is recorded in the audit trail with its
 * reason, and so is every signature, whose record then takes an audit checkpoint.
 */
public final class Signer {

    /** The signatures' file name in a run folder. */
    public static final String FILE = "signatures.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserRegistry users;
    private final Path runDir;
    private final AuditTrail audit;

    public Signer(UserRegistry users, Path runDir, Clock clock) {
        this.users = users;
        this.runDir = runDir.toAbsolutePath().normalize();
        this.audit = AuditTrail.in(this.runDir, clock);
    }

    public Signer(UserRegistry users, Path runDir) {
        this(users, runDir, Clock.systemUTC());
    }

    /**
     * Signs {@code object} (a file) as {@code userId} with {@code meaning}. The password array is
     * cleared afterwards.
     *
     * @throws SignatureRefusedException if the user is unknown or the password wrong; the refusal
     *     is audited
     */
    public Signature sign(
            String userId, char[] password, Meaning meaning, Path object, String context)
            throws SignatureRefusedException, IOException {
        String name = objectName(object);
        try {
            Optional<UserAccount> user = users.find(userId);
            if (user.isEmpty() || !user.get().password().matches(password)) {
                String why = user.isEmpty() ? "unknown user" : "wrong password";
                refuse(userId, name, context, why);
            }
            return record(user.get(), meaning, object, name, context);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Records a refusal in the audit trail and throws it. */
    public void refuse(String userId, String object, String context, String why)
            throws SignatureRefusedException {
        audit.record(
                userId == null || userId.isBlank() ? "(none)" : userId,
                "signature refused",
                object,
                why + " (" + context + ")",
                Optional.empty());
        throw new SignatureRefusedException(
                "signature of " + userId + " refused: " + why + " (" + context + ")");
    }

    private Signature record(
            UserAccount user, Meaning meaning, Path object, String name, String context)
            throws IOException {
        String sha = Sha256.of(object);
        AuditEntry e =
                audit.record(
                        user.id(),
                        "signed (" + meaning.key() + ")",
                        name,
                        user.printedName() + "; " + context,
                        Optional.of(sha));
        AuditTrail.Head head = audit.checkpoint("the signature of " + user.id() + " on " + name);
        Signature s =
                new Signature(
                        user.id(),
                        user.printedName(),
                        meaning,
                        e.time(),
                        name,
                        sha,
                        context,
                        head.entries(),
                        head.sha256());
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
        Files.writeString(
                runDir.resolve(FILE),
                JSON.writeValueAsString(o) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return s;
    }

    private String objectName(Path object) {
        Path f = object.toAbsolutePath().normalize();
        return f.startsWith(runDir) ? ChecksumManifest.name(runDir, f) : f.toString();
    }

    /** Returns every signature recorded in run folder {@code runDir}, in order. */
    public static List<Signature> signatures(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        List<Signature> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = JSON.readTree(line);
            out.add(
                    new Signature(
                            n.path("user").asText(),
                            n.path("printed_name").asText(),
                            Meaning.parse(n.path("meaning").asText()),
                            Instant.parse(n.path("time").asText()),
                            n.path("object").asText(),
                            n.path("object_sha256").asText(),
                            n.path("context").asText(),
                            n.path("audit_entries").asLong(),
                            n.path("audit_sha256").asText()));
        }
        return out;
    }
}
