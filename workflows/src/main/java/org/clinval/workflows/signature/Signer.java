package org.clinval.workflows.signature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.clinval.common.Sha256;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.files.ChecksumManifest;

/**
 * Makes and records electronic signatures in a run folder ({@code signatures.jsonl}). Signing needs
 * the user's id and password (§11.200(a)); a refusal is recorded in the audit trail with its
 * reason, and so is every signature, whose record then takes an audit checkpoint. Each record is
 * signed with the site key over all its fields and names the audit entry of the signing (§11.70:
 * the signature is linked to its record and cannot be transferred).
 */
public final class Signer {

    /** The signatures' file name in a run folder. */
    public static final String FILE = "signatures.jsonl";

    /** The audit action of a signature with meaning {@code m}: {@code signed (approved)}. */
    public static String action(Meaning m) {
        return "signed (" + m.key() + ")";
    }

    /** The audit reason of a signature: printed name and context. */
    public static String reason(String printedName, String context) {
        return printedName + "; " + context;
    }

    private final UserRegistry users;
    private final Path runDir;
    private final AuditTrail audit;
    private final SiteKey key;

    public Signer(UserRegistry users, Path runDir, SiteKey key, Clock clock) {
        this.users = users;
        this.runDir = runDir.toAbsolutePath().normalize();
        this.audit = AuditTrail.in(this.runDir, key, clock);
        this.key = key;
    }

    public Signer(UserRegistry users, Path runDir, SiteKey key) {
        this(users, runDir, key, Clock.systemUTC());
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
                        action(meaning),
                        name,
                        reason(user.printedName(), context),
                        Optional.of(sha));
        audit.checkpoint("the signature of " + user.id() + " on " + name);
        Signature unsigned =
                new Signature(
                        user.id(),
                        user.printedName(),
                        meaning,
                        e.time(),
                        name,
                        sha,
                        context,
                        e.sequence(),
                        e.sha256(),
                        key.keyId(),
                        "");
        Signature s =
                new Signature(
                        unsigned.userId(),
                        unsigned.printedName(),
                        unsigned.meaning(),
                        unsigned.time(),
                        unsigned.object(),
                        unsigned.objectSha256(),
                        unsigned.context(),
                        unsigned.auditEntries(),
                        unsigned.auditSha256(),
                        unsigned.keyId(),
                        key.sign(unsigned.payload()));
        Files.writeString(
                runDir.resolve(FILE),
                SignatureRecords.line(s) + "\n",
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
        return SignatureRecords.read(runDir);
    }
}
