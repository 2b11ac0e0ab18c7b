package org.clinval.imaging.preprocess;

import java.util.Arrays;

/**
 * A single-channel 2D image, row-major: value {@code (r, c)} is {@code values[r * columns + c]}.
 *
 * @param values the pixel values (not copied: treat as read-only)
 * @param rows number of rows
 * @param columns number of columns
 */
public record Raster(float[] values, int rows, int columns) {

    public Raster {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "raster size is not positive: " + rows + " x " + columns);
        }
        if (values == null || values.length != (long) rows * columns) {
            throw new IllegalArgumentException(
                    "raster of "
                            + rows
                            + " x "
                            + columns
                            + " needs "
                            + (long) rows * columns
                            + " values, got "
                            + (values == null ? "null" : values.length));
        }
    }

    /** Returns the value at row {@code r}, column {@code c}. */
    public float at(int r, int c) {
        return values[r * columns + c];
    }

    /**
     * Returns this raster resampled to {@code newRows × newColumns} by bilinear interpolation with
     * pixel centres aligned ({@code align_corners = false}, edges clamped), the convention of
     * PyTorch's {@code interpolate(mode="bilinear")}. The identity when the size is unchanged.
     */
    public Raster resize(int newRows, int newColumns) {
        if (newRows < 1 || newColumns < 1) {
            throw new IllegalArgumentException(
                    "target size is not positive: " + newRows + " x " + newColumns);
        }
        if (newRows == rows && newColumns == columns) {
            return new Raster(values.clone(), rows, columns);
        }
        float[] out = new float[newRows * newColumns];
        double sy = (double) rows / newRows;
        double sx = (double) columns / newColumns;
        for (int r = 0; r < newRows; r++) {
            double y = Math.max(0, Math.min(rows - 1, (r + 0.5) * sy - 0.5));
            int y0 = (int) Math.floor(y);
            int y1 = Math.min(rows - 1, y0 + 1);
            double fy = y - y0;
            for (int c = 0; c < newColumns; c++) {
                double x = Math.max(0, Math.min(columns - 1, (c + 0.5) * sx - 0.5));
                int x0 = (int) Math.floor(x);
                int x1 = Math.min(columns - 1, x0 + 1);
                double fx = x - x0;
                double top = at(y0, x0) * (1 - fx) + at(y0, x1) * fx;
                double bottom = at(y1, x0) * (1 - fx) + at(y1, x1) * fx;
                out[r * newColumns + c] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return new Raster(out, newRows, newColumns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Raster other
                && rows == other.rows
                && columns == other.columns
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Raster[" + rows + " x " + columns + "]";
    }
}
