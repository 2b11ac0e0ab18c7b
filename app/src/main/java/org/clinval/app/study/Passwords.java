package org.clinval.app.study;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.app.cli.UserError;

/** Reads a password from the first line of a file, or asks for it on the console. */
final class Passwords {

    private Passwords() {}

    static char[] read(Path file, String user) throws IOException {
        if (file != null) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new UserError(file + ": the first line (the password) is empty");
            }
            return lines.get(0).toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UserError("no console to ask for the password: give --password-file");
        }
        char[] p = console.readPassword("Password of %s: ", user);
        if (p == null || p.length == 0) {
            throw new UserError("no password given");
        }
        return p;
    }
}
