package org.clinval.imaging.volume;

import java.util.Objects;
import org.clinval.imaging.dicom.Orientation;
import org.clinval.imaging.dicom.Vector3;

/**
 * The grid of a volume and where it lies in the patient (DICOM patient coordinates, LPS, mm). Voxel
 * (slice {@code s}, row {@code r}, column {@code c}) is centred at
 *
 * <pre>
 * origin + c · columnSpacing · rowCosines + r · rowSpacing · columnCosines + s · sliceSpacing · normal
 * </pre>
 *
 * (PS3.3 §C.7.6.2.1.1: the column index grows along the row cosines; the row spacing, Pixel Spacing
 * value 1, is the distance between rows). Slices are ordered by increasing position along {@code
 * normal = rowCosines × columnCosines}. Nothing is defaulted: every spacing comes from the data.
 *
 * @param rows rows per slice
 * @param columns columns per slice
 * @param slices number of slices
 * @param origin centre of the first voxel of the first slice
 * @param orientation row and column direction cosines, orthonormal
 * @param rowSpacing distance between adjacent rows, mm
 * @param columnSpacing distance between adjacent columns, mm
 * @param sliceSpacing distance between adjacent slices along the normal, mm
 */
public record VolumeGeometry(
        int rows,
        int columns,
        int slices,
        Vector3 origin,
        Orientation orientation,
        double rowSpacing,
        double columnSpacing,
        double sliceSpacing) {

    public VolumeGeometry {
        if (rows < 1 || columns < 1 || slices < 1) {
            throw new IllegalArgumentException(
                    "volume size is not positive: " + slices + " x " + rows + " x " + columns);
        }
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(orientation, "orientation");
        positive("row spacing", rowSpacing);
        positive("column spacing", columnSpacing);
        positive("slice spacing", sliceSpacing);
        orientation.normal(); // fails on parallel cosines
    }

    /** Returns the unit slice normal {@code row × column}, the direction of increasing slice. */
    public Vector3 normal() {
        return orientation.normal();
    }

    /** Returns the number of voxels. */
    public long voxels() {
        return (long) rows * columns * slices;
    }

    /** Returns the volume of one voxel in mm³. */
    public double voxelVolumeMm3() {
        return rowSpacing * columnSpacing * sliceSpacing;
    }

    /** Returns the spacing as {@code {slice, row, column}} in mm, the order of the voxel axes. */
    public double[] spacingMm() {
        return new double[] {sliceSpacing, rowSpacing, columnSpacing};
    }

    /** Returns the patient coordinates (mm) of the (possibly fractional) voxel index. */
    public Vector3 toPatient(double slice, double row, double column) {
        Vector3 u = orientation.row();
        Vector3 v = orientation.column();
        Vector3 n = normal();
        double a = column * columnSpacing;
        double b = row * rowSpacing;
        double d = slice * sliceSpacing;
        return new Vector3(
                origin.x() + a * u.x() + b * v.x() + d * n.x(),
                origin.y() + a * u.y() + b * v.y() + d * n.y(),
                origin.z() + a * u.z() + b * v.z() + d * n.z());
    }

    /**
     * Returns the fractional voxel index {@code {slice, row, column}} of patient point {@code p}.
     */
    public double[] toIndex(Vector3 p) {
        Vector3 q = p.minus(origin);
        return new double[] {
            q.dot(normal()) / sliceSpacing,
            q.dot(orientation.column()) / rowSpacing,
            q.dot(orientation.row()) / columnSpacing
        };
    }

    /** Whether {@code o} has the same size, and agrees within {@code toleranceMm} in placement. */
    public boolean sameGrid(VolumeGeometry o, double toleranceMm) {
        if (rows != o.rows || columns != o.columns || slices != o.slices) {
            return false;
        }
        Vector3 far = toPatient(slices - 1, rows - 1, columns - 1);
        Vector3 farO = o.toPatient(slices - 1, rows - 1, columns - 1);
        Vector3 a = toPatient(0, rows - 1, 0);
        Vector3 aO = o.toPatient(0, rows - 1, 0);
        Vector3 b = toPatient(0, 0, columns - 1);
        Vector3 bO = o.toPatient(0, 0, columns - 1);
        return origin.minus(o.origin).norm() <= toleranceMm
                && far.minus(farO).norm() <= toleranceMm
                && a.minus(aO).norm() <= toleranceMm
                && b.minus(bO).norm() <= toleranceMm;
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " is not a positive finite number: " + v);
        }
    }
}
