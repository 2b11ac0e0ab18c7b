package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clinval user}: the registry of users who sign. */
@Command(
        name = "user",
        description = "Register the users who sign study records.",
        subcommands = {UserCommand.Add.class})
public final class UserCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval user add'");
    }

    /** {@code clinval user add ID --name NAME --group G [--password-file F]}. */
    @Command(
            name = "add",
            description = "Add or replace a user; the password is stored only as a PBKDF2 hash.")
    public static final class Add implements Callable<Integer> {

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
                description = "Group, e.g. qa-lead or qa-reviewer; repeat for several.")
        List<String> groups;

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description = "File whose first line is the password (default: prompt).")
        Path passwordFile;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            char[] password = password();
            UserAccount a;
            try {
                a = UserRegistry.load(options.users()).put(id, name, Set.copyOf(groups), password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            ObjectNode o = Json.object();
            o.put("user", a.id());
            o.put("name", a.printedName());
            ArrayNode g = o.putArray("groups");
            new TreeSet<>(a.groups()).forEach(g::add);
            o.put("registry", options.users().toString());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }

        private char[] password() throws java.io.IOException {
            if (passwordFile != null) {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                if (lines.isEmpty()) {
                    throw new UserError(passwordFile + ": the first line (the password) is empty");
                }
                return lines.get(0).toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw new UserError("no console to ask for the password: give --password-file");
            }
            char[] p = console.readPassword("New password of %s: ", id);
            char[] again = console.readPassword("Again: ");
            if (p == null || again == null || !java.util.Arrays.equals(p, again)) {
                throw new UserError("the passwords differ");
            }
            return p;
        }
    }
}
