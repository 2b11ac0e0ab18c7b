package org.clinval.imaging.model.internal;

/**
 * Engine settings applied once before an engine starts: offline mode (never download a native
 * library or model) and thread counts. PyTorch gets one inter-op thread and as many intra-op
 * threads as the JVM has processors, unless the caller set {@code ai.djl.pytorch.num_threads} (e.g.
 * to 1 when several predictors run in parallel).
 */
public final class Engines {

    private static boolean done;

    private Engines() {}

    /** Applies the settings; idempotent. */
    public static synchronized void configure() {
        if (done) return;
        setIfAbsent("ai.djl.offline", "true");
        int cpus = Runtime.getRuntime().availableProcessors();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(cpus));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        done = true;
    }

    /** Returns the intra-op threads for ONNX Runtime sessions. */
    public static String onnxIntraOpThreads() {
        return System.getProperty(
                "ai.djl.pytorch.num_threads",
                Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
