package org.clinval.workflows.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.records.RunVerification.Finding;
import org.clinval.workflows.records.RunVerification.Kind;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.SignatureRecords;
import org.clinval.workflows.signature.Signer;

/**
 * Checks {@code signatures.jsonl} line by line (its site-key signature, that it is the signature
 * its audit entry records, in the trail's order), then that every signing the trail records has its
 * line: an edited or reassigned record fails its signature, a deleted one leaves its audit entry
 * without a record.
 */
final class SignatureCheck {

    private final Path dir;
    private final List<AuditEntry> entries;
    private final PublicSiteKey key;
    private int checked;

    SignatureCheck(Path dir, List<AuditEntry> entries, PublicSiteKey key) {
        this.dir = dir;
        this.entries = entries;
        this.key = key;
    }

    int checked() {
        return checked;
    }

    Optional<Finding> check() throws IOException {
        Path file = dir.resolve(Signer.FILE);
        List<String> lines =
                Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        Set<Long> seen = new HashSet<>();
        long last = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String what = Signer.FILE + " line " + (i + 1);
            Signature s;
            try {
                s = SignatureRecords.parse(lines.get(i));
            } catch (IllegalArgumentException e) {
                return bad(what, what + " is not a signature record: " + e.getMessage());
            }
            if (!s.keyId().equals(key.keyId())) {
                return bad(
                        what,
                        what
                                + " is signed with key "
                                + s.keyId()
                                + ", not the site key "
                                + key.keyId());
            }
            if (!s.verifies(key)) {
                return bad(
                        what,
                        what
                                + " does not match its site-key signature: it was edited (user,"
                                + " name, meaning, object, hash, context or audit entry)");
            }
            long n = s.auditEntries();
            if (n < 1 || n > entries.size()) {
                return bad(
                        what, what + " names audit entry " + n + ", which the trail does not hold");
            }
            AuditEntry e = entries.get((int) n - 1);
            if (!matches(s, e)) {
                return bad(
                        what,
                        what
                                + " is not the signature audit entry "
                                + n
                                + " records ("
                                + e.user()
                                + " "
                                + e.action()
                                + " on "
                                + e.object()
                                + ")");
            }
            if (n <= last) {
                return bad(what, what + " repeats or reorders the signature of audit entry " + n);
            }
            last = n;
            seen.add(n);
            checked++;
        }
        for (AuditEntry e : entries) {
            if (e.action().startsWith("signed (") && !seen.contains(e.sequence())) {
                return bad(
                        Signer.FILE,
                        "the signature of "
                                + e.user()
                                + " "
                                + e.action().substring(7)
                                + " on "
                                + e.object()
                                + " recorded at audit entry "
                                + e.sequence()
                                + " has no line in "
                                + Signer.FILE
                                + ": a signature line was deleted");
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Signature s, AuditEntry e) {
        return e.sha256().equals(s.auditSha256())
                && e.user().equals(s.userId())
                && e.action().equals(Signer.action(s.meaning()))
                && e.object().equals(s.object())
                && e.objectSha256().equals(Optional.of(s.objectSha256()))
                && e.reason().equals(Signer.reason(s.printedName(), s.context()));
    }

    private static Optional<Finding> bad(String what, String problem) {
        return Optional.of(new Finding(Kind.SIGNATURE, what, problem));
    }
}
