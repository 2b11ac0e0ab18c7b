package org.clinval.app.study;

import java.io.Console;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.clinval.app.cli.UserError;
import org.clinval.common.sitekey.SecretFile;

/**
 * Passwords and passphrases on the command line: read from a file only its owner can read (first
 * line), or asked for on the console without echo; never taken as an argument.
 */
final class Secrets {

    private Secrets() {}

    /**
     * Returns the first line of {@code file}, refusing a file group or others can read.
     *
     * @throws UserError naming the file and the fix
     */
    static char[] fromFile(Path file) {
        try {
            return SecretFile.firstLine(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + file, e);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * Asks on the console without echo; with {@code confirm} twice, and the answers must agree.
     *
     * @param option the option that gives the secret instead, named when there is no console
     */
    static char[] prompt(String prompt, boolean confirm, String option) {
        Console console = System.console();
        if (console == null) {
            throw new UserError("no console to ask for it: give " + option);
        }
        char[] p = console.readPassword("%s: ", prompt);
        if (p == null || p.length == 0) {
            throw new UserError("nothing was typed");
        }
        if (confirm) {
            char[] again = console.readPassword("Again: ");
            boolean same = Arrays.equals(p, again);
            if (again != null) Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(p, '\0');
                throw new UserError("the two entries differ");
            }
        }
        return p;
    }

    /** Returns the secret of {@code file} if given, else asks for it. */
    static char[] fileOrPrompt(Path file, String prompt, boolean confirm, String option) {
        return file != null ? fromFile(file) : prompt(prompt, confirm, option);
    }
}
