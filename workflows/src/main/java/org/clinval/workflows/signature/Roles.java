package org.clinval.workflows.signature;

/** The groups the suite gives a meaning to. */
public final class Roles {

    /** Administrators: they add users, reset passwords and grant or revoke groups. */
    public static final String ADMIN = "admin";

    /** QA leads approve protocols. */
    public static final String QA_LEAD = "qa-lead";

    /** QA reviewers sign off reports and record deviations. */
    public static final String QA_REVIEWER = "qa-reviewer";

    private Roles() {}

    /** Returns whether {@code user} holds both the qa-lead and the qa-reviewer role. */
    public static boolean holdsBoth(UserAccount user) {
        return user.isIn(QA_LEAD) && user.isIn(QA_REVIEWER);
    }
}
