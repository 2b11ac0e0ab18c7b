package org.clinval.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the libraries' logs go. The terminal is for a command's progress and its one-line errors,
 * so everything the libraries log (Flink, Camunda, DJL, PixelMed, Jasper, POI, Cucumber; through
 * SLF4J, Log4j, commons-logging and {@code java.util.logging}) goes to a log file instead: {@code
 * clinval.log} in the run folder once a command knows it ({@link #toFile(Path)}), else the user's
 * log ({@link #defaultFile()}). A command that logged warnings or errors ends with one line on
 * stderr saying how many and where; {@code --debug} also echoes every event to stderr.
 *
 * <p>Nothing here loads Log4j: its set-up was most of a short command's start-up, and most commands
 * never log. Log4j starts when a library first logs, with {@link LogSink} added by {@link
 * LogConfigurationFactory}; the sink writes to this command's {@link LogFile}.
 */
public final class Logs {

    /** The log's file name, in a run folder or in the user's cache folder. */
    public static final String FILE = "clinval.log";

    private static final LogFile LOG = new LogFile();

    private static boolean julLazy;

    private Logs() {}

    /**
     * Starts logging for one command: events go to {@link #defaultFile()} until {@link
     * #toFile(Path)}; with {@code debug} also to {@code err}. {@code command} heads the command's
     * entries in the file (a command name, never its arguments, which may hold secrets).
     */
    public static synchronized void start(String command, boolean debug, PrintWriter err) {
        if (!julLazy) JulBridge.install();
        LOG.begin(
                defaultFile(),
                debug ? err : null,
                "--- " + Instant.now() + " clinval " + command + "\n");
    }

    /**
     * Has JUL send its records to the log file once it starts ({@link JulConfig}), instead of
     * starting it now; for a process's entry point, before any library runs, and only when the user
     * named no JUL configuration. Else {@link #start} replaces JUL's console handler.
     */
    public static synchronized void configureJulLazily() {
        if (System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty("java.util.logging.config.class", JulConfig.class.getName());
        julLazy = true;
    }

    /**
     * Sends the rest of this command's log to {@code clinval.log} in {@code runFolder}; for
     * commands that work on a run folder, called once they know it.
     */
    public static synchronized void toFile(Path runFolder) {
        LOG.retarget(runFolder.toAbsolutePath().normalize().resolve(FILE));
    }

    /** Returns the file this command logs to now. */
    public static synchronized Path file() {
        return LOG.file();
    }

    /**
     * Ends the command's logging and returns the one line to print on stderr, if it logged warnings
     * or errors: {@code 3 warnings from libraries; see /path/clinval.log}.
     */
    public static synchronized Optional<String> finish() {
        return LOG.end().summary();
    }

    /**
     * Returns the user's log: {@code $CLINVAL_LOG} if set, else {@code clinval.log} in {@code
     * $XDG_CACHE_HOME/clinval}, else in {@code ~/.cache/clinval}; the system temporary folder when
     * there is no home folder.
     */
    public static Path defaultFile() {
        String explicit = System.getProperty("clinval.log", System.getenv("CLINVAL_LOG"));
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String cache = System.getenv("XDG_CACHE_HOME");
        if (cache != null && !cache.isBlank()) return Path.of(cache, "clinval", FILE);
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?")) {
            return Path.of(home, ".cache", "clinval", FILE);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "clinval-" + FILE);
    }

    /** Records one event of a library (from {@link LogSink}). */
    static void record(boolean error, boolean warning, String text) {
        LOG.record(error, warning, text);
    }
}
