package org.clinval.workflows.protocol;

/**
 * What the protocol says about who may sign what (Part 11 §11.10(g), authority checks). The user
 * who approved the protocol may never sign off the reports; this only relaxes the rule that one
 * user may not hold both the qa-lead and the qa-reviewer role.
 *
 * @param allowOneUserBothRoles whether a user in both groups may sign for either (key {@code
 *     separation_of_duties.allow_one_user_both_roles}, default false)
 */
public record SeparationOfDuties(boolean allowOneUserBothRoles) {

    /** The default: one user holds one of the two roles. */
    public static final SeparationOfDuties STRICT = new SeparationOfDuties(false);
}
