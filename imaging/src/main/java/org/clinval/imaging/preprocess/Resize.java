package org.clinval.imaging.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resamples to the model's input size by bilinear interpolation (see {@link Raster#resize}). The
 * model's outputs on this grid are mapped back to the input grid by the inverse resize.
 *
 * @param rows target rows
 * @param columns target columns
 */
public record Resize(int rows, int columns) implements Transform {

    public Resize {
        if (rows < 1 || columns < 1 || rows > 4096 || columns > 4096) {
            throw new IllegalArgumentException(
                    "resize target is not in [1, 4096]²: " + rows + " x " + columns);
        }
    }

    @Override
    public Raster apply(Raster in) {
        return in.resize(rows, columns);
    }

    @Override
    public String name() {
        return "resize";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("height", rows);
        p.put("width", columns);
        return p;
    }
}
