package org.clinval.imaging.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.clinval.imaging.phantom.internal.Rng;

/**
 * Generates single-image MR and chest X-ray phantoms for classification studies.
 *
 * <ul>
 *   <li>{@code MR}: a T1-weighted axial head slice (bright scalp fat, dark skull, grey matter
 *       darker than white matter, dark ventricles and CSF) with, in positive cases, a ring-
 *       enhancing mass of 8–25 mm radius; a smooth bias field and Rician noise; each site scales
 *       intensities differently (×0.45 to ×2.6), so only a per-image normalisation (z-score) makes
 *       sites comparable.
 *   <li>{@code DX}: a PA chest radiograph (body, lungs with vessel markings, ribs, heart,
 *       mediastinum, diaphragm) with, in positive cases, a nodule or mass of 6–25 mm radius in a
 *       lung; sites differ in gain and offset; some store MONOCHROME1 (inverted values and window),
 *       the rest MONOCHROME2.
 * </ul>
 *
 * Stored values are 12-bit. Case {@code i} depends only on the seed, the settings and {@code i}.
 */
public final class GreyPhantomGenerator {

    private static final int MAX = 4095;

    private final String modality;
    private final long seed;
    private final int size;
    private final double prevalence;
    private final List<GreySite> sites;

    private GreyPhantomGenerator(String modality, long seed, int size, double prevalence) {
        this.modality = modality;
        this.seed = seed;
        this.size = size;
        this.prevalence = prevalence;
        this.sites = modality.equals("MR") ? GreySite.mr() : GreySite.dx();
    }

    /**
     * Returns a generator of {@code modality} ({@code MR} or {@code DX}) images of {@code size}²
     * (128 or 256) with a share {@code prevalence} of positive cases.
     */
    public static GreyPhantomGenerator of(String modality, long seed, int size, double prevalence) {
        if (!modality.equals("MR") && !modality.equals("DX")) {
            throw new IllegalArgumentException("phantom modality is not MR or DX: " + modality);
        }
        if (size != 128 && size != 256) {
            throw new IllegalArgumentException("phantom size is not 128 or 256: " + size);
        }
        if (!(prevalence >= 0 && prevalence <= 1)) {
            throw new IllegalArgumentException("prevalence is not in [0, 1]: " + prevalence);
        }
        return new GreyPhantomGenerator(modality, seed, size, prevalence);
    }

    /** Returns {@code MR} or {@code DX}. */
    public String modality() {
        return modality;
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns the field of view in mm (MR 230, DX 430). */
    public double fieldOfViewMm() {
        return modality.equals("MR") ? 230 : 430;
    }

    /** Returns cases {@code 0 … n−1}, generated in parallel. */
    public List<GreyCase> generate(int n) {
        return IntStream.range(0, n).parallel().mapToObj(this::generateCase).toList();
    }

    /** Returns case {@code index}. */
    public GreyCase generateCase(int index) {
        Rng rng = Rng.of(seed ^ (modality.equals("MR") ? 0x4D52L : 0x4458L) << 32, index);
        GreySite site = sites.get(rng.nextInt(sites.size()));
        boolean positive = rng.uniform() < prevalence;
        double spacing = fieldOfViewMm() / size;
        double[] v = new double[size * size];
        boolean[] mask = new boolean[size * size];
        double[] lesion =
                modality.equals("MR")
                        ? Anatomy.head(rng, size, spacing, positive, v, mask)
                        : Anatomy.chest(rng, size, spacing, positive, v, mask);
        boolean mono1 = modality.equals("DX") && rng.uniform() < site.monochrome1Share();
        int[] stored = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (modality.equals("MR")) {
                // Rician noise: the magnitude of a complex signal with Gaussian noise
                double re = x + site.noise() * rng.gaussian(), im = site.noise() * rng.gaussian();
                x = Math.sqrt(re * re + im * im);
            } else {
                x += site.noise() * rng.gaussian();
            }
            long s = Math.round(x * site.scale() + site.offset());
            s = Math.max(0, Math.min(MAX, s));
            stored[i] = (int) (mono1 ? MAX - s : s);
        }
        double wc, ww;
        if (modality.equals("MR")) {
            wc = 600 * site.scale();
            ww = 1200 * site.scale();
        } else {
            wc = 1700 * site.scale() + site.offset();
            ww = 2800 * site.scale();
            if (mono1) wc = MAX - wc;
        }
        Patient patient = PhantomGenerator.patient(rng, index);
        return new GreyCase(
                String.format("case-%04d", index + 1),
                index,
                modality,
                patient,
                site,
                PhantomGenerator.FIRST_STUDY.plusDays(index % 300),
                positive,
                lesion[0],
                lesion[1],
                lesion[2],
                size,
                size,
                spacing,
                stored,
                mono1,
                wc,
                ww,
                mask);
    }

    /** The anatomy of both kinds, painted in nominal intensity units. */
    private static final class Anatomy {

        /** Paints a T1 head; returns the lesion's row, column and radius (mm), NaN if none. */
        static double[] head(
                Rng rng, int n, double spacing, boolean positive, double[] v, boolean[] mask) {
            double a = rng.uniform(0.78, 0.86), b = rng.uniform(0.9, 0.96);
            double bias = rng.uniform(0.05, 0.2), theta = rng.uniform(0, 2 * Math.PI);
            double vent = rng.uniform(0.06, 0.12);
            double[] les = {Double.NaN, Double.NaN, Double.NaN};
            double lu = 0, lv = 0, lr = 0;
            if (positive) {
                lr = rng.uniform(8, 25) / (n * spacing / 2);
                for (int t = 0; t < 100; t++) {
                    lu = rng.uniform(-0.6, 0.6) * a;
                    lv = rng.uniform(-0.6, 0.6) * b;
                    double d = ell(lu, lv, a - 0.17, b - 0.17);
                    if (d < 1 - lr / Math.min(a, b) - 0.05) break;
                }
                les =
                        new double[] {
                            (lv + 1) * n / 2 - 0.5, (lu + 1) * n / 2 - 0.5, lr * n * spacing / 2
                        };
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double u = (c + 0.5) / n * 2 - 1, w = (r + 0.5) / n * 2 - 1;
                    double d = ell(u, w, a, b);
                    double x;
                    if (d > 1) x = 0;
                    else if (ell(u, w, a - 0.05, b - 0.05) > 1) x = 900; // scalp fat
                    else if (ell(u, w, a - 0.1, b - 0.1) > 1) x = 80; // skull
                    else if (ell(u, w, a - 0.12, b - 0.12) > 1) x = 250; // CSF
                    else if (ell(u, w, a - 0.2, b - 0.2) > 1) x = 600; // cortex
                    else x = 800; // white matter
                    double vu = Math.abs(u) - 0.08, vw = w + 0.05;
                    if (d <= 1 && ell(vu, vw, vent, 0.28) <= 1) x = 250; // ventricles
                    if (positive) {
                        double dl = Math.hypot(u - lu, w - lv) / lr;
                        if (dl <= 1) {
                            x = dl > 0.7 ? 1150 : 380; // enhancing rim, necrotic core
                            mask[r * n + c] = true;
                        }
                    }
                    v[r * n + c] = x * (1 + bias * (u * Math.cos(theta) + w * Math.sin(theta)));
                }
            }
            return les;
        }

        /** Paints a PA chest; returns the lesion's row, column and radius (mm), NaN if none. */
        static double[] chest(
                Rng rng, int n, double spacing, boolean positive, double[] v, boolean[] mask) {
            double bodyA = rng.uniform(0.82, 0.92);
            double lungA = rng.uniform(0.25, 0.3), lungB = rng.uniform(0.5, 0.6);
            double lungY = rng.uniform(-0.12, -0.02);
            double heartA = rng.uniform(0.2, 0.28), heartB = rng.uniform(0.18, 0.24);
            double[] les = {Double.NaN, Double.NaN, Double.NaN};
            double lu = 0, lv = 0, lr = 0;
            if (positive) {
                lr = rng.uniform(6, 25) / (n * spacing / 2);
                int side = rng.nextInt(2) == 0 ? -1 : 1;
                for (int t = 0; t < 100; t++) {
                    lu = side * 0.38 + rng.uniform(-0.6, 0.6) * lungA;
                    lv = lungY + rng.uniform(-0.6, 0.6) * lungB;
                    if (ell(lu - side * 0.38, lv - lungY, lungA - lr, lungB - lr) <= 1) break;
                }
                les =
                        new double[] {
                            (lv + 1) * n / 2 - 0.5, (lu + 1) * n / 2 - 0.5, lr * n * spacing / 2
                        };
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double u = (c + 0.5) / n * 2 - 1, w = (r + 0.5) / n * 2 - 1;
                    double x = 200; // air
                    if (ell(u, w * 0.9, bodyA, 1.2) <= 1) x = 1900; // soft tissue
                    boolean lung = false;
                    for (int s = -1; s <= 1; s += 2) {
                        double lx = u - s * 0.38, ly = w - lungY;
                        if (ell(lx, ly, lungA, lungB) <= 1 && !(ly > 0.3 && ly > 0.3 + lx * s)) {
                            lung = true;
                            // vessel markings: denser toward the hilum
                            x = 900 + 350 * Math.exp(-Math.abs(lx + s * 0.2) * 4);
                            // ribs: bright curved bands
                            double rib = (ly + 0.08 * lx * lx * 10) * 9;
                            if (rib - Math.floor(rib) < 0.28) x += 280;
                        }
                    }
                    if (Math.abs(u) < 0.09 && ell(u, w, 1, 1.05) <= 1) x = Math.max(x, 2600);
                    if (ell(u - 0.12, w - 0.2, heartA, heartB) <= 1) x = Math.max(x, 2300);
                    if (w > lungY + lungB * 0.75 && ell(u, w * 0.9, bodyA, 1.2) <= 1 && !lung) {
                        x = Math.max(x, 2100); // below the diaphragm
                    }
                    if (positive) {
                        double dl = Math.hypot(u - lu, w - lv) / lr;
                        if (dl <= 1.3) x += 550 * Math.max(0, Math.min(1, (1.3 - dl) / 0.6));
                        if (dl <= 1) mask[r * n + c] = true;
                    }
                    v[r * n + c] = x;
                }
            }
            return les;
        }

        private static double ell(double u, double w, double a, double b) {
            return (u / a) * (u / a) + (w / b) * (w / b);
        }
    }

    /** Returns the sites of this modality. */
    public List<GreySite> sites() {
        return new ArrayList<>(sites);
    }
}
