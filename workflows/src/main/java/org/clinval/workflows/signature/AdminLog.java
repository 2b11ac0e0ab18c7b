package org.clinval.workflows.signature;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinval.common.Sha256;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.audit.TrailFiles;

/**
 * The administration log next to a user registry ({@code <registry>-admin-log.jsonl}, an audit
 * trail signed with the site key): one entry per act, naming the acting administrator (or user),
 * the user acted on and, for an act that changed the user, the user's groups and name after it and
 * the SHA-256 of the user's whole record ({@link UserAccount#recordSha256}). Replaying the log
 * gives what the registry must hold.
 */
final class AdminLog {

    static final String CREATED = "administrator created";
    static final String ADDED = "user added";
    static final String RESET = "password reset";
    static final String CHANGED = "password changed";
    static final String GRANTED = "group granted";
    static final String REVOKED = "group revoked";
    static final String REFUSED = "administration refused";
    static final String REGISTRY_REFUSED = "registry refused";

    private static final Set<String> CHANGES =
            Set.of(CREATED, ADDED, RESET, CHANGED, GRANTED, REVOKED);
    private static final Pattern STATE = Pattern.compile("(?:^|; )groups: ([^;]*); name: (.*)$");

    private AdminLog() {}

    /** Returns the files of the log of {@code registry}. */
    static TrailFiles files(Path registry) {
        String name = registry.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return TrailFiles.named(stem + "-admin-log");
    }

    /** Returns the folder of the log of {@code registry}. */
    static Path dir(Path registry) {
        return registry.toAbsolutePath().normalize().getParent();
    }

    /** Returns the state part of an entry's reason: {@code groups: a, b; name: N}. */
    static String state(UserAccount a) {
        return "groups: " + String.join(", ", a.sortedGroups()) + "; name: " + a.printedName();
    }

    /** What the log says a user is after its last act. */
    record State(long entry, String name, TreeSet<String> groups, String recordSha256) {}

    /** Returns the last entry that changed a user (count 0 and zero hash when none). */
    static AuditTrail.Head lastChange(List<AuditEntry> entries) {
        AuditTrail.Head h = new AuditTrail.Head(0, Sha256.ZERO);
        for (AuditEntry e : entries) {
            if (CHANGES.contains(e.action()) && e.objectSha256().isPresent()) {
                h = new AuditTrail.Head(e.sequence(), e.sha256());
            }
        }
        return h;
    }

    /** Replays the log: the state of every user an act created or changed, by id. */
    static Map<String, State> replay(List<AuditEntry> entries) {
        Map<String, State> out = new TreeMap<>();
        for (AuditEntry e : entries) {
            if (!CHANGES.contains(e.action()) || e.objectSha256().isEmpty()) continue;
            Matcher m = STATE.matcher(e.reason());
            TreeSet<String> groups = new TreeSet<>();
            String name = "";
            if (m.find()) {
                for (String g : m.group(1).split(",")) {
                    if (!g.isBlank()) groups.add(g.strip());
                }
                name = m.group(2);
            }
            out.put(e.object(), new State(e.sequence(), name, groups, e.objectSha256().get()));
        }
        return out;
    }
}
