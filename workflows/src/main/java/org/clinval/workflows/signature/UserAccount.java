package org.clinval.workflows.signature;

import java.util.Set;
import java.util.TreeSet;

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
}
