package org.clinval.workflows.delegate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.UserAccount;

/**
 * Who may sign a study's task besides being in its group (Part 11 §11.10(g)): a user who holds both
 * the qa-lead and the qa-reviewer role signs nothing unless the protocol allows it ({@code
 * separation_of_duties: {allow_one_user_both_roles: true}}), and the user who approved the protocol
 * never signs the QA sign-off of the same study, whatever the protocol says.
 */
public final class SignerDuties {

    private SignerDuties() {}

    /**
     * Returns why {@code user} may not sign task {@code taskKey}, or empty.
     *
     * @param signatures the run's signature records, verified with the site key
     */
    public static Optional<String> refusal(
            UserAccount user, String taskKey, boolean allowBothRoles, List<Signature> signatures) {
        if (Roles.holdsBoth(user) && !allowBothRoles) {
            return Optional.of(
                    user.id()
                            + " holds both "
                            + Roles.QA_LEAD
                            + " and "
                            + Roles.QA_REVIEWER
                            + " and the protocol does not allow one user both roles"
                            + " (separation_of_duties.allow_one_user_both_roles)");
        }
        if (taskKey.equals(ValidationStudy.QA_SIGN_OFF)
                && signatures.stream()
                        .anyMatch(
                                s ->
                                        s.userId().equals(user.id())
                                                && s.context()
                                                        .startsWith(
                                                                "task "
                                                                        + ValidationStudy
                                                                                .APPROVE_PROTOCOL
                                                                        + " "))) {
            return Optional.of(
                    user.id()
                            + " approved the protocol of this study ("
                            + ValidationStudy.APPROVE_PROTOCOL
                            + ") and may not sign "
                            + ValidationStudy.QA_SIGN_OFF);
        }
        return Optional.empty();
    }

    /**
     * Returns whether the approved protocol in {@code runDir} (its relative paths resolved against
     * {@code protocolBase}) lets one user hold both QA roles.
     *
     * @throws StudyStepException if the protocol cannot be read
     */
    public static boolean protocolAllowsBothRoles(Path runDir, Path protocolBase) {
        return StudyContext.read(
                        runDir.resolve(org.clinval.workflows.local.FileDatasetService.PROTOCOL),
                        protocolBase)
                .separationOfDuties()
                .allowOneUserBothRoles();
    }
}
