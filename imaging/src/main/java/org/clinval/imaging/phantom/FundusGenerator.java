package org.clinval.imaging.phantom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.clinval.imaging.phantom.internal.FundusPainter;
import org.clinval.imaging.phantom.internal.Rng;

/**
 * Generates colour fundus phantoms graded on a five-step ICDR-like scale. The grade is drawn first
 * and the lesions follow from it:
 *
 * <ul>
 *   <li>0 none: no lesion;
 *   <li>1 mild: 1–5 microaneurysms only;
 *   <li>2 moderate: more microaneurysms with dot/blot haemorrhages (1–6), hard exudate clusters and
 *       at most one cotton-wool spot (some cases exudates without haemorrhage);
 *   <li>3 severe: 5–8 haemorrhages in each of the four quadrants (20 or more), cotton-wool spots,
 *       and in half the cases venous beading;
 *   <li>4 proliferative: a moderate or severe picture plus 1–2 tufts of new vessels, sometimes with
 *       a pre-retinal haemorrhage.
 * </ul>
 *
 * {@link FundusLesions#grade()} restates the rules from the counts, and every generated case is
 * checked against it. Each case has a disc (nasal: right of centre in a right eye), a vessel tree
 * of arcading veins and arteries, a darker macula, and a camera's colour balance, gamma, vignetting
 * and noise. Three simulated graders each report a grade one step off with a set probability. Case
 * {@code i} depends only on the seed, the settings and {@code i}.
 */
public final class FundusGenerator {

    /** The grade names, in order. */
    public static final List<String> GRADES =
            List.of("none", "mild", "moderate", "severe", "proliferative");

    /** Diameter of the imaged retina across the field, mm (a 45° camera). */
    public static final double FIELD_DIAMETER_MM = 12.4;

    private final long seed;
    private final int size;
    private final double[] gradeShares;
    private final List<FundusCamera> cameras;
    private final double graderError;

    private FundusGenerator(Builder b) {
        this.seed = b.seed;
        this.size = b.size;
        this.gradeShares = b.gradeShares.clone();
        this.cameras = List.copyOf(b.cameras);
        this.graderError = b.graderError;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns the image side in pixels. */
    public int size() {
        return size;
    }

    /** Returns cases {@code 0 … n−1}, generated in parallel. */
    public List<FundusCase> generate(int n) {
        return IntStream.range(0, n).parallel().mapToObj(this::generateCase).toList();
    }

    /** Returns case {@code index}. */
    public FundusCase generateCase(int index) {
        Rng rng = Rng.of(seed ^ 0x46554E4455534CL, index);
        FundusCamera camera = cameras.get(rng.nextInt(cameras.size()));
        int grade = draw(rng, gradeShares);
        String laterality = rng.uniform() < 0.5 ? "R" : "L";
        double s = size / 256.0;
        FundusPainter p = new FundusPainter(size);
        double pigment = rng.uniform(0.85, 1.15);
        p.background(new double[] {0.80 * pigment, 0.36 * pigment, 0.16 * pigment}, rng);
        int side = laterality.equals("R") ? 1 : -1;
        double discX = p.cx() + side * p.radius() * rng.uniform(0.48, 0.56);
        double discY = p.cy() + p.radius() * rng.uniform(-0.06, 0.06);
        double discR = 11 * s * rng.uniform(0.9, 1.1);
        double macX = p.cx() - side * p.radius() * rng.uniform(0.08, 0.14);
        double macY = p.cy() + p.radius() * rng.uniform(-0.04, 0.04);
        p.shade(macX, macY, 0.13 * p.radius(), new double[] {0.82, 0.72, 0.78}, true, false);
        p.shade(macX, macY, 0.035 * p.radius(), new double[] {0.8, 0.65, 0.75}, true, false);
        p.disc(discX, discY, discR, new double[] {0.98, 0.8, 0.52}, 0.9, false, false);
        p.disc(discX, discY, discR * 0.5, new double[] {1.0, 0.93, 0.78}, 0.6, true, false);
        FundusLesions lesions = lesions(rng, grade);
        boolean beading = lesions.venousBeading();
        Vessels v = new Vessels(p, rng, s);
        for (int sup = -1; sup <= 1; sup += 2) {
            // temporal arcades arch around the macula; nasal vessels run straighter
            double temporal = Math.atan2(sup * 1.0, -side * 0.55);
            double curl = -sup * -side * 0.0065 / s;
            v.draw(discX, discY, temporal + sup * 0.05, 3.4 * s, 260 * s, curl, true, beading, 0);
            v.draw(discX, discY, temporal - sup * 0.12, 2.5 * s, 240 * s, curl, false, false, 0);
            double nasal = Math.atan2(sup * 0.9, side);
            v.draw(discX, discY, nasal, 2.8 * s, 110 * s, 0, true, beading, 0);
            v.draw(discX, discY, nasal + sup * 0.15, 2.1 * s, 100 * s, 0, false, false, 0);
        }
        p.applyStrokes(1, Vessels.ARTERY, false);
        p.applyStrokes(0, Vessels.VEIN, false);
        int[] haem = paint(p, rng, s, lesions, discX, discY, discR, macX, macY);
        FundusLesions painted =
                new FundusLesions(
                        lesions.microaneurysms(),
                        haem[0],
                        lesions.exudates(),
                        lesions.cottonWoolSpots(),
                        haem[1],
                        lesions.venousBeading(),
                        lesions.neovascularisation());
        if (painted.grade() != grade) {
            throw new IllegalStateException(
                    "case "
                            + index
                            + " (seed "
                            + seed
                            + ") drew grade "
                            + grade
                            + " but its lesions "
                            + painted
                            + " make grade "
                            + painted.grade());
        }
        byte[] rgb =
                p.expose(
                        new double[] {camera.gainRed(), camera.gainGreen(), camera.gainBlue()},
                        camera.gamma(),
                        camera.vignetting(),
                        camera.noise(),
                        rng);
        int[] graders = new int[3];
        for (int g = 0; g < 3; g++) {
            graders[g] = grade;
            if (rng.uniform() < graderError) {
                int step = grade == 0 ? 1 : grade == 4 ? -1 : rng.uniform() < 0.5 ? -1 : 1;
                graders[g] = grade + step;
            }
        }
        Patient patient = PhantomGenerator.patient(rng, index);
        return new FundusCase(
                String.format("case-%04d", index + 1),
                index,
                patient,
                camera,
                PhantomGenerator.FIRST_STUDY.plusDays(index % 300),
                laterality,
                grade,
                graders,
                painted,
                size,
                size,
                FIELD_DIAMETER_MM / (2 * p.radius()),
                rgb,
                p.mask());
    }

    private static int draw(Rng rng, double[] shares) {
        double u = rng.uniform(), acc = 0;
        for (int g = 0; g < shares.length; g++) {
            acc += shares[g];
            if (u < acc) return g;
        }
        return shares.length - 1;
    }

    private static int between(Rng rng, int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    private static FundusLesions lesions(Rng rng, int grade) {
        return switch (grade) {
            case 0 -> new FundusLesions(0, 0, 0, 0, 0, false, 0);
            case 1 -> new FundusLesions(between(rng, 1, 5), 0, 0, 0, 0, false, 0);
            case 2 -> moderate(rng);
            case 3 -> severe(rng);
            default -> {
                FundusLesions base = rng.uniform() < 0.5 ? moderate(rng) : severe(rng);
                yield new FundusLesions(
                        base.microaneurysms(),
                        base.haemorrhages(),
                        base.exudates(),
                        base.cottonWoolSpots(),
                        0,
                        base.venousBeading(),
                        between(rng, 1, 2));
            }
        };
    }

    private static FundusLesions moderate(Rng rng) {
        boolean haem = rng.uniform() < 0.8;
        return new FundusLesions(
                between(rng, 2, 12),
                haem ? between(rng, 1, 6) : 0,
                haem ? between(rng, 0, 3) : between(rng, 1, 3),
                rng.uniform() < 0.3 ? 1 : 0,
                0,
                false,
                0);
    }

    private static FundusLesions severe(Rng rng) {
        // 5-8 per quadrant, drawn when painted (-1 here)
        return new FundusLesions(
                between(rng, 6, 16),
                -1,
                between(rng, 0, 4),
                between(rng, 1, 4),
                0,
                rng.uniform() < 0.5,
                0);
    }

    /** Paints the lesions; returns the haemorrhages and the quadrants that hold one. */
    private int[] paint(
            FundusPainter p,
            Rng rng,
            double s,
            FundusLesions l,
            double discX,
            double discY,
            double discR,
            double macX,
            double macY) {
        for (int i = 0; i < l.microaneurysms(); i++) {
            double[] at = spot(p, rng, discX, discY, discR, -1);
            p.shade(at[0], at[1], rng.uniform(2.2, 3.0) * s, MA, false, true);
        }
        boolean[] quadrants = new boolean[4];
        int haemorrhages = l.haemorrhages();
        if (haemorrhages < 0) {
            haemorrhages = 0;
            for (int q = 0; q < 4; q++) {
                int n = between(rng, 5, 8);
                for (int i = 0; i < n; i++) haemorrhage(p, rng, s, discX, discY, discR, q);
                quadrants[q] = true;
                haemorrhages += n;
            }
        } else {
            for (int i = 0; i < haemorrhages; i++) {
                quadrants[haemorrhage(p, rng, s, discX, discY, discR, -1)] = true;
            }
        }
        for (int i = 0; i < l.exudates(); i++) {
            double ex = macX + rng.uniform(-0.35, 0.35) * p.radius();
            double ey = macY + rng.uniform(-0.35, 0.35) * p.radius();
            int n = between(rng, 3, 8);
            for (int k = 0; k < n; k++) {
                double x = ex + rng.uniform(-12, 12) * s, y = ey + rng.uniform(-12, 12) * s;
                if (!p.inField(x, y, 0.9)) continue;
                p.disc(x, y, rng.uniform(1.2, 2.6) * s, EXUDATE, 0.85, false, true);
            }
        }
        for (int i = 0; i < l.cottonWoolSpots(); i++) {
            double[] at = spot(p, rng, discX, discY, discR, -1);
            p.disc(at[0], at[1], rng.uniform(5, 8) * s, COTTON_WOOL, 0.75, true, true);
        }
        for (int i = 0; i < l.neovascularisation(); i++) {
            double x, y;
            if (rng.uniform() < 0.5) {
                double a = rng.uniform(0, 2 * Math.PI), d = discR * rng.uniform(1.3, 2.2);
                x = discX + d * Math.cos(a);
                y = discY + d * Math.sin(a);
            } else {
                double[] at = spot(p, rng, discX, discY, discR, -1);
                x = at[0];
                y = at[1];
            }
            int strands = between(rng, 9, 13);
            for (int k = 0; k < strands; k++) {
                double px = x + rng.uniform(-5, 5) * s, py = y + rng.uniform(-5, 5) * s;
                double angle = rng.uniform(0, 2 * Math.PI);
                double curl = rng.uniform(-0.35, 0.35);
                int steps = (int) (rng.uniform(14, 24) * s / 0.7);
                for (int t = 0; t < steps && p.inField(px, py, 0.95); t++) {
                    p.stroke(2, px, py, 1.3 * s);
                    angle += curl + 0.25 * rng.gaussian();
                    px += 0.7 * Math.cos(angle);
                    py += 0.7 * Math.sin(angle);
                }
            }
            p.applyStrokes(2, NEW_VESSEL, true);
            if (rng.uniform() < 0.4) {
                p.shade(x, y + 10 * s, rng.uniform(7, 11) * s, HAEMORRHAGE, false, true);
            }
        }
        int n = 0;
        for (boolean q : quadrants) if (q) n++;
        return new int[] {haemorrhages, n};
    }

    private static final double[] MA = {0.42, 0.22, 0.3};
    private static final double[] HAEMORRHAGE = {0.45, 0.25, 0.3};
    private static final double[] EXUDATE = {1.0, 0.9, 0.45};
    private static final double[] COTTON_WOOL = {0.95, 0.88, 0.78};
    private static final double[] NEW_VESSEL = {0.55, 0.2, 0.28};

    /** Paints one haemorrhage (1–3 overlapping blots); returns its quadrant. */
    private static int haemorrhage(
            FundusPainter p, Rng rng, double s, double discX, double discY, double discR, int q) {
        double[] at = spot(p, rng, discX, discY, discR, q);
        int blots = between(rng, 1, 3);
        for (int b = 0; b < blots; b++) {
            p.shade(
                    at[0] + rng.uniform(-3, 3) * s,
                    at[1] + rng.uniform(-3, 3) * s,
                    rng.uniform(3, 6.5) * s,
                    HAEMORRHAGE,
                    false,
                    true);
        }
        return quadrant(p, at[0], at[1]);
    }

    private static int quadrant(FundusPainter p, double x, double y) {
        return (x >= p.cx() ? 1 : 0) + (y >= p.cy() ? 2 : 0);
    }

    /** A point in the field, off the disc, in quadrant {@code q} (any when negative). */
    private static double[] spot(
            FundusPainter p, Rng rng, double discX, double discY, double discR, int q) {
        for (int attempt = 0; ; attempt++) {
            double x = p.cx() + rng.uniform(-0.85, 0.85) * p.radius();
            double y = p.cy() + rng.uniform(-0.85, 0.85) * p.radius();
            boolean ok =
                    p.inField(x, y, 0.85)
                            && Math.hypot(x - discX, y - discY) > 1.6 * discR
                            && (q < 0 || quadrant(p, x, y) == q)
                            && Math.abs(x - p.cx()) > 4
                            && Math.abs(y - p.cy()) > 4;
            if (ok || attempt > 1000) return new double[] {x, y};
        }
    }

    /** Draws vessels as random walks that thin out and branch. */
    private record Vessels(FundusPainter p, Rng rng, double s) {
        static final double[] VEIN = {0.6, 0.42, 0.5};
        static final double[] ARTERY = {0.8, 0.62, 0.68};

        void draw(
                double x,
                double y,
                double angle,
                double width,
                double length,
                double curl,
                boolean vein,
                boolean beading,
                int depth) {
            double step = 0.8;
            int steps = (int) (length / step);
            for (int t = 0; t < steps; t++) {
                double taper = 1 - 0.55 * t / steps;
                double bead = beading ? 1 + 0.45 * Math.sin(t * step / (5 * s)) : 1;
                p.shade(
                        x,
                        y,
                        Math.max(0.5, width * taper * bead / 2),
                        vein ? VEIN : ARTERY,
                        false,
                        false);
                angle += curl + 0.04 * rng.gaussian();
                x += step * Math.cos(angle);
                y += step * Math.sin(angle);
                if (!p.inField(x, y, 0.99)) return;
                if (depth < 2 && t > 20 && rng.uniform() < 0.01) {
                    double turn = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(0.5, 0.9);
                    draw(
                            x,
                            y,
                            angle + turn,
                            width * taper * 0.65,
                            (steps - t) * step * 0.55,
                            curl * 0.5,
                            vein,
                            beading,
                            depth + 1);
                }
            }
        }
    }

    /** Builder: {@code set} methods are required, {@code opt} optional. */
    public static final class Builder {
        private Long seed;
        private int size;
        private double[] gradeShares = {0.3, 0.2, 0.2, 0.15, 0.15};
        private List<FundusCamera> cameras = FundusCamera.standard();
        private double graderError = 0.1;

        private Builder() {}

        /** Sets the seed. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the image side: 128, 256 or 512 pixels. */
        public Builder setSize(int size) {
            if (size != 128 && size != 256 && size != 512) {
                throw new IllegalArgumentException(
                        "fundus phantom size is not 128, 256 or 512: " + size);
            }
            this.size = size;
            return this;
        }

        /** Sets the share of each grade 0–4 (five values ≥ 0 that sum to 1). */
        public Builder optGradeShares(double... shares) {
            if (shares.length != 5
                    || Arrays.stream(shares).anyMatch(v -> !(v >= 0))
                    || Math.abs(Arrays.stream(shares).sum() - 1) > 1e-9) {
                throw new IllegalArgumentException(
                        "grade shares are not five values >= 0 summing to 1: "
                                + Arrays.toString(shares));
            }
            this.gradeShares = shares.clone();
            return this;
        }

        /** Replaces the standard cameras. */
        public Builder optCameras(List<FundusCamera> cameras) {
            if (cameras.isEmpty()) throw new IllegalArgumentException("no cameras");
            this.cameras = new ArrayList<>(cameras);
            return this;
        }

        /** Sets each simulated grader's chance to report a grade one step off (default 0.1). */
        public Builder optGraderError(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("grader error is not in [0, 1]: " + p);
            }
            this.graderError = p;
            return this;
        }

        /** Returns the generator, checking required settings. */
        public FundusGenerator build() {
            List<String> missing = new ArrayList<>();
            if (seed == null) missing.add("seed");
            if (size == 0) missing.add("size");
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "fundus generator is missing: " + String.join(", ", missing));
            }
            return new FundusGenerator(this);
        }
    }
}
