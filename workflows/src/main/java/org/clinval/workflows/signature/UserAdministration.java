package org.clinval.workflows.signature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;

/**
 * Changes the user registry, each act signed by an administrator (a user of group {@value
 * Roles#ADMIN}, with the password) or, to change one's own password, by the user with the old
 * password. Every act and every refusal is appended to the administration log ({@link AdminLog})
 * before the registry is rewritten and signed with the site key.
 *
 * <p>Separation of duties: one user holding both {@value Roles#QA_LEAD} and {@value
 * Roles#QA_REVIEWER} needs {@code allowBothRoles}, which the log records as acknowledged.
 *
 * <p>Passwords are cleared once used. Not safe for two processes administering one registry at the
 * same moment.
 */
public final class UserAdministration {

    /** An administrator's id and password; the password is cleared once checked. */
    public record Credentials(String userId, char[] password) {}

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final SiteKey key;
    private final AuditTrail log;
    private UserRegistry registry;

    private UserAdministration(UserRegistry registry, SiteKey key, AuditTrail log) {
        this.registry = registry;
        this.key = key;
        this.log = log;
    }

    /**
     * Opens the registry {@code file} for administration. A registry that does not verify is
     * refused, and the refusal is logged.
     *
     * @throws InvalidRegistryException naming what is wrong with the registry
     */
    public static UserAdministration open(Path file, SiteKey key, Clock clock) throws IOException {
        AuditTrail log = AuditTrail.log(AdminLog.dir(file), AdminLog.files(file), key, clock);
        try {
            return new UserAdministration(UserRegistry.load(file, key.publicKey()), key, log);
        } catch (InvalidRegistryException e) {
            try {
                log.record(
                        AuditTrail.SYSTEM,
                        AdminLog.REGISTRY_REFUSED,
                        file.getFileName().toString(),
                        e.getMessage(),
                        Optional.empty());
            } catch (RuntimeException logBroken) {
                // a log that cannot be appended to is itself what the message names
            }
            throw e;
        }
    }

    /** Returns the registry as it is now. */
    public UserRegistry registry() {
        return registry;
    }

    /** Returns the administration log's file. */
    public Path logFile() {
        return log.dir().resolve(log.files().trail());
    }

    /**
     * Creates the first administrator of an empty registry (with {@code clinval keys init}).
     *
     * @throws AdministrationRefusedException if the registry already has users or a log
     */
    public UserAccount initialize(String id, String name, char[] password)
            throws AdministrationRefusedException, IOException {
        try {
            String act = "creating the first administrator " + id;
            if (!registry.users().isEmpty() || log.head().entries() > 0) {
                throw refuse(
                        id, id, act, "the user registry " + registry.file() + " already has users");
            }
            UserAccount a = account(id, name, Set.of(Roles.ADMIN), password);
            return apply(id, AdminLog.CREATED, a, "");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Adds a user, signed by an administrator. */
    public UserAccount add(
            Credentials admin,
            String id,
            String name,
            Set<String> groups,
            char[] password,
            boolean allowBothRoles)
            throws AdministrationRefusedException, IOException {
        try {
            String act = "user add of " + id;
            String by = administrator(admin, id, act);
            if (registry.find(id).isPresent()) {
                throw refuse(
                        by,
                        id,
                        act,
                        "user " + id + " exists (use reset-password, grant or revoke)");
            }
            UserAccount a = account(id, name, groups, password);
            return apply(by, AdminLog.ADDED, a, bothRoles(by, a, act, allowBothRoles));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Sets a new password, signed by an administrator. */
    public UserAccount resetPassword(Credentials admin, String id, char[] password)
            throws AdministrationRefusedException, IOException {
        try {
            String act = "password reset of " + id;
            String by = administrator(admin, id, act);
            UserAccount u = existing(by, id, act);
            return apply(by, AdminLog.RESET, withPassword(u, password), "");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Changes one's own password, with the old one. */
    public UserAccount changePassword(String id, char[] oldPassword, char[] newPassword)
            throws AdministrationRefusedException, IOException {
        try {
            String act = "password change of " + id;
            UserAccount u = existing(id, id, act);
            if (!u.password().matches(oldPassword)) {
                throw refuse(id, id, act, "wrong old password");
            }
            return apply(id, AdminLog.CHANGED, withPassword(u, newPassword), "");
        } finally {
            Arrays.fill(oldPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    /** Adds a user to a group, signed by an administrator. */
    public UserAccount grant(Credentials admin, String id, String group, boolean allowBothRoles)
            throws AdministrationRefusedException, IOException {
        String act = "grant of " + group + " to " + id;
        String by = administrator(admin, id, act);
        UserAccount u = existing(by, id, act);
        Set<String> groups = new TreeSet<>(u.groups());
        groups.add(requireGroup(group));
        UserAccount a = new UserAccount(u.id(), u.printedName(), groups, u.password());
        return apply(by, AdminLog.GRANTED, a, bothRoles(by, a, act, allowBothRoles));
    }

    /** Removes a user from a group, signed by an administrator. */
    public UserAccount revoke(Credentials admin, String id, String group)
            throws AdministrationRefusedException, IOException {
        String act = "revoke of " + group + " from " + id;
        String by = administrator(admin, id, act);
        UserAccount u = existing(by, id, act);
        if (!u.isIn(group)) {
            throw refuse(by, id, act, id + " is not in group " + group);
        }
        Set<String> groups = new TreeSet<>(u.groups());
        groups.remove(group);
        return apply(
                by,
                AdminLog.REVOKED,
                new UserAccount(u.id(), u.printedName(), groups, u.password()),
                "");
    }

    /**
     * Logs a refusal of {@code act} on user {@code id} by {@code by} and returns the exception to
     * throw, whose message is {@code <act> refused: <why>}.
     */
    public AdministrationRefusedException refuse(String by, String id, String act, String why) {
        String message = act + " refused: " + why;
        log.record(
                by == null || by.isBlank() ? "(none)" : by,
                AdminLog.REFUSED,
                id == null || id.isBlank() ? "(none)" : id,
                message,
                Optional.empty());
        return new AdministrationRefusedException(message);
    }

    private String administrator(Credentials c, String id, String act)
            throws AdministrationRefusedException {
        if (c == null || c.userId() == null || c.userId().isBlank()) {
            throw refuse(null, id, act, "it needs an administrator's signature (--admin ID)");
        }
        try {
            Optional<UserAccount> a = registry.find(c.userId());
            if (a.isEmpty()) {
                throw refuse(c.userId(), id, act, "unknown administrator " + c.userId());
            }
            if (!a.get().password().matches(c.password())) {
                throw refuse(c.userId(), id, act, "wrong password of administrator " + c.userId());
            }
            if (!a.get().isIn(Roles.ADMIN)) {
                throw refuse(
                        c.userId(),
                        id,
                        act,
                        c.userId() + " is not an administrator (group " + Roles.ADMIN + ")");
            }
            return c.userId();
        } finally {
            if (c.password() != null) Arrays.fill(c.password(), '\0');
        }
    }

    private UserAccount existing(String by, String id, String act)
            throws AdministrationRefusedException {
        return registry.find(id).orElseThrow(() -> refuse(by, id, act, "no user " + id));
    }

    private String bothRoles(String by, UserAccount a, String act, boolean allowed)
            throws AdministrationRefusedException {
        if (!Roles.holdsBoth(a)) {
            return "";
        }
        if (!allowed) {
            throw refuse(
                    by,
                    a.id(),
                    act,
                    a.id()
                            + " would hold both "
                            + Roles.QA_LEAD
                            + " and "
                            + Roles.QA_REVIEWER
                            + ": give --allow-both-roles to acknowledge it");
        }
        return "both roles acknowledged (--allow-both-roles); ";
    }

    private UserAccount apply(String by, String action, UserAccount a, String note)
            throws IOException {
        AuditEntry e =
                log.record(
                        by,
                        action,
                        a.id(),
                        note + AdminLog.state(a),
                        Optional.of(a.recordSha256()));
        UserRegistry next = registry.with(a);
        next.save(key, new AuditTrail.Head(e.sequence(), e.sha256()));
        registry = next;
        return a;
    }

    private static UserAccount account(
            String id, String name, Set<String> groups, char[] password) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "user id is not lower-case letters, digits, '.', '_', '-': " + id);
        }
        if (id.equals(AuditTrail.SYSTEM)) {
            throw new IllegalArgumentException("user id is reserved for automatic steps: " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("printed name is empty for user " + id);
        }
        groups.forEach(UserAdministration::requireGroup);
        return new UserAccount(id, name.strip(), groups, PasswordHash.create(password));
    }

    private static UserAccount withPassword(UserAccount u, char[] password) {
        return new UserAccount(u.id(), u.printedName(), u.groups(), PasswordHash.create(password));
    }

    private static String requireGroup(String g) {
        if (g == null || !ID.matcher(g).matches()) {
            throw new IllegalArgumentException(
                    "group is not lower-case letters, digits, '.', '_', '-': " + g);
        }
        return g;
    }
}
