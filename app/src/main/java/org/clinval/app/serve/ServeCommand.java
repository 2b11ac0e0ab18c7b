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
import org.clinval.app.demo.DemoSite;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SecretFile;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyException;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.workflows.StudySettings;
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
                    + " and every run's audit trail.",
            "With no registry or key given (options, environment, clinval-users.json, default"
                    + " keystore), it uses the demo site that clinval demo and clinval pms demo"
                    + " share, on this machine only."
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

    @Option(
            names = {"--db", "--db-url"},
            paramLabel = "JDBC",
            description =
                    "Process database of the studies started with --db-url, e.g."
                            + " jdbc:postgresql://host/clinval (user and password from"
                            + " $CLINVAL_DB_USER, $CLINVAL_DB_PASSWORD); studies kept in their"
                            + " run folder are opened there.")
    String db;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(home)) throw new UserError("--home " + home + " is not a folder");
        if (port < 0 || port > 65_535) throw new UserError("--port " + port + " is not a port");
        if (idleMinutes < 1 || idleMinutes > 24 * 60) {
            throw new UserError("--idle-minutes " + idleMinutes + " is not between 1 and 1440");
        }
        var err = spec.commandLine().getErr();
        Path registry;
        Optional<SiteKey> signing;
        PublicSiteKey key;
        Optional<DemoSite> demo = demoSite();
        if (demo.isPresent()) {
            registry = demo.get().users();
            signing = Optional.of(demo.get().key());
            key = demo.get().key().publicKey();
            err.println(
                    "clinval serve: no user registry or site key given, so it uses the demo site "
                            + demo.get().dir()
                            + " (users "
                            + DemoSite.ANALYST
                            + ", qa.lead, qa.reviewer; password "
                            + DemoSite.password()
                            + "): for trying clinval only, anyone can sign as these users."
                            + " Give --users and --keystore for real use.");
        } else {
            registry = users();
            if (!Files.isRegularFile(registry)) {
                throw new UserError(
                        "no user registry at "
                                + registry
                                + ": give --users FILE (clinval users init makes one)");
            }
            signing = signingKey();
            key = signing.isPresent() ? signing.get().publicKey() : key();
        }
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
                                Duration.ofMinutes(15),
                                () ->
                                        org.clinval.app.study.Studies.services(
                                                spec.commandLine().getErr(),
                                                java.time.Clock.systemUTC()),
                                database(),
                                demo.map(DemoSite::ledger)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                },
                                "clinval-serve-stop"));
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
        if (demo.isPresent()) {
            err.println(
                    "clinval serve: run ./clinval demo and ./clinval pms demo in another terminal"
                            + " (in "
                            + home.toAbsolutePath().normalize()
                            + "); their study and dashboard appear here when they finish.");
        }
        err.flush();
        stopped.await();
        return 0;
    }

    /**
     * The demo site, when nothing names a registry or a key: no option, no environment variable, no
     * {@code clinval-users.json} here and no keystore at the default place.
     */
    private Optional<DemoSite> demoSite() throws IOException {
        boolean named =
                users != null
                        || keystore != null
                        || publicKey != null
                        || keyPassphraseFile != null
                        || set("CLINVAL_USERS")
                        || set("CLINVAL_KEYSTORE")
                        || set("CLINVAL_KEY_PASSPHRASE")
                        || Files.exists(Path.of("clinval-users.json"))
                        || Files.exists(SiteKeyStore.defaultLocation());
        if (named) return Optional.empty();
        if (!java.net.InetAddress.getByName(bind).isLoopbackAddress()) {
            throw new UserError(
                    "--bind "
                            + bind
                            + " opens the server to the network, and without --users and"
                            + " --keystore it would use the demo site, whose password is"
                            + " published: give --users and --keystore");
        }
        DemoSite site =
                DemoSite.openOrCreate(home.toAbsolutePath().normalize().resolve(DemoSite.FOLDER));
        site.addAnalyst();
        return Optional.of(site);
    }

    private static boolean set(String env) {
        String v = System.getenv(env);
        return v != null && !v.isBlank();
    }

    private Optional<StudySettings.Database> database() {
        if (db == null) return Optional.empty();
        if (!db.startsWith("jdbc:h2:") && !db.startsWith("jdbc:postgresql:")) {
            throw new UserError(
                    "--db "
                            + db
                            + " is not an H2 or PostgreSQL URL (jdbc:h2:… or jdbc:postgresql:…)");
        }
        return Optional.of(
                new StudySettings.Database(
                        db,
                        System.getenv().getOrDefault("CLINVAL_DB_USER", ""),
                        System.getenv().getOrDefault("CLINVAL_DB_PASSWORD", "")));
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
