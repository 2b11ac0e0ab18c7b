package org.clinval.imaging.phantom;

/**
 * A spherical nodule in patient coordinates (DICOM LPS, mm).
 *
 * @param x centre x
 * @param y centre y
 * @param z centre z
 * @param radiusMm radius
 * @param hu attenuation of its solid part
 */
public record Lesion(double x, double y, double z, double radiusMm, double hu) {

    /** Returns the diameter in mm. */
    public double diameterMm() {
        return 2 * radiusMm;
    }
}
