package org.clinval.imaging.explain;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How well one explanation map points at the reference lesion.
 *
 * @param pointingHit the pointing game (Zhang et al. 2018, doi:10.1007/s11263-017-1059-x): whether
 *     the map's peak pixel (the first largest value, row-major) lies inside the lesion mask dilated
 *     by {@code tolerancePx}; a map with no positive value points nowhere and misses. Empty when
 *     the mask is empty (no lesion: nothing to point at)
 * @param energyInMask the share of positive attribution inside the (undilated) mask: {@code Σ_mask
 *     max(0, v) / Σ_all max(0, v)}. Empty when the mask is empty or the map has no positive value
 *     (0/0)
 * @param peakRow the peak's row
 * @param peakColumn the peak's column
 * @param tolerancePx the pointing game's tolerance: a peak within this Euclidean distance (in
 *     pixels) of a mask pixel hits
 * @param maskPixels the number of pixels in the mask
 */
public record ExplanationScore(
        Optional<Boolean> pointingHit,
        OptionalDouble energyInMask,
        int peakRow,
        int peakColumn,
        int tolerancePx,
        long maskPixels) {}
