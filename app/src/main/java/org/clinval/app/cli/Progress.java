package org.clinval.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on stderr: {@code what done/total (rate/s, ETA m:ss)}. On a terminal the
 * line is redrawn in place; otherwise (a log, CI) a line is printed at most every few seconds.
 */
public final class Progress implements AutoCloseable {

    private final String what;
    private final long total;
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private long done;
    private long printed = -1;

    public Progress(String what, long total, PrintWriter err) {
        this(what, total, err, System.console() != null);
    }

    Progress(String what, long total, PrintWriter err, boolean terminal) {
        this.what = what;
        this.total = total;
        this.err = err;
        this.terminal = terminal;
    }

    /** Records {@code done} units finished; prints when due. */
    public synchronized void update(long done) {
        if (done == this.done && lastPrint != 0) {
            return;
        }
        this.done = done;
        long now = System.nanoTime();
        long every = terminal ? 250_000_000L : 5_000_000_000L;
        if (now - lastPrint < every && done < total) {
            return;
        }
        lastPrint = now;
        print(false);
    }

    /** Adds one finished unit. */
    public synchronized void step() {
        update(done + 1);
    }

    /** Returns the line for {@code done} units after {@code elapsed}. */
    static String line(String what, long done, long total, Duration elapsed) {
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        double rate = done / seconds;
        String eta = done == 0 || rate <= 0 ? "--:--" : clock(Math.round((total - done) / rate));
        return String.format(
                Locale.ROOT, "%s %d/%d (%.1f/s, ETA %s)", what, done, total, rate, eta);
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private void print(boolean last) {
        if (last && printed == done) {
            if (terminal) err.print("\n");
            err.flush();
            return;
        }
        printed = done;
        String text = line(what, done, total, Duration.ofNanos(System.nanoTime() - start));
        if (terminal) {
            err.print("\r" + text + (last ? "\n" : ""));
        } else {
            err.println(text);
        }
        err.flush();
    }

    /**
     * Polls {@code doneSoFar} every half second on a daemon thread until closed; for work whose
     * progress is observed from outside, such as a Flink job.
     */
    public AutoCloseable watch(LongSupplier doneSoFar) {
        Thread t =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                update(doneSoFar.getAsLong());
                                try {
                                    Thread.sleep(500);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "progress-" + what);
        t.setDaemon(true);
        t.start();
        return () -> {
            t.interrupt();
            t.join();
        };
    }

    @Override
    public synchronized void close() {
        print(true);
    }
}
