package org.clinval.validation.detection;

import org.clinval.validation.Checks;

/**
 * One reference lesion: the scan it is on, its centre in millimetres and the radius within which a
 * candidate counts as hitting it.
 *
 * @param scan the scan (case) identifier
 * @param x centre along x, mm
 * @param y centre along y, mm
 * @param z centre along z, mm
 * @param radius hit radius, mm; positive and finite
 */
public record Lesion(String scan, double x, double y, double z, double radius) {

    public Lesion {
        checkScan(scan);
        Checks.finite("lesion x", x);
        Checks.finite("lesion y", y);
        Checks.finite("lesion z", z);
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException(
                    "lesion radius is not a positive finite number: " + radius);
        }
    }

    /**
     * Returns whether {@code c} is on the same scan and strictly closer to the centre than the
     * radius: {@code (x−x')² + (y−y')² + (z−z')² < r²}, the squared comparison of the LUNA16
     * evaluation script (a candidate exactly on the sphere does not hit).
     */
    public boolean isHitBy(Candidate c) {
        if (!scan.equals(c.scan())) {
            return false;
        }
        double dx = x - c.x();
        double dy = y - c.y();
        double dz = z - c.z();
        return dx * dx + dy * dy + dz * dz < radius * radius;
    }

    static void checkScan(String scan) {
        if (scan == null || scan.isEmpty()) {
            throw new IllegalArgumentException("scan identifier is empty: '" + scan + "'");
        }
    }
}
