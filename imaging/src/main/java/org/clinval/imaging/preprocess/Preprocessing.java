package org.clinval.imaging.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's preprocessing: its transforms in order. The same object is applied when the model is
 * trained and whenever it predicts, and it is written into and read from the model's descriptor as
 * a list of one-key maps:
 *
 * <pre>
 * preprocessing:
 *   - window: {lower: -1000, upper: 400}
 *   - resize: {height: 256, width: 256}
 *   - rescale: {lower: -1000, upper: 400}
 * </pre>
 *
 * <p>Other steps: {@code zscore} and {@code percentile} (per-image normalisation, MR), {@code
 * voi_lut} (the header's VOI window or table, X-ray), {@code presentation_intent} (which images the
 * model accepts), {@code scale} and per-channel {@code standardize} (colour).
 *
 * @param steps the transforms, applied first to last
 */
public record Preprocessing(List<Transform> steps) {

    public Preprocessing {
        steps = List.copyOf(steps);
    }

    /** Returns a pipeline of the given steps. */
    public static Preprocessing of(Transform... steps) {
        return new Preprocessing(List.of(steps));
    }

    /** Applies every step in order to an image without a header ({@link ImageContext#NONE}). */
    public Raster apply(Raster in) {
        return apply(in, ImageContext.NONE);
    }

    /**
     * Applies every step in order to an image whose header says {@code context}.
     *
     * @throws IllegalArgumentException if a step cannot take the image; the message starts with the
     *     step's name
     */
    public Raster apply(Raster in, ImageContext context) {
        Raster r = in;
        for (Transform t : steps) {
            try {
                r = t.apply(r, context);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(t.name() + ": " + e.getMessage(), e);
            }
        }
        return r;
    }

    /** Returns the step names in order, e.g. {@code [voi_lut, resize, zscore]}. */
    public List<String> names() {
        return steps.stream().map(Transform::name).toList();
    }

    /** Returns the last resize step, which fixes the size the model sees, if any. */
    public Optional<Resize> resize() {
        Resize last = null;
        for (Transform t : steps) {
            if (t instanceof Resize r) last = r;
        }
        return Optional.ofNullable(last);
    }

    /** Returns the descriptor form: a list of one-key maps, step name to parameters. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Transform t : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(t.name(), t.parameters());
            out.add(m);
        }
        return out;
    }
}
