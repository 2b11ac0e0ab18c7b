package org.clinval.workflows.delegate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.workflows.ValidationStudy;
import org.clinval.workflows.audit.AuditEntry;
import org.clinval.workflows.audit.AuditTrail;
import org.clinval.workflows.signature.Roles;
import org.clinval.workflows.signature.Signature;
import org.clinval.workflows.signature.Signer;
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
     * @param approvers the users who approved the protocol of this run (see {@link #approvers})
     */
    public static Optional<String> refusal(
            UserAccount user, String taskKey, boolean allowBothRoles, Set<String> approvers) {
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
        if (taskKey.equals(ValidationStudy.QA_SIGN_OFF) && approvers.contains(user.id())) {
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
     * Returns who approved the protocol of the run in {@code runDir}: the signers of {@code
     * ApproveProtocol} in the signature records that carry {@code key}'s signature, and the users
     * the audit trail records completing it (so removing a signature line does not clear them).
     */
    public static Set<String> approvers(Path runDir, PublicSiteKey key) throws IOException {
        Set<String> out = new TreeSet<>();
        String context = "task " + ValidationStudy.APPROVE_PROTOCOL + " ";
        for (Signature s : Signer.signatures(runDir)) {
            if (s.context().startsWith(context) && s.verifies(key)) out.add(s.userId());
        }
        for (AuditEntry e : AuditTrail.in(runDir).entries()) {
            if (e.action().equals(ValidationStudy.APPROVE_PROTOCOL + " completed")) {
                out.add(e.user());
            }
        }
        return out;
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
