package org.clinval.imaging.dicom;

import java.util.Objects;

/**
 * Image Orientation (Patient) (0020,0037): the direction cosines of the first row (along which the
 * column index grows) and of the first column (along which the row index grows).
 */
public record Orientation(Vector3 row, Vector3 column) {

    public Orientation {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
    }

    /**
     * Returns the slice normal {@code row × column}, normalised: the direction along which slices
     * of a volume are sorted.
     *
     * @throws IllegalStateException if the two cosines are parallel or zero
     */
    public Vector3 normal() {
        Vector3 n = row.cross(column);
        double len = n.norm();
        if (len < 1e-6) {
            throw new IllegalStateException("row and column cosines are parallel: " + this);
        }
        return new Vector3(n.x() / len, n.y() / len, n.z() / len);
    }

    /**
     * Whether the two orientations agree: each pair of cosines differs by at most {@code tolerance}
     * in every component.
     */
    public boolean agreesWith(Orientation o, double tolerance) {
        return close(row, o.row, tolerance) && close(column, o.column, tolerance);
    }

    private static boolean close(Vector3 a, Vector3 b, double t) {
        return Math.abs(a.x() - b.x()) <= t
                && Math.abs(a.y() - b.y()) <= t
                && Math.abs(a.z() - b.z()) <= t;
    }
}
