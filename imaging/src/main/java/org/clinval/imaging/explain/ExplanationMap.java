package org.clinval.imaging.explain;

import java.util.Map;
import org.clinval.imaging.preprocess.Raster;

/**
 * An explanation map on the input image's grid, with how it was made.
 *
 * @param map one value per input pixel; higher means more evidence for the positive class
 * @param method the method
 * @param model the explained model (name and version)
 * @param probability the explained score for the unperturbed image: the positive probability, or
 *     for a grading model the probability of the explained (predicted) grade
 * @param parameters the method's settings (patch, stride, seed, samples…), as text
 */
public record ExplanationMap(
        Raster map,
        Method method,
        String model,
        double probability,
        Map<String, String> parameters) {

    public ExplanationMap {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Returns what the map explains, as its parameters record it ({@code "positive logit"}, {@code
     * "class 3 (predicted)"}, {@code "positive probability"}).
     */
    public String target() {
        return parameters.getOrDefault("target", "positive probability");
    }

    /** Returns the index {@code r * columns + c} of the largest value (the first if tied). */
    public int peakIndex() {
        float[] v = map.values();
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    /** Returns the row of the peak. */
    public int peakRow() {
        return peakIndex() / map.columns();
    }

    /** Returns the column of the peak. */
    public int peakColumn() {
        return peakIndex() % map.columns();
    }
}
