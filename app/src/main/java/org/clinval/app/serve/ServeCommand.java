package org.clinval.app.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.clinval.app.cli.UserError;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SecretFile;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyException;
import org.clinval.common.sitekey.SiteKeyStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clinval serve}: the study desk and the surveillance dashboard in the browser. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the studies, their runs and the surveillance dashboards found under --home to"
                    + " the browser, and the same data as a JSON API (/api/openapi.json).",
            "Log in with a user of the user registry; the site's public key verifies the registry"
                    + " and every run's audit trail."
        })
public final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--home",
            paramLabel = "DIR",
            defaultValue = ".",
            description =
                    "The folder whose study runs and surveillance outputs are shown (searched "
                            + Workspace.DEPTH
                            + " levels deep; default: the current folder).")
    Path home;

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
                    "Site keystore whose public half verifies the registry and the runs; no"
                            + " passphrase is asked (default: $CLINVAL_KEYSTORE, else"
                            + " ~/.config/clinval/site-key.json).")
    Path keystore;

    @Option(
            names = "--public-key",
            paramLabel = "FILE",
            description = "The site's exported public key, instead of --keystore.")
    Path publicKey;

    @Option(
            names = "--key-passphrase-file",
            paramLabel = "F",
            description =
                    "File whose first line is the keystore's passphrase, readable by its owner only"
                            + " (default: $CLINVAL_KEY_PASSPHRASE): the server then signs"
                            + " investigation tasks; without it, it shows and does not sign.")
    Path keyPassphraseFile;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port (default: 8080; 0: any free port).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on (default: 127.0.0.1, this machine only; put the server"
                            + " behind TLS before opening it to a network).")
    String bind;

    @Option(
            names = "--idle-minutes",
            defaultValue = "15",
            description = "A session ends after this many minutes without a request (default: 15).")
    int idleMinutes;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(home)) throw new UserError("--home " + home + " is not a folder");
        if (port < 0 || port > 65_535) throw new UserError("--port " + port + " is not a port");
        if (idleMinutes < 1 || idleMinutes > 24 * 60) {
            throw new UserError("--idle-minutes " + idleMinutes + " is not between 1 and 1440");
        }
        Path registry = users();
        if (!Files.isRegularFile(registry)) {
            throw new UserError(
                    "no user registry at "
                            + registry
                            + ": give --users FILE (the demo's: clinval-demo/users.json)");
        }
        Optional<SiteKey> signing = signingKey();
        PublicSiteKey key = signing.isPresent() ? signing.get().publicKey() : key();
        WebServer server =
                WebServer.start(
                        new WebServer.Settings(
                                home.toAbsolutePath().normalize(),
                                registry,
                                key,
                                signing,
                                bind,
                                port,
                                Duration.ofMinutes(idleMinutes),
                                Duration.ofMinutes(15)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                },
                                "clinval-serve-stop"));
        var err = spec.commandLine().getErr();
        err.println(
                "clinval serve: http://"
                        + (bind.contains(":") ? "[" + bind + "]" : bind)
                        + ":"
                        + server.port()
                        + "/ (studies and surveillance under "
                        + home.toAbsolutePath().normalize()
                        + "; users of "
                        + registry
                        + (signing.isPresent()
                                ? "; signs with site key " + signing.get().keyId()
                                : "; read-only: no --key-passphrase-file")
                        + "; Ctrl-C stops)");
        err.flush();
        stopped.await();
        return 0;
    }

    private Path users() {
        if (users != null) return users;
        String env = System.getenv("CLINVAL_USERS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("clinval-users.json");
    }

    /** The unlocked site key, when a passphrase is given by file or environment. */
    private Optional<SiteKey> signingKey() {
        String env = System.getenv("CLINVAL_KEY_PASSPHRASE");
        if (keyPassphraseFile == null && (env == null || env.isEmpty())) return Optional.empty();
        if (publicKey != null) {
            throw new UserError("give --keystore, not --public-key, with a passphrase: it signs");
        }
        char[] passphrase;
        try {
            passphrase =
                    keyPassphraseFile != null
                            ? SecretFile.firstLine(keyPassphraseFile)
                            : env.toCharArray();
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + keyPassphraseFile, e);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        try {
            return Optional.of(
                    SiteKeyStore.open(
                            keystore != null ? keystore : SiteKeyStore.defaultLocation(),
                            passphrase));
        } catch (NoSuchFileException e) {
            throw new UserError(e.getFile() + ": no such file; give --keystore FILE", e);
        } catch (IOException | SiteKeyException e) {
            throw new UserError(e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    private PublicSiteKey key() {
        try {
            if (publicKey != null) return PublicSiteKey.read(publicKey);
            return SiteKeyStore.publicKey(
                    keystore != null ? keystore : SiteKeyStore.defaultLocation());
        } catch (NoSuchFileException e) {
            throw new UserError(
                    e.getFile()
                            + ": no such file; give --keystore FILE or --public-key FILE (the"
                            + " demo's: clinval-demo/keys/site-key.json)",
                    e);
        } catch (IOException | SiteKeyException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
