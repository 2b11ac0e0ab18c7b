package org.clinval.workflows.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for a test: Debian's {@code postgresql} server (installed by
 * {@code .ci/install-test-tools}), {@code initdb} into a fresh folder, started with {@code pg_ctl}
 * on a free port of 127.0.0.1 with its socket in that folder, trust authentication for one user,
 * stopped and deleted at {@link #close()}. PostgreSQL refuses to run as root: as root, the commands
 * run as the {@code postgres} system user the package creates.
 */
public final class PostgresCluster implements AutoCloseable {

    /** The database user. */
    public static final String USER = "clinval";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;

    private PostgresCluster(Path dir, Path bin, int port, boolean asPostgres) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The server's programs, e.g. {@code /usr/lib/postgresql/15/bin}: the newest installed. */
    static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(
                    "PostgreSQL is not installed (no /usr/lib/postgresql): install the Debian"
                            + " package postgresql (.ci/install-test-tools does)");
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.resolve("bin"))
                    .filter(p -> Files.isExecutable(p.resolve("initdb")))
                    .max(
                            Comparator.comparing(
                                    p -> Integer.parseInt(p.getParent().getFileName().toString())))
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    /** Creates and starts a cluster. */
    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("clinval-pg-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster c = new PostgresCluster(dir, bin, port, root);
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        Path data = dir.resolve("data");
        c.pg(
                "initdb",
                "-D",
                data.toString(),
                "-U",
                USER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync");
        c.pg(
                "pg_ctl",
                "-D",
                data.toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
        return c;
    }

    /** Creates database {@code name} and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** The JDBC URL of database {@code name}. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Stops the server at once, as a crash would (its data stays). */
    public void kill() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the stopped server again on the same port. */
    public void restart() throws IOException, InterruptedException {
        pg(
                "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
        } catch (IllegalStateException e) {
            // already stopped
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void pg(String program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.directory(Path.of("/tmp").toFile());
        Process p = b.start();
        String out =
                new String(
                        p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
        }
    }
}
