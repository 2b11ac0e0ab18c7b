package org.clinval.imaging.dicom;

/**
 * A vector in the DICOM patient coordinate system (LPS: x to the patient's left, y to the
 * posterior, z to the head), in millimetres for positions.
 */
public record Vector3(double x, double y, double z) {

    public Vector3 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException(
                    "vector components are not finite: " + x + ", " + y + ", " + z);
        }
    }

    /** Returns {@code this − o}. */
    public Vector3 minus(Vector3 o) {
        return new Vector3(x - o.x, y - o.y, z - o.z);
    }

    /** Returns the dot product. */
    public double dot(Vector3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** Returns the cross product {@code this × o}. */
    public Vector3 cross(Vector3 o) {
        return new Vector3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    /** Returns the Euclidean length. */
    public double norm() {
        return Math.sqrt(dot(this));
    }
}
