package org.clinval.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * Where the libraries' logs go. The terminal is for a command's progress and its one-line errors,
 * so everything the libraries log (Flink, Camunda, DJL, PixelMed, Jasper, POI, Cucumber; through
 * SLF4J, Log4j, commons-logging and {@code java.util.logging}) goes to a log file instead: {@code
 * clinval.log} in the run folder once a command knows it ({@link #toFile(Path)}), else the user's
 * log ({@link #defaultFile()}). A command that logged warnings or errors ends with one line on
 * stderr saying how many and where; {@code --debug} also echoes every event to stderr.
 */
public final class Logs {

    /** The log's file name, in a run folder or in the user's cache folder. */
    public static final String FILE = "clinval.log";

    private static LogSink sink;

    private Logs() {}

    /**
     * Starts logging for one command: events go to {@link #defaultFile()} until {@link
     * #toFile(Path)}; with {@code debug} also to {@code err}. {@code command} heads the command's
     * entries in the file (a command name, never its arguments, which may hold secrets).
     */
    public static synchronized void start(String command, boolean debug, PrintWriter err) {
        install()
                .begin(
                        defaultFile(),
                        debug ? err : null,
                        "--- " + Instant.now() + " clinval " + command + "\n");
    }

    /**
     * Sends the rest of this command's log to {@code clinval.log} in {@code runFolder}; for
     * commands that work on a run folder, called once they know it.
     */
    public static synchronized void toFile(Path runFolder) {
        install().retarget(runFolder.toAbsolutePath().normalize().resolve(FILE));
    }

    /** Returns the file this command logs to now. */
    public static synchronized Path file() {
        return install().file();
    }

    /**
     * Ends the command's logging and returns the one line to print on stderr, if it logged warnings
     * or errors: {@code 3 warnings from libraries; see /path/clinval.log}.
     */
    public static synchronized Optional<String> finish() {
        return install().end().summary();
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

    /**
     * Adds the sink to Log4j's root logger and routes {@code java.util.logging} into Log4j, once
     * per process.
     */
    private static LogSink install() {
        if (sink != null) return sink;
        LogSink s = new LogSink();
        s.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.addAppender(s);
        config.getRootLogger().addAppender(s, null, null);
        context.updateLoggers();
        // Replaces JUL's console handler, which prints to System.err, and applies Log4j's levels.
        Log4jBridgeHandler.install(true, null, true);
        sink = s;
        return s;
    }
}
