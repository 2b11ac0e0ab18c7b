package org.clinval.app.cli;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * Sends {@code java.util.logging} (Cucumber, parts of the JDK) to Log4j, and so to the command's
 * log file instead of JUL's console handler on stderr. Log4j's own bridge starts Log4j when it is
 * made; this one makes it at the first record, so a command that logs nothing through JUL does not
 * start Log4j. Public for JUL, which makes the handlers its configuration names ({@link
 * JulConfig}).
 */
public final class JulBridge extends Handler {

    private Log4jBridgeHandler target;

    /**
     * Replaces the handlers of JUL's root logger (its console handler prints to stderr) with this
     * bridge, once per process; for a JVM whose JUL had started before clinval's code ran.
     */
    static synchronized void install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof JulBridge) return;
            root.removeHandler(h);
        }
        root.addHandler(new JulBridge());
    }

    @Override
    public void publish(LogRecord record) {
        bridge().publish(record);
    }

    /** Log4j's bridge, made at first use; it also applies Log4j's levels to JUL's loggers. */
    private synchronized Log4jBridgeHandler bridge() {
        if (target == null) target = new Log4jBridgeHandler(false, null, true);
        return target;
    }

    @Override
    public void flush() {
        if (target != null) target.flush();
    }

    @Override
    public void close() {
        if (target != null) target.close();
    }
}
