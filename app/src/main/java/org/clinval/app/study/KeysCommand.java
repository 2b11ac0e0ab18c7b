package org.clinval.app.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.clinval.app.cli.Json;
import org.clinval.app.cli.Subcommands;
import org.clinval.app.cli.UserError;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyException;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.workflows.signature.AdministrationRefusedException;
import org.clinval.workflows.signature.UserAccount;
import org.clinval.workflows.signature.UserAdministration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clinval keys}: the site key that signs every study record. {@code init} creates the
 * keystore (never over an existing one) and the first administrator of a new user registry; {@code
 * export-public} writes what a reviewer needs to verify runs: the public key as JSON ({@code
 * {"format": "clinval-site-public-key/1", "algorithm": "Ed25519", "key_id", "public_key"}}).
 */
@Subcommands({KeysCommand.Init.class, KeysCommand.ExportPublic.class})
@Command(name = "keys", description = "Create the site key and export its public half.")
public final class KeysCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'clinval keys init'");
    }

    /** {@code clinval keys init --admin ID --name NAME}. */
    @Command(
            name = "init",
            description =
                    "Create the site keystore (Ed25519, private key encrypted under the passphrase)"
                            + " and the first administrator of a new user registry.")
    public static final class Init implements Callable<Integer> {

        @Option(
                names = "--admin",
                required = true,
                paramLabel = "ID",
                description = "The first administrator's user id.")
        String admin;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                description = "The administrator's printed name.")
        String name;

        @Option(
                names = "--password-file",
                paramLabel = "F",
                description =
                        "File whose first line is the administrator's password, readable by its"
                                + " owner only (default: prompt twice).")
        Path passwordFile;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path keystore = options.keystore();
            Path users = options.users();
            if (Files.exists(keystore)) {
                throw new UserError(
                        "the keystore " + keystore + " exists: a site key is never replaced");
            }
            if (Files.exists(users)) {
                throw new UserError(
                        "the user registry "
                                + users
                                + " exists: 'keys init' starts a new one (give --users for"
                                + " another file)");
            }
            char[] password =
                    Secrets.fileOrPrompt(
                            passwordFile,
                            "New password of administrator " + admin,
                            true,
                            "--password-file F");
            char[] passphrase = options.passphrase(true);
            SiteKey key;
            try {
                key = SiteKeyStore.create(keystore, passphrase);
            } catch (SiteKeyException e) {
                throw new UserError(e.getMessage(), e);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            UserAccount a;
            try {
                a =
                        UserAdministration.open(users, key, Clock.systemUTC())
                                .initialize(admin, name, password);
            } catch (AdministrationRefusedException e) {
                throw new UserError(e.getMessage(), e);
            }
            ObjectNode o = Json.object();
            o.put("keystore", keystore.toString());
            o.put("key_id", key.keyId());
            o.put("admin", a.id());
            o.put("registry", users.toString());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }
    }

    /** {@code clinval keys export-public [--out F]}. */
    @Command(
            name = "export-public",
            description =
                    "Print (or write to --out) the site's public key as JSON with its key id: what a"
                            + " reviewer gives 'clinval audit verify --public-key'. No passphrase"
                            + " needed.")
    public static final class ExportPublic implements Callable<Integer> {

        @Option(
                names = "--out",
                paramLabel = "F",
                description = "Write the key to F instead of printing it.")
        Path out;

        @Mixin StudyOptions options;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PublicSiteKey key = options.publicKey(null);
            if (out == null) {
                spec.commandLine().getOut().print(key.toJson());
                spec.commandLine().getOut().flush();
                return 0;
            }
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, key.toJson(), StandardCharsets.UTF_8);
            ObjectNode o = Json.object();
            o.put("public_key", out.toString());
            o.put("key_id", key.keyId());
            spec.commandLine().getOut().println(Json.write(o));
            return 0;
        }
    }
}
