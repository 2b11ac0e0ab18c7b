package org.clinval.imaging.model.internal;

/**
 * A float tensor as plain Java values, so that no DJL array outlives the request that made it.
 *
 * @param data values, row-major
 * @param shape dimensions
 */
public record Tensor(float[] data, long[] shape) {

    /** Returns the size of axis {@code i}. */
    public int dim(int i) {
        return (int) shape[i];
    }
}
