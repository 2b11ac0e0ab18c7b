package org.clinval.features.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.clinval.features.evidence.StudyRun;

/**
 * The run folder of the acceptance run in progress on this thread, and the runs read so far in it.
 *
 * <p>Cucumber creates the glue itself, so the runner cannot hand it objects; it sets this context
 * around one Cucumber run instead and clears it after. The value is thread-bound (inherited by
 * threads Cucumber starts for the run), so runs on different threads, or one after another on the
 * same thread, never see each other's folder or cached results.
 */
public final class RunContext {

    private static final InheritableThreadLocal<RunContext> CURRENT =
            new InheritableThreadLocal<>();

    private final Path runDir;
    private final Map<Path, StudyRun> read = new HashMap<>();

    private RunContext(Path runDir) {
        this.runDir = runDir.toAbsolutePath().normalize();
    }

    /** Work done inside a context. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code body} with {@code runDir} as the current run, then clears it. */
    public static <T, E extends Exception> T with(Path runDir, Body<T, E> body) throws E {
        RunContext previous = CURRENT.get();
        CURRENT.set(new RunContext(runDir));
        try {
            return body.run();
        } finally {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        }
    }

    /** Returns the run folder the acceptance runner was given, if a run is in progress. */
    public static Optional<Path> runDir() {
        RunContext c = CURRENT.get();
        return c == null ? Optional.empty() : Optional.of(c.runDir);
    }

    /**
     * Returns the study run in {@code dir}, read once per acceptance run (every scenario sees the
     * same reading); outside a run it is read on each call.
     */
    public static StudyRun open(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        RunContext c = CURRENT.get();
        if (c == null) {
            return StudyRun.open(d);
        }
        synchronized (c.read) {
            StudyRun r = c.read.get(d);
            if (r == null) {
                r = StudyRun.open(d);
                c.read.put(d, r);
            }
            return r;
        }
    }
}
