package org.clinval.imaging.phantom;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.clinval.imaging.phantom.internal.Renderer;
import org.clinval.imaging.phantom.internal.Rng;
import org.clinval.imaging.phantom.internal.Scene;

/**
 * Generates phantom cases. Case {@code i} depends only on the seed, the settings and {@code i}, so
 * cases can be generated in any order or in parallel and the same seed always gives the same cases,
 * voxel for voxel.
 *
 * <pre>{@code
 * PhantomGenerator g = PhantomGenerator.builder().setSeed(7).setSize(128).setPrevalence(0.3).build();
 * List<PhantomCase> study = g.generate(400);
 * }</pre>
 */
public final class PhantomGenerator {

    private static final String[] FIRST = {
        "ALICE", "BORIS", "CHIARA", "DMITRI", "ELIF", "FINN", "GRETA", "HUGO", "INES", "JONAS",
        "KAORI", "LUCA", "MAJA", "NILS", "OLGA", "PIETRO"
    };
    static final LocalDate FIRST_STUDY = LocalDate.of(2026, 1, 5);

    private final long seed;
    private final int size;
    private final int slices;
    private final double prevalence;
    private final List<SiteProfile> sites;
    private final double driftedFraction;
    private final SiteProfile drifted;
    private final double minDiameterMm;
    private final double maxDiameterMm;

    private PhantomGenerator(Builder b) {
        this.seed = b.seed;
        this.size = b.size;
        this.slices = b.slices;
        this.prevalence = b.prevalence;
        this.sites = List.copyOf(b.sites);
        this.driftedFraction = b.driftedFraction;
        this.drifted = b.drifted;
        this.minDiameterMm = b.minDiameterMm;
        this.maxDiameterMm = b.maxDiameterMm;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns cases {@code 0 … n−1}, generated in parallel. */
    public List<PhantomCase> generate(int n) {
        return IntStream.range(0, n).parallel().mapToObj(this::generateCase).toList();
    }

    /** Returns case {@code index}. */
    public PhantomCase generateCase(int index) {
        Rng rng = Rng.of(seed, index);
        SiteProfile site =
                driftedFraction > 0 && rng.uniform() < driftedFraction
                        ? drifted
                        : sites.get(rng.nextInt(sites.size()));
        boolean positive = rng.uniform() < prevalence;
        double halfDepth = (slices - 1) * site.sliceThicknessMm() / 2;
        Scene scene = new Scene(rng, -halfDepth, halfDepth);
        List<Lesion> lesions = new ArrayList<>();
        if (positive) {
            int count = rng.uniform() < 0.8 ? 1 : 2;
            for (int attempt = 0; lesions.size() < count && attempt < 200; attempt++) {
                Lesion l = candidate(rng, scene, halfDepth);
                if (l != null
                        && lesions.stream()
                                .noneMatch(o -> apart(o, l) < o.radiusMm() + l.radiusMm() + 4)) {
                    lesions.add(l);
                    scene.add(l);
                }
            }
            if (lesions.isEmpty()) {
                throw new IllegalStateException(
                        "no room for a nodule in case " + index + " (seed " + seed + ")");
            }
        }
        PhantomImage image = Renderer.render(scene, site, size, slices, 0, rng);
        Patient patient = patient(rng, index);
        LocalDate studyDate = FIRST_STUDY.plusDays(index % 300);
        return new PhantomCase(
                String.format("case-%04d", index + 1),
                index,
                patient,
                site,
                studyDate,
                positive,
                lesions,
                image);
    }

    private Lesion candidate(Rng rng, Scene scene, double halfDepth) {
        double diameter = rng.uniform(minDiameterMm, maxDiameterMm);
        double r = diameter / 2;
        int lung = rng.nextInt(2);
        var e = scene.lung(lung);
        double x = e.cx() + rng.uniform(-1, 1) * e.a();
        double y = e.cy() + rng.uniform(-1, 1) * e.b();
        if (!scene.fitsInLung(lung, x, y, r, 3)) return null;
        // A 2D slice cuts the nodule near its equator; a volume holds it whole where it fits.
        double z =
                slices == 1
                        ? rng.uniform(-0.3, 0.3) * r
                        : rng.uniform(-Math.max(0, halfDepth - r), Math.max(0, halfDepth - r));
        return new Lesion(x, y, z, r, rng.uniform(10, 60));
    }

    private static double apart(Lesion a, Lesion b) {
        double dx = a.x() - b.x(), dy = a.y() - b.y(), dz = a.z() - b.z();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    static Patient patient(Rng rng, int index) {
        String token = rng.token(6);
        String first = FIRST[rng.nextInt(FIRST.length)];
        int age = 35 + rng.nextInt(55);
        LocalDate birth =
                FIRST_STUDY.plusDays(index % 300).minusYears(age).minusDays(1 + rng.nextInt(360));
        String sex = rng.uniform() < 0.5 ? "F" : "M";
        return new Patient(
                "CANARY" + token + "^" + first,
                "PID" + token,
                birth,
                sex,
                age,
                "OID" + token,
                (10 + rng.nextInt(890)) + " CANARY LANE " + token,
                "ACC" + token,
                "CANARYDR" + token + "^SAM");
    }

    /** Builder: {@code set} methods are required, {@code opt} optional. */
    public static final class Builder {
        private Long seed;
        private int size;
        private double prevalence = -1;
        private int slices = 1;
        private List<SiteProfile> sites = SiteProfile.standard();
        private double driftedFraction;
        private SiteProfile drifted = SiteProfile.driftedSite();
        private double minDiameterMm = 3;
        private double maxDiameterMm = 20;

        private Builder() {}

        /** Sets the seed. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the matrix size: 128 or 256. */
        public Builder setSize(int size) {
            if (size != 128 && size != 256 && size != 64) {
                throw new IllegalArgumentException("phantom size is not 64, 128 or 256: " + size);
            }
            this.size = size;
            return this;
        }

        /** Sets the share of cases with nodules, in [0, 1]. */
        public Builder setPrevalence(double prevalence) {
            if (!(prevalence >= 0 && prevalence <= 1)) {
                throw new IllegalArgumentException("prevalence is not in [0, 1]: " + prevalence);
            }
            this.prevalence = prevalence;
            return this;
        }

        /** Generates volumes of {@code slices} slices instead of single slices. */
        public Builder optSlices(int slices) {
            if (slices < 1 || slices > 256) {
                throw new IllegalArgumentException("slices is not in [1, 256]: " + slices);
            }
            this.slices = slices;
            return this;
        }

        /** Replaces the standard sites. */
        public Builder optSites(List<SiteProfile> sites) {
            if (sites.isEmpty()) throw new IllegalArgumentException("no sites");
            this.sites = List.copyOf(sites);
            return this;
        }

        /** Sends this share of cases to the drifted site. */
        public Builder optDrifted(double fraction, SiteProfile site) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException(
                        "drifted fraction is not in [0, 1]: " + fraction);
            }
            this.driftedFraction = fraction;
            this.drifted = site;
            return this;
        }

        /** Sets the range of nodule diameters in mm (default 3 to 20). */
        public Builder optDiameters(double minMm, double maxMm) {
            if (!(minMm > 0 && maxMm >= minMm)) {
                throw new IllegalArgumentException(
                        "nodule diameters are not 0 < min <= max: " + minMm + ", " + maxMm);
            }
            this.minDiameterMm = minMm;
            this.maxDiameterMm = maxMm;
            return this;
        }

        /** Returns the generator, checking required settings. */
        public PhantomGenerator build() {
            List<String> missing = new ArrayList<>();
            if (seed == null) missing.add("seed");
            if (size == 0) missing.add("size");
            if (prevalence < 0) missing.add("prevalence");
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "phantom generator is missing: " + String.join(", ", missing));
            }
            return new PhantomGenerator(this);
        }
    }
}
