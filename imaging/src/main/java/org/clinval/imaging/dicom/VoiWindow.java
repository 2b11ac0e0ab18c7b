package org.clinval.imaging.dicom;

import java.util.Objects;
import java.util.Optional;

/**
 * A VOI window for display (Window Center (0028,1050) and Window Width (0028,1051)), applied to
 * modality values with the LINEAR function of PS3.3 C.11.2.1.2.1:
 *
 * <pre>
 *   x ≤ c − 0.5 − (w − 1)/2  →  0
 *   x &gt; c − 0.5 + (w − 1)/2  →  1
 *   otherwise               →  ((x − (c − 0.5)) / (w − 1) + 0.5)
 * </pre>
 *
 * <p>giving a display value in [0, 1] (0 black for MONOCHROME2). Width must be at least 1.
 *
 * @param center the window centre, in modality units (e.g. HU)
 * @param width the window width, at least 1
 * @param explanation Window Center &amp; Width Explanation (0028,1055), if given
 */
public record VoiWindow(double center, double width, Optional<String> explanation) {

    public VoiWindow {
        if (!Double.isFinite(center)) {
            throw new IllegalArgumentException("window center is not finite: " + center);
        }
        if (!(width >= 1) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("window width is not at least 1: " + width);
        }
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Returns the display value in [0, 1] of one modality value. */
    public double apply(double value) {
        double low = center - 0.5 - (width - 1) / 2;
        double high = center - 0.5 + (width - 1) / 2;
        if (value <= low) {
            return 0;
        }
        if (value > high) {
            return 1;
        }
        // Reached only when width > 1: for width 1, low == high.
        return (value - (center - 0.5)) / (width - 1) + 0.5;
    }
}
