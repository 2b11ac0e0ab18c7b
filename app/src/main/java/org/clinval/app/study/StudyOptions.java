package org.clinval.app.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clinval.app.cli.UserError;
import org.clinval.workflows.StudyEngine;
import org.clinval.workflows.StudySettings;
import picocli.CommandLine.Option;

/** Options shared by the study commands: the user registry and where run folders live. */
final class StudyOptions {

    /** Where {@code study run} puts run folders by default, and where the others look. */
    static final Path RUNS = Path.of("runs");

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description =
                    "User registry (default: $CLINVAL_USERS, else clinval-users.json in the current folder).")
    Path users;

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
                    "Run inference on this Flink cluster (its REST address) instead of in-process;"
                            + " the cluster needs DJL parent-first"
                            + " (classloader.parent-first-patterns.additional: ai.djl.).")
    String flink;

    Path users() {
        if (users != null) return users;
        String env = System.getenv("CLINVAL_USERS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("clinval-users.json");
    }

    StudySettings settings(java.io.PrintWriter err) {
        StudySettings.Builder b =
                StudySettings.builder()
                        .setServices(Studies.services(err, java.time.Clock.systemUTC(), flink))
                        .setUsers(users());
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
