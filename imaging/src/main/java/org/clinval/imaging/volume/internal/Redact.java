package org.clinval.imaging.volume.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * Keeps file paths out of messages: lower layers name the file they fail on, but a volume's
 * messages may reach outputs, where only the caller's pseudonym and a file's position may appear.
 */
public final class Redact {

    private Redact() {}

    /**
     * Returns {@code message} with every one of {@code files} (as written, absolute, and its file
     * name) replaced by {@code file k of n}, k counted from 1 in the caller's order.
     */
    public static String paths(String message, List<Path> files) {
        if (message == null) {
            return "(no detail)";
        }
        String out = message;
        int n = files.size();
        for (int k = 0; k < n; k++) {
            Path f = files.get(k);
            String label = "file " + (k + 1) + " of " + n;
            out = out.replace(f.toAbsolutePath().toString(), label);
            out = out.replace(f.toString(), label);
        }
        for (int k = 0; k < n; k++) {
            Path name = files.get(k).getFileName();
            if (name != null && name.toString().length() > 3) {
                out = out.replace(name.toString(), "file " + (k + 1) + " of " + n);
            }
        }
        return out;
    }

    /** Returns {@code message} with {@code file} (as written, absolute, its name) replaced. */
    public static String path(String message, Path file, String label) {
        if (message == null) {
            return "(no detail)";
        }
        String out = message.replace(file.toAbsolutePath().toString(), label);
        out = out.replace(file.toString(), label);
        Path name = file.getFileName();
        if (name != null && name.toString().length() > 3) {
            out = out.replace(name.toString(), label);
        }
        return out;
    }
}
