package org.clinval.workflows.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.AuditVerification;

/**
 * Compares a loaded registry with its signature and its administration log, and names the first
 * difference: the key, the log itself, a user the log does not know, groups, name or password hash
 * other than the log's, a user the log added that the file lacks, a file older than the log, and
 * last the signature (which catches anything the log cannot name).
 */
final class RegistryCheck {

    private static final String HAND = ": the file was edited by hand";

    private RegistryCheck() {}

    static void missing(Path file, AuditTrail log, PublicSiteKey key) throws IOException {
        List<AuditEntry> entries = verified(log, key);
        if (!entries.isEmpty()) {
            throw new InvalidRegistryException(
                    file
                            + " is missing, but its administration log "
                            + log.dir().resolve(log.files().trail())
                            + " records "
                            + entries.size()
                            + " acts");
        }
    }

    static void check(UserRegistry r, JsonNode root, AuditTrail log, PublicSiteKey key)
            throws IOException {
        Path file = r.file();
        String keyId = root.path("key_id").asText("");
        if (!keyId.equals(key.keyId())) {
            throw new InvalidRegistryException(
                    file
                            + " is signed with key "
                            + (keyId.isEmpty() ? "(none)" : keyId)
                            + ", not the site key "
                            + key.keyId());
        }
        List<AuditEntry> entries = verified(log, key);
        Map<String, AdminLog.State> expected = AdminLog.replay(entries);
        for (UserAccount u : r.users()) {
            AdminLog.State s = expected.get(u.id());
            if (s == null) {
                throw new InvalidRegistryException(
                        file
                                + ": user "
                                + u.id()
                                + " was not added by an administrator (the administration log has"
                                + " no record of it)"
                                + HAND);
            }
            String at = " but the administration log (entry " + s.entry() + ") gives ";
            if (!new TreeSet<>(u.groups()).equals(s.groups())) {
                throw new InvalidRegistryException(
                        file
                                + ": user "
                                + u.id()
                                + " has groups "
                                + u.sortedGroups()
                                + at
                                + s.groups()
                                + HAND);
            }
            if (!u.printedName().equals(s.name())) {
                throw new InvalidRegistryException(
                        file
                                + ": user "
                                + u.id()
                                + " has the name '"
                                + u.printedName()
                                + "'"
                                + at
                                + "'"
                                + s.name()
                                + "'"
                                + HAND);
            }
            if (!u.recordSha256().equals(s.recordSha256())) {
                throw new InvalidRegistryException(
                        file
                                + ": the password hash of user "
                                + u.id()
                                + " is not the one set through the administration log (entry "
                                + s.entry()
                                + ")"
                                + HAND);
            }
        }
        for (Map.Entry<String, AdminLog.State> e : expected.entrySet()) {
            if (r.find(e.getKey()).isEmpty()) {
                throw new InvalidRegistryException(
                        file
                                + ": user "
                                + e.getKey()
                                + " is missing, though the administration log (entry "
                                + e.getValue().entry()
                                + ") has it"
                                + HAND);
            }
        }
        AuditTrail.Head lastChange = AdminLog.lastChange(entries);
        JsonNode recorded = root.path("admin_log");
        AuditTrail.Head stated =
                new AuditTrail.Head(
                        recorded.path("entries").asLong(-1), recorded.path("sha256").asText(""));
        if (stated.entries() < lastChange.entries()) {
            throw new InvalidRegistryException(
                    file
                            + " was signed at administration-log entry "
                            + stated.entries()
                            + ", but the log records changes up to entry "
                            + lastChange.entries()
                            + ": it is an older copy of the registry");
        }
        if (!stated.equals(lastChange)) {
            throw new InvalidRegistryException(
                    file
                            + " names administration-log entry "
                            + stated.entries()
                            + " as its last change, but the log's last change is entry "
                            + lastChange.entries()
                            + HAND);
        }
        if (!key.verify(
                UserRegistry.payload(r.usersJson(), stated, keyId),
                root.path("signature").asText(""))) {
            throw new InvalidRegistryException(
                    file + " does not match its site-key signature" + HAND);
        }
    }

    private static List<AuditEntry> verified(AuditTrail log, PublicSiteKey key) throws IOException {
        AuditVerification v = AuditTrail.verify(log.dir(), log.files(), key, List.of());
        if (!v.ok()) {
            AuditVerification.Finding f = v.firstBad().orElseThrow();
            throw new InvalidRegistryException(
                    log.dir().resolve(log.files().trail()) + ": " + f.problem());
        }
        return log.entries();
    }
}
