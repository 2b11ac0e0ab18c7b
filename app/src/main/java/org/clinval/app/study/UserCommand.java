package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.signature.AdministrationRefusedException;
import org.clinval.workflows.signature.InvalidRegistryException;
import org.clinval.workflows.signature.UserAdministration;
import org.clinval.workflows.signature.UserRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clinval user}: the registry of users who sign. Every change is signed by an administrator
 * ({@code --admin}, with that administrator's password) or, for one's own password, by the user
 * with the old one; every change and every refusal is appended to the registry's administration
 * log, and the registry is signed with the site key (so the keystore's passphrase is needed).
 */
@Subcommands({
    UserCommand.Add.class,
    UserCommand.Passwd.class,
    UserCommand.ResetPassword.class,
    UserCommand.Grant.class,
    UserCommand.Revoke.class,
    UserCommand.ListUsers.class
})
@Command(name = "user", description = "Administer the users who sign study records.")
public final class UserCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval user list'");
    }

    /** {@code clinval user add ID --name N --group G --admin A}. */
    @Command(
            name = "add",
            description =
                    "Add a user (never replaces one); the password is stored only as a PBKDF2"
                            + " hash.")
    public static final class Add extends UserAct {

        @Parameters(
                paramLabel = "ID",
                description = "User id (lower-case letters, digits, '.', '_', '-').")
        String id;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                description = "Printed name shown with signatures.")
        String name;

        @Option(
                names = "--group",
                required = true,
                paramLabel = "G",
                description = "Group, e.g. qa-lead, qa-reviewer or admin; repeat for several.")
        List<String> groups;

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description =
                        "File whose first line is the new user's password, readable by its owner"
                                + " only (default: prompt twice).")
        Path passwordFile;

        @Option(
                names = "--allow-both-roles",
                description = "Acknowledge that one user holds both qa-lead and qa-reviewer.")
        boolean allowBothRoles;

        @Mixin AdminOptions adminOptions;

        @Override
        ObjectNode act() throws AdministrationRefusedException, IOException {
            String act = "user add of " + id;
            UserAdministration.Credentials admin = admin(adminOptions, id, act);
            char[] password =
                    admin == null
                            ? new char[0]
                            : secret(
                                    admin.userId(),
                                    id,
                                    act,
                                    passwordFile,
                                    "New password of " + id,
                                    true,
                                    "--password-file");
            return json(
                    administration.add(
                            admin, id, name, Set.copyOf(groups), password, allowBothRoles));
        }
    }

    /** {@code clinval user passwd ID}: one's own password, with the old one. */
    @Command(name = "passwd", description = "Change your own password; the old one is needed.")
    public static final class Passwd extends UserAct {

        @Parameters(paramLabel = "ID", description = "Your user id.")
        String id;

        @Option(
                names = "--old-password-file",
                paramLabel = "F",
                description = "File whose first line is the old password (default: prompt).")
        Path oldPasswordFile;

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description = "File whose first line is the new password (default: prompt twice).")
        Path passwordFile;

        @Override
        ObjectNode act() throws AdministrationRefusedException, IOException {
            String act = "password change of " + id;
            char[] old =
                    secret(
                            id,
                            id,
                            act,
                            oldPasswordFile,
                            "Old password of " + id,
                            false,
                            "--old-password-file");
            char[] next =
                    secret(
                            id,
                            id,
                            act,
                            passwordFile,
                            "New password of " + id,
                            true,
                            "--password-file");
            ObjectNode o = json(administration.changePassword(id, old, next));
            o.put("changed", "password");
            return o;
        }
    }

    /** {@code clinval user reset-password ID --admin A}. */
    @Command(
            name = "reset-password",
            description = "Set a user's password, signed by an administrator.")
    public static final class ResetPassword extends UserAct {

        @Parameters(paramLabel = "ID", description = "The user id.")
        String id;

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description = "File whose first line is the new password (default: prompt twice).")
        Path passwordFile;

        @Mixin AdminOptions adminOptions;

        @Override
        ObjectNode act() throws AdministrationRefusedException, IOException {
            String act = "password reset of " + id;
            UserAdministration.Credentials admin = admin(adminOptions, id, act);
            char[] password =
                    admin == null
                            ? new char[0]
                            : secret(
                                    admin.userId(),
                                    id,
                                    act,
                                    passwordFile,
                                    "New password of " + id,
                                    true,
                                    "--password-file");
            ObjectNode o = json(administration.resetPassword(admin, id, password));
            o.put("reset_by", adminOptions.admin);
            return o;
        }
    }

    /** {@code clinval user grant ID --group G --admin A}. */
    @Command(name = "grant", description = "Add a user to a group, signed by an administrator.")
    public static final class Grant extends UserAct {

        @Parameters(paramLabel = "ID", description = "The user id.")
        String id;

        @Option(names = "--group", required = true, paramLabel = "G", description = "The group.")
        String group;

        @Option(
                names = "--allow-both-roles",
                description = "Acknowledge that the user will hold both qa-lead and qa-reviewer.")
        boolean allowBothRoles;

        @Mixin AdminOptions adminOptions;

        @Override
        ObjectNode act() throws AdministrationRefusedException, IOException {
            UserAdministration.Credentials admin =
                    admin(adminOptions, id, "grant of " + group + " to " + id);
            return json(administration.grant(admin, id, group, allowBothRoles));
        }
    }

    /** {@code clinval user revoke ID --group G --admin A}. */
    @Command(
            name = "revoke",
            description = "Remove a user from a group, signed by an administrator.")
    public static final class Revoke extends UserAct {

        @Parameters(paramLabel = "ID", description = "The user id.")
        String id;

        @Option(names = "--group", required = true, paramLabel = "G", description = "The group.")
        String group;

        @Mixin AdminOptions adminOptions;

        @Override
        ObjectNode act() throws AdministrationRefusedException, IOException {
            UserAdministration.Credentials admin =
                    admin(adminOptions, id, "revoke of " + group + " from " + id);
            return json(administration.revoke(admin, id, group));
        }
    }

    /** {@code clinval user list}: ids, names and groups (never the hashes). */
    @Command(
            name = "list",
            description =
                    "List the users with their groups, after checking the registry against its"
                            + " signature and administration log (needs the public key only).")
    public static final class ListUsers implements Callable<Integer> {

        @Option(
                names = "--public-key",
                paramLabel = "F",
                description = "The site's public key (default: the keystore's).")
        Path publicKey;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            UserRegistry r;
            try {
                r = UserRegistry.load(options.users(), options.publicKey(publicKey));
            } catch (InvalidRegistryException e) {
                throw new UserError(e.getMessage(), e);
            }
            ObjectNode o = Json.object();
            ArrayNode users = o.putArray("users");
            r.users().forEach(a -> users.add(UserAct.json(a)));
            o.put("registry", options.users().toString());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }
    }
}
