package org.clinval.imaging.preprocess;

import java.util.Arrays;

/**
 * A 2D image of one or more channels, planar (channel-major) and row-major within a channel: value
 * {@code (k, r, c)} is {@code values[k * rows * columns + r * columns + c]}. Grey images have one
 * channel; colour images three (R, G, B).
 *
 * @param values the pixel values (not copied: treat as read-only)
 * @param rows number of rows
 * @param columns number of columns
 * @param channels number of channels, at least 1
 */
public record Raster(float[] values, int rows, int columns, int channels) {

    public Raster {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "raster size is not positive: " + rows + " x " + columns);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("raster channels is not positive: " + channels);
        }
        long n = (long) rows * columns * channels;
        if (values == null || values.length != n) {
            throw new IllegalArgumentException(
                    "raster of "
                            + channels
                            + " x "
                            + rows
                            + " x "
                            + columns
                            + " needs "
                            + n
                            + " values, got "
                            + (values == null ? "null" : values.length));
        }
    }

    /** A single-channel raster. */
    public Raster(float[] values, int rows, int columns) {
        this(values, rows, columns, 1);
    }

    /** Returns the value at row {@code r}, column {@code c} of the first channel. */
    public float at(int r, int c) {
        return values[r * columns + c];
    }

    /** Returns the pixels of one channel ({@code rows · columns} values). */
    public int plane() {
        return rows * columns;
    }

    /** Returns a copy of channel {@code k}'s values. */
    public float[] channel(int k) {
        if (k < 0 || k >= channels) {
            throw new IllegalArgumentException("channel " + k + " is outside 0.." + (channels - 1));
        }
        return Arrays.copyOfRange(values, k * plane(), (k + 1) * plane());
    }

    /** Returns a raster of the same size and channels holding {@code v}. */
    public Raster with(float[] v) {
        return new Raster(v, rows, columns, channels);
    }

    /**
     * Returns this raster resampled to {@code newRows × newColumns} by bilinear interpolation with
     * pixel centres aligned ({@code align_corners = false}, edges clamped), the convention of
     * PyTorch's {@code interpolate(mode="bilinear")}, each channel on its own. The identity when
     * the size is unchanged.
     */
    public Raster resize(int newRows, int newColumns) {
        if (newRows < 1 || newColumns < 1) {
            throw new IllegalArgumentException(
                    "target size is not positive: " + newRows + " x " + newColumns);
        }
        if (newRows == rows && newColumns == columns) {
            return with(values.clone());
        }
        int outPlane = newRows * newColumns;
        float[] out = new float[outPlane * channels];
        double sy = (double) rows / newRows;
        double sx = (double) columns / newColumns;
        for (int k = 0; k < channels; k++) {
            int in = k * plane();
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
                    double top =
                            values[in + y0 * columns + x0] * (1 - fx)
                                    + values[in + y0 * columns + x1] * fx;
                    double bottom =
                            values[in + y1 * columns + x0] * (1 - fx)
                                    + values[in + y1 * columns + x1] * fx;
                    out[k * outPlane + r * newColumns + c] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return new Raster(out, newRows, newColumns, channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Raster other
                && rows == other.rows
                && columns == other.columns
                && channels == other.channels
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rows + columns) + channels) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Raster[" + (channels == 1 ? "" : channels + " x ") + rows + " x " + columns + "]";
    }
}
