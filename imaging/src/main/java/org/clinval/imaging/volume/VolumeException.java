package org.clinval.imaging.volume;

import org.clinval.imaging.ImagingException;

/**
 * A series, mask or report that cannot be used on a volume. The message names the series by the
 * caller's pseudonymous name (never a file path) and says why.
 */
public class VolumeException extends ImagingException {

    private static final long serialVersionUID = 1L;

    private final String series;

    /** A problem with the series called {@code series}. */
    public VolumeException(String series, String reason) {
        super(series + ": " + reason);
        this.series = series;
    }

    /** A problem with the series called {@code series}, with its cause. */
    public VolumeException(String series, String reason, Throwable cause) {
        super(series + ": " + reason, cause);
        this.series = series;
    }

    /** Returns the caller-given name of the series. */
    public String series() {
        return series;
    }
}
