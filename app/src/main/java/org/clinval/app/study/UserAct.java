package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.signature.AdministrationRefusedException;
import org.clinval.workflows.signature.InvalidRegistryException;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserAdministration;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** An act on the registry: opens it with the site key and turns refusals into one line. */
abstract class UserAct implements Callable<Integer> {

    @Mixin StudyOptions options;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    UserAdministration administration;

    @Override
    public final Integer call() throws Exception {
        try {
            administration =
                    UserAdministration.open(options.users(), options.siteKey(), Clock.systemUTC());
            ObjectNode o = act();
            o.put("registry", options.users().toString());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        } catch (AdministrationRefusedException | InvalidRegistryException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    abstract ObjectNode act() throws AdministrationRefusedException, IOException;

    /** Reads a secret; a file others can read is refused, and the refusal logged. */
    char[] secret(
            String by,
            String id,
            String act,
            Path file,
            String prompt,
            boolean twice,
            String option)
            throws AdministrationRefusedException {
        try {
            return Secrets.fileOrPrompt(file, prompt, twice, option + " F");
        } catch (UserError e) {
            if (file == null) throw e;
            throw administration.refuse(by, id, act, e.getMessage());
        }
    }

    UserAdministration.Credentials admin(AdminOptions a, String id, String act)
            throws AdministrationRefusedException {
        if (a.admin == null) {
            return null; // refused, and logged, by the act itself
        }
        return new UserAdministration.Credentials(
                a.admin,
                secret(
                        a.admin,
                        id,
                        act,
                        a.adminPasswordFile,
                        "Password of administrator " + a.admin,
                        false,
                        "--admin-password-file"));
    }

    static ObjectNode json(UserAccount a) {
        ObjectNode o = Json.object();
        o.put("user", a.id());
        o.put("name", a.printedName());
        ArrayNode g = o.putArray("groups");
        a.sortedGroups().forEach(g::add);
        return o;
    }
}
