package org.clinval.imaging.phantom.internal;

import java.util.ArrayList;
import java.util.List;
import org.clinval.imaging.phantom.Lesion;

/**
 * A random chest in patient coordinates (mm): body with a fat layer, two lungs with vessels,
 * mediastinum, aorta, spine, ribs, and the nodules. Axial anatomy is constant along z; vessels and
 * nodules are truly three-dimensional.
 */
public final class Scene {

    static final double AIR = -1000;
    static final double FAT = -100;
    static final double SOFT = 40;
    static final double BONE = 700;
    static final double RIB = 850;
    static final double VESSEL = 35;

    public record Ellipse(double cx, double cy, double a, double b) {
        public boolean contains(double x, double y) {
            double dx = (x - cx) / a, dy = (y - cy) / b;
            return dx * dx + dy * dy <= 1;
        }

        /** Returns how far inside (in units of the semi-axes), 1 at the centre, 0 on the edge. */
        public double depth(double x, double y) {
            double dx = (x - cx) / a, dy = (y - cy) / b;
            return 1 - Math.sqrt(dx * dx + dy * dy);
        }
    }

    /** A capped cylinder from p to q of radius r. */
    record Tube(double px, double py, double pz, double qx, double qy, double qz, double r) {
        boolean contains(double x, double y, double z) {
            double vx = qx - px, vy = qy - py, vz = qz - pz;
            double wx = x - px, wy = y - py, wz = z - pz;
            double len2 = vx * vx + vy * vy + vz * vz;
            double t = Math.max(0, Math.min(1, (wx * vx + wy * vy + wz * vz) / len2));
            double dx = wx - t * vx, dy = wy - t * vy, dz = wz - t * vz;
            return dx * dx + dy * dy + dz * dz <= r * r;
        }
    }

    final Ellipse body;
    final Ellipse muscle;
    final Ellipse[] lungs;
    final double[] lungHu;
    final Ellipse heart;
    final Ellipse aorta;
    final Ellipse vertebra;
    final Ellipse canal;
    final List<Ellipse> ribs = new ArrayList<>();
    final List<Tube> vessels = new ArrayList<>();
    final List<Lesion> lesions = new ArrayList<>();

    /** Draws the anatomy (not the nodules) from {@code rng}. */
    public Scene(Rng rng, double zMin, double zMax) {
        double a = rng.uniform(140, 170), b = rng.uniform(100, 125);
        body = new Ellipse(0, rng.uniform(0, 10), a, b);
        double fat = rng.uniform(8, 22);
        muscle = new Ellipse(body.cx(), body.cy(), a - fat, b - fat);
        double lx = rng.uniform(0.38, 0.46) * a,
                la = rng.uniform(0.30, 0.36) * a,
                lb = rng.uniform(0.62, 0.72) * b;
        lungs =
                new Ellipse[] {
                    new Ellipse(-lx, body.cy() - 8, la, lb),
                    new Ellipse(lx, body.cy() - 8, la * rng.uniform(0.92, 1.05), lb)
                };
        lungHu = new double[] {rng.uniform(-880, -820), rng.uniform(-880, -820)};
        heart = new Ellipse(rng.uniform(-5, 15), body.cy() - 5, 0.3 * a, 0.42 * b);
        aorta = new Ellipse(rng.uniform(-25, -15), body.cy() + 0.38 * b, 11, 11);
        vertebra = new Ellipse(0, body.cy() + 0.62 * b, 15, 14);
        canal = new Ellipse(0, vertebra.cy() + 19, 6, 6);
        int nRibs = 10;
        for (int i = 0; i < nRibs; i++) {
            double angle = Math.PI * (0.15 + 0.7 * i / (nRibs - 1.0));
            for (int side = -1; side <= 1; side += 2) {
                double x = side * (muscle.a() - 7) * Math.sin(angle);
                double y = muscle.cy() + (muscle.b() - 7) * Math.cos(angle);
                ribs.add(new Ellipse(x, y, rng.uniform(4, 6.5), rng.uniform(3.5, 5)));
            }
        }
        for (int l = 0; l < 2; l++) {
            Ellipse lung = lungs[l];
            int n = 18 + rng.nextInt(18);
            for (int i = 0; i < n; i++) {
                // Vessels branch from the hilum outward; the steeper ones cut the slice as dots.
                double hx = lung.cx() + (l == 0 ? 0.55 : -0.55) * lung.a();
                double hy = lung.cy() + rng.uniform(-0.3, 0.3) * lung.b();
                double hz = rng.uniform(zMin - 10, zMax + 10);
                double theta = rng.uniform(0, 2 * Math.PI);
                double tilt = rng.uniform(-1.2, 1.2);
                double len = rng.uniform(40, 110);
                double dx = Math.cos(theta) * Math.cos(tilt),
                        dy = Math.sin(theta) * Math.cos(tilt),
                        dz = Math.sin(tilt);
                double r = rng.uniform(0.6, 2.2);
                vessels.add(new Tube(hx, hy, hz, hx + len * dx, hy + len * dy, hz + len * dz, r));
            }
        }
    }

    /** Returns the lung ellipse {@code i} (0 right, 1 left in image terms). */
    public Ellipse lung(int i) {
        return lungs[i];
    }

    /** Adds a nodule. */
    public void add(Lesion lesion) {
        lesions.add(lesion);
    }

    /**
     * Returns whether a nodule of radius {@code r} at (x, y) lies wholly in the parenchyma of lung
     * {@code i} with {@code margin} to spare: its centre and 16 points around it are lung tissue,
     * not mediastinum, aorta, spine or rib drawn over the lung.
     */
    public boolean fitsInLung(int i, double x, double y, double r, double margin) {
        if (!inLungTissue(i, x, y)) return false;
        double reach = r + margin;
        for (int k = 0; k < 16; k++) {
            double t = 2 * Math.PI * k / 16;
            if (!inLungTissue(i, x + reach * Math.cos(t), y + reach * Math.sin(t))) return false;
        }
        return true;
    }

    private boolean inLungTissue(int i, double x, double y) {
        if (!lungs[i].contains(x, y)) return false;
        if (heart.contains(x, y) || aorta.contains(x, y) || vertebra.contains(x, y)) return false;
        for (Ellipse rib : ribs) if (rib.contains(x, y)) return false;
        return true;
    }

    /** Returns the attenuation at a point, in HU, before scanner effects. */
    double hu(double x, double y, double z) {
        for (Lesion n : lesions) {
            double dx = x - n.x(), dy = y - n.y(), dz = z - n.z();
            if (dx * dx + dy * dy + dz * dz <= n.radiusMm() * n.radiusMm()) return n.hu();
        }
        if (!body.contains(x, y)) return AIR;
        if (canal.contains(x, y)) return 15;
        if (vertebra.contains(x, y)) return BONE;
        for (Ellipse rib : ribs) if (rib.contains(x, y)) return RIB;
        if (aorta.contains(x, y)) return SOFT;
        if (heart.contains(x, y)) return SOFT;
        for (int l = 0; l < 2; l++) {
            if (lungs[l].contains(x, y)) {
                for (Tube v : vessels) if (v.contains(x, y, z)) return VESSEL;
                return lungHu[l];
            }
        }
        return muscle.contains(x, y) ? SOFT : FAT;
    }

    /** Returns whether a point lies inside any nodule. */
    boolean inLesion(double x, double y, double z) {
        for (Lesion n : lesions) {
            double dx = x - n.x(), dy = y - n.y(), dz = z - n.z();
            if (dx * dx + dy * dy + dz * dz <= n.radiusMm() * n.radiusMm()) return true;
        }
        return false;
    }
}
