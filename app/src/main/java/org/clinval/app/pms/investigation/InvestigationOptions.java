package org.clinval.app.pms.investigation;

import java.io.Console;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.clinval.app.cli.UserError;
import org.clinval.common.sitekey.SecretFile;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyException;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.workflows.investigation.PostMarketInvestigations;
import org.clinval.workflows.investigation.RevalidationRequests;
import picocli.CommandLine.Option;

/**
 * Options of the investigation commands: the surveillance output folder, the user registry and the
 * site keystore with its passphrase (the same defaults and environment variables as the study
 * commands).
 */
public final class InvestigationOptions {

    @Option(
            names = "--out",
            paramLabel = "OUT",
            required = true,
            description =
                    "The surveillance output folder (of 'clinval pms run'); the investigations live"
                            + " in OUT/investigations.")
    Path out;

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description =
                    "User registry (default: $CLINVAL_USERS, else clinval-users.json in the current"
                            + " folder).")
    Path users;

    @Option(
            names = "--keystore",
            paramLabel = "FILE",
            description =
                    "Site keystore (default: $CLINVAL_KEYSTORE, else"
                            + " $XDG_CONFIG_HOME/clinval/site-key.json, else"
                            + " ~/.config/clinval/site-key.json).")
    Path keystore;

    @Option(
            names = "--key-passphrase-file",
            paramLabel = "F",
            description =
                    "File whose first line is the keystore's passphrase, readable by its owner only"
                            + " (default: $CLINVAL_KEY_PASSPHRASE, else prompt).")
    Path keyPassphraseFile;

    /** Opens the investigations of {@code --out}; a revalidation decision calls {@code r}. */
    PostMarketInvestigations open(RevalidationRequests r) {
        try {
            return PostMarketInvestigations.in(out, users(), siteKey(), r);
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage(), e);
        } catch (IOException e) {
            throw new UserError(out + ": " + e.getMessage(), e);
        }
    }

    private Path users() {
        if (users != null) return users;
        String env = System.getenv("CLINVAL_USERS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("clinval-users.json");
    }

    private SiteKey siteKey() {
        Path store = keystore != null ? keystore : SiteKeyStore.defaultLocation();
        String env = System.getenv("CLINVAL_KEY_PASSPHRASE");
        char[] passphrase =
                keyPassphraseFile != null
                        ? secret(keyPassphraseFile)
                        : env != null && !env.isEmpty()
                                ? env.toCharArray()
                                : prompt(
                                        "Passphrase of the site keystore " + store,
                                        "--key-passphrase-file F or $CLINVAL_KEY_PASSPHRASE");
        try {
            return SiteKeyStore.open(store, passphrase);
        } catch (NoSuchFileException e) {
            throw new UserError(e.getFile() + ": " + e.getReason(), e);
        } catch (IOException | SiteKeyException e) {
            throw new UserError(e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Returns the first line of {@code file}, refusing a file group or others can read. */
    static char[] secret(Path file) {
        try {
            return SecretFile.firstLine(file);
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + file, e);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Asks on the console without echo; {@code option} gives it instead. */
    static char[] prompt(String prompt, String option) {
        Console console = System.console();
        if (console == null) {
            throw new UserError("no console to ask for it: give " + option);
        }
        char[] p = console.readPassword("%s: ", prompt);
        if (p == null || p.length == 0) {
            throw new UserError("nothing was typed");
        }
        return p;
    }
}
