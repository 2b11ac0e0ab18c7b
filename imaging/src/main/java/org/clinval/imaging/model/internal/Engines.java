package org.clinval.imaging.model.internal;

/**
 * Engine settings applied once before an engine starts: offline mode (never download a native
 * library or model) and thread counts: one intra-op and one inter-op thread per engine call, unless
 * the caller set {@code ai.djl.pytorch.num_threads} (ONNX Runtime follows the same setting).
 * Parallelism comes from one predictor per thread. On the 2-core shared machine, two OpenMP threads
 * per call made the built-in classifier 8× slower at batch 1 (208 ms against 26 ms) and a tiny CNN
 * 500× slower than one thread: every operator waits at a barrier for a thread that another process
 * has descheduled. The C heap keeps freed tensor memory for reuse ({@link NativeHeap}).
 */
public final class Engines {

    private static boolean done;
    private static boolean heapTuned;

    private Engines() {}

    /** Applies the settings; idempotent. */
    public static synchronized void configure() {
        if (done) return;
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        heapTuned = NativeHeap.tune();
        done = true;
    }

    /** Returns whether the C heap's thresholds were set ({@link NativeHeap}). */
    public static synchronized boolean heapTuned() {
        return heapTuned;
    }

    /** Returns the intra-op threads for ONNX Runtime sessions. */
    public static String onnxIntraOpThreads() {
        return System.getProperty("ai.djl.pytorch.num_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
