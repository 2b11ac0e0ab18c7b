package org.clinval.app.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.app.cli.UserError;
import org.clinval.common.sitekey.PublicSiteKey;
import org.clinval.common.sitekey.SiteKey;
import org.clinval.common.sitekey.SiteKeyException;
import org.clinval.common.sitekey.SiteKeyStore;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudySettings;
import picocli.CommandLine.Option;

/**
 * Options shared by the study commands: the user registry, the site keystore and its passphrase,
 * and where run folders live.
 */
final class StudyOptions {

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The environment variable of the keystore's passphrase. */
    static final String PASSPHRASE_ENV = "CLINVAL_KEY_PASSPHRASE";

    /** Where {@code study run} puts run folders by default, and where the others look. */
    static final Path RUNS = Path.of("runs");

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description =
                    "User registry (default: $CLINVAL_USERS, else clinval-users.json in the current folder).")
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

    @Option(
            names = "--db-url",
            paramLabel = "JDBC",
            description =
                    "Process database instead of the run folder's H2 file, e.g. jdbc:postgresql://host/clinval"
                            + " (user and password from $CLINVAL_DB_USER, $CLINVAL_DB_PASSWORD).")
    String dbUrl;

    @Option(
            names = "--flink",
            paramLabel = "HOST:PORT",
            description =
                    "Run inference on this Flink cluster (its REST address, e.g. from 'clinval"
                            + " cluster start') instead of in-process. The cluster must have"
                            + " clinval's jars on its class path and DJL parent-first"
                            + " (docs/cluster.md).")
    String flink;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description =
                    "Parallel subtasks of the inference job (default: 2, the in-process cluster on"
                            + " two cores; on a cluster, up to its free task slots).")
    Integer parallelism;

    Path users() {
        if (users != null) return users;
        String env = System.getenv("CLINVAL_USERS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("clinval-users.json");
    }

    /** Returns the keystore: {@code --keystore}, else the default location. */
    Path keystore() {
        return keystore != null ? keystore : SiteKeyStore.defaultLocation();
    }

    /**
     * Returns the passphrase: from {@code --key-passphrase-file}, the environment, or asked for.
     */
    char[] passphrase(boolean confirm) {
        if (keyPassphraseFile != null) {
            return Secrets.fromFile(keyPassphraseFile);
        }
        String env = System.getenv(PASSPHRASE_ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        return Secrets.prompt(
                "Passphrase of the site keystore " + keystore(),
                confirm,
                "--key-passphrase-file F or $" + PASSPHRASE_ENV);
    }

    /** Opens the site keystore with its passphrase. */
    SiteKey siteKey() {
        char[] passphrase = passphrase(false);
        try {
            return SiteKeyStore.open(keystore(), passphrase);
        } catch (NoSuchFileException e) {
            throw new UserError(e.getFile() + ": " + e.getReason(), e);
        } catch (IOException | SiteKeyException e) {
            throw new UserError(e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Returns the public key to verify with: {@code file} if given, else the default keystore's (no
     * passphrase needed).
     */
    PublicSiteKey publicKey(Path file) {
        try {
            return file != null ? PublicSiteKey.read(file) : SiteKeyStore.publicKey(keystore());
        } catch (NoSuchFileException e) {
            throw new UserError(
                    e.getFile()
                            + ": "
                            + (e.getReason() != null ? e.getReason() : "no such file")
                            + (file == null ? "; or give --public-key F" : ""),
                    e);
        } catch (IOException | SiteKeyException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    StudySettings settings(java.io.PrintWriter err) {
        if (parallelism != null && (parallelism < 1 || parallelism > 1024)) {
            throw new picocli.CommandLine.ParameterException(
                    mixee.commandLine(), "--parallelism is not in 1..1024: " + parallelism);
        }
        StudySettings.Builder b =
                StudySettings.builder()
                        .setServices(
                                Studies.services(
                                        err,
                                        java.time.Clock.systemUTC(),
                                        flink,
                                        parallelism == null ? Studies.PARALLELISM : parallelism))
                        .setUsers(users())
                        .setSiteKey(siteKey());
        if (dbUrl != null) {
            b.optDatabase(
                    dbUrl,
                    System.getenv().getOrDefault("CLINVAL_DB_USER", ""),
                    System.getenv().getOrDefault("CLINVAL_DB_PASSWORD", ""));
        }
        return b.build();
    }

    /** Returns {@code run} if given, else every run folder below {@code runs/}. */
    static List<Path> runs(Path run) {
        if (run != null) {
            if (!Files.exists(run.resolve(StudyEngine.STUDY_FILE))) {
                throw new UserError(
                        "not a study run folder (no " + StudyEngine.STUDY_FILE + "): " + run);
            }
            return List.of(run);
        }
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(RUNS)) {
            try (Stream<Path> s = Files.list(RUNS)) {
                s.filter(d -> Files.exists(d.resolve(StudyEngine.STUDY_FILE)))
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UserError("cannot list " + RUNS + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
