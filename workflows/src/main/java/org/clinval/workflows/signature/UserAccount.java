package org.clinval.workflows.signature;

import java.util.Set;
import java.util.TreeSet;
import org.clinval.common.Sha256;
import org.clinval.workflows.audit.SignedPayload;

/**
 * A user who may sign.
 *
 * @param id the user id, as typed when signing
 * @param printedName the name printed with each signature
 * @param groups the groups the user belongs to, e.g. {@code qa-lead}
 * @param password the password's salted slow hash
 */
public record UserAccount(
        String id, String printedName, Set<String> groups, PasswordHash password) {

    public UserAccount {
        groups = Set.copyOf(new TreeSet<>(groups));
    }

    /** Returns whether the user belongs to {@code group}. */
    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Returns the groups, sorted. */
    public TreeSet<String> sortedGroups() {
        return new TreeSet<>(groups);
    }

    /**
     * Returns the SHA-256 of the account's fields (id, name, groups, password hash), the hash the
     * administration log records for it after each act.
     */
    public String recordSha256() {
        return Sha256.ofText(
                SignedPayload.of(
                        "clinval-user/1",
                        id,
                        printedName,
                        String.join(",", sortedGroups()),
                        password.encode()));
    }
}
