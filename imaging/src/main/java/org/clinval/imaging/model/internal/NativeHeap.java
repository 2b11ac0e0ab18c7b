package org.clinval.imaging.model.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps the C heap's freed memory for reuse instead of handing it back to the kernel after every
 * tensor: {@code mallopt(M_MMAP_THRESHOLD, 32 MiB)} and {@code mallopt(M_TRIM_THRESHOLD, 512 MiB)}
 * on glibc, before the engine's first allocation.
 *
 * <p>libtorch allocates each intermediate tensor with {@code malloc} and frees it a moment later.
 * With glibc's defaults the threshold above which a block is mapped on its own, and the free space
 * at a heap's top above which the heap is trimmed, start at 128 KiB and only adapt upwards as
 * mapped blocks are freed: a model's activations were mapped, zeroed by the kernel on first touch
 * and unmapped again for every case, 10.0 million minor page faults and 65 s of kernel time for
 * 2,400 cases of the built-in classifier, and a task thread's arena (every Flink subtask has its
 * own) was trimmed more often than the main thread's. Fixed thresholds: 2.8 million faults, 20 s
 * (BENCHMARKS.md, "Inference job"). The memory kept is what the model's largest case needed; it is
 * not a cap on use.
 *
 * <p>The thresholds alone do not stop a thread's own arena from being unmapped when it empties:
 * clinval's launchers also set {@code MALLOC_ARENA_MAX=1}, which only takes effect from the
 * process's start, so a program embedding clinval's engines should set it in its own environment.
 * One arena shared by threads that allocate large blocks in turn fragments; the series inference
 * therefore runs one slice per model call (BENCHMARKS.md, "The demo study").
 *
 * <p>Set {@code -Dclinval.malloc.tuning=false} to keep the C library's defaults. On a C library
 * without {@code mallopt} (musl, macOS) nothing is changed.
 */
final class NativeHeap {

    static final int M_TRIM_THRESHOLD = -1;
    static final int M_MMAP_THRESHOLD = -3;
    static final int MMAP_THRESHOLD = 32 << 20;
    static final int TRIM_THRESHOLD = 512 << 20;

    private NativeHeap() {}

    interface LibC extends Library {
        int mallopt(int param, int value);
    }

    /** Applies the thresholds; returns whether the C library took both. */
    static boolean tune() {
        if (!Boolean.parseBoolean(System.getProperty("clinval.malloc.tuning", "true"))) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux")) return false;
        try {
            LibC c = Native.load("c", LibC.class);
            // The mmap threshold first: setting either one stops glibc's adaptation of both.
            return c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                    && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
