package org.clinval.imaging.model.training.internal;

import java.util.Locale;

/** Progress lines for long work: done/total, rate and ETA. */
public final class Progress {

    private Progress() {}

    /** Returns e.g. {@code phantoms 300/3000 (10%), 41.2/s, ETA 66 s}. */
    public static String line(String what, long done, long total, long startNanos) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        double rate = done / Math.max(s, 1e-9);
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        return String.format(
                Locale.ROOT,
                "%s %d/%d (%d%%), %.1f/s, ETA %d s",
                what,
                done,
                total,
                total == 0 ? 100 : 100 * done / total,
                rate,
                eta);
    }
}
