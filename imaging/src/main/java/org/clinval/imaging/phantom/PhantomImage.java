package org.clinval.imaging.phantom;

/**
 * A CT volume on a regular grid: {@code slices × rows × columns} values in HU, slice-major, the
 * first voxel centred at {@code origin}, axial slices (row direction +x, column direction +y, slice
 * direction +z in DICOM patient coordinates).
 *
 * @param rows number of rows
 * @param columns number of columns
 * @param slices number of slices (1 for a 2D image)
 * @param rowSpacingMm distance between row centres (DICOM PixelSpacing[0])
 * @param columnSpacingMm distance between column centres (DICOM PixelSpacing[1])
 * @param sliceSpacingMm distance between slice centres
 * @param originX x of the first voxel's centre
 * @param originY y of the first voxel's centre
 * @param originZ z of the first slice
 * @param hu voxel values, index {@code (s·rows + r)·columns + c}
 * @param mask ground-truth nodule mask on the same grid
 */
public record PhantomImage(
        int rows,
        int columns,
        int slices,
        double rowSpacingMm,
        double columnSpacingMm,
        double sliceSpacingMm,
        double originX,
        double originY,
        double originZ,
        float[] hu,
        boolean[] mask) {

    /** Returns the HU value at slice {@code s}, row {@code r}, column {@code c}. */
    public float at(int s, int r, int c) {
        return hu[(s * rows + r) * columns + c];
    }

    /** Returns the x coordinate (mm) of column {@code c}. */
    public double x(int c) {
        return originX + c * columnSpacingMm;
    }

    /** Returns the y coordinate (mm) of row {@code r}. */
    public double y(int r) {
        return originY + r * rowSpacingMm;
    }

    /** Returns the z coordinate (mm) of slice {@code s}. */
    public double z(int s) {
        return originZ + s * sliceSpacingMm;
    }

    /** Returns the number of voxels in the nodule mask. */
    public int maskVoxels() {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        return n;
    }
}
