package org.clinval.imaging.model.internal;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code TORCH_CPP_LOG_LEVEL} to libtorch once it is loaded. Libtorch 2.7 on a processor
 * without NNPACK support prints "Could not initialize NNPACK! Reason: Unsupported hardware." to the
 * process's stderr at every convolution (hundreds of lines per study). Its log level comes from
 * {@code TORCH_CPP_LOG_LEVEL}, but only {@code c10::initLogging()} reads that variable, and only
 * Python's {@code import torch} calls it: under DJL the variable has no effect. So this class sets
 * libtorch's level variable {@code FLAGS_caffe2_log_level} itself, from {@code TORCH_CPP_LOG_LEVEL}
 * (INFO, WARNING, ERROR, FATAL or 0–3), default ERROR: libtorch's errors still show.
 */
public final class LibtorchLogLevel {

    /** Libtorch's ERROR level. */
    static final int ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger(LibtorchLogLevel.class);
    private static boolean done;

    private LibtorchLogLevel() {}

    /** Applies the level if {@code engine} is the PyTorch engine; once per process. */
    public static synchronized void apply(Engine engine) {
        if (done || !"PyTorch".equals(engine.getEngineName())) return;
        done = true;
        int level = parse(System.getenv("TORCH_CPP_LOG_LEVEL"));
        try {
            Path dir = Path.of(ai.djl.pytorch.jni.LibUtils.getLibtorchPath());
            Path c10 = dir.resolve(System.mapLibraryName("c10"));
            if (!Files.isRegularFile(c10)) {
                LOG.warn("libtorch log level not set: no {} in {}", c10.getFileName(), dir);
                return;
            }
            // The same file DJL loaded: the dynamic linker returns the loaded instance.
            NativeLibrary lib = NativeLibrary.getInstance(c10.toString());
            lib.getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, level);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.warn("libtorch log level not set: {}", e.toString());
        }
    }

    /** Returns libtorch's level for {@code TORCH_CPP_LOG_LEVEL}; ERROR when unset or unknown. */
    static int parse(String value) {
        if (value == null) return ERROR;
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "0", "INFO" -> 0;
            case "1", "WARNING", "WARN" -> 1;
            case "2", "ERROR" -> 2;
            case "3", "FATAL" -> 3;
            default -> ERROR;
        };
    }
}
