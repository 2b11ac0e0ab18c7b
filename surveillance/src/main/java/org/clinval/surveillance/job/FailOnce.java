package org.clinval.surveillance.job;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.clinval.surveillance.event.Event;

/**
 * Fails its task once, after a checkpoint has completed and {@code after} records have passed: the
 * fault a recovery test injects. Its flags are static, so it only works in the in-process cluster,
 * which is where the tests run it.
 */
public final class FailOnce implements MapFunction<Event, Event>, CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    private static final AtomicLong SEEN = new AtomicLong();
    private final long after;
    private final long pauseMicros;

    /**
     * @param after records to let pass (after a checkpoint) before failing
     * @param pauseMicros a pause per record until the first checkpoint has completed
     */
    public FailOnce(long after, long pauseMicros) {
        this.after = after;
        this.pauseMicros = pauseMicros;
    }

    /** Resets the flags before a run. */
    public static void reset() {
        FAILED.set(false);
        CHECKPOINTED.set(false);
        SEEN.set(0);
    }

    /** Whether the failure happened. */
    public static boolean failed() {
        return FAILED.get();
    }

    @Override
    public Event map(Event r) throws Exception {
        if (!FAILED.get()) {
            if (pauseMicros > 0)
                java.util.concurrent.locks.LockSupport.parkNanos(pauseMicros * 1000);
            if (CHECKPOINTED.get()
                    && SEEN.incrementAndGet() > after
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected task failure (recovery test)");
            }
        }
        return r;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTED.set(true);
    }
}
