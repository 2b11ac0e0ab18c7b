package org.clinval.surveillance.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.clinval.imaging.phantom.SiteProfile;

/**
 * Everything about the demo's cases that does not need the model, drawn in one fixed order from the
 * seed: who comes when, with which truth, when the truth arrives and from where, and whether a
 * reader records a decision. Scoring may then run in any order.
 */
final class DemoPlan {

    /** Share of cases whose ground truth never arrives (lost to follow-up). */
    static final double TRUTH_NEVER_ARRIVES = 0.03;

    /** Share of cases on which a reader's decision is recorded. */
    static final double READER_SHARE = 0.6;

    /** One case as planned. */
    record Case(
            int index,
            String caseId,
            String site,
            SiteProfile profile,
            boolean positive,
            Instant predictionTime,
            Instant truthTime,
            String truthSource,
            Instant readerTime,
            double readerDraw) {

        /** Whether the ground truth ever arrives. */
        boolean hasTruth() {
            return truthTime != null;
        }

        /** Whether a reader records a decision. */
        boolean hasReader() {
            return readerTime != null;
        }
    }

    private DemoPlan() {}

    static List<Case> of(DemoEventGenerator.Settings s) {
        SplittableRandom rng = new SplittableRandom(s.seed());
        List<Case> cases = new ArrayList<>();
        int[] perSite = new int[s.sites().size()];
        for (LocalDate day = s.start(); day.isBefore(s.end()); day = day.plusDays(1)) {
            for (int k = 0; k < s.sites().size(); k++) {
                SiteProfile site = s.sites().get(k);
                SiteProfile profile =
                        site.id().equals(s.driftSite()) && !day.isBefore(s.driftStart())
                                ? s.driftedProfile()
                                : site;
                int n = poisson(rng, s.casesPerDay());
                List<Instant> times = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    // Reading hours, 07:00 to 19:00 UTC, to the second.
                    times.add(
                            day.atTime(7, 0)
                                    .toInstant(ZoneOffset.UTC)
                                    .plusSeconds(rng.nextInt(12 * 3600)));
                }
                times.sort(null);
                for (Instant t : times) {
                    cases.add(
                            plan(
                                    rng,
                                    cases.size(),
                                    site.id() + "-" + pad(++perSite[k]),
                                    site.id(),
                                    profile,
                                    s.prevalence(),
                                    t));
                }
            }
        }
        return cases;
    }

    private static Case plan(
            SplittableRandom rng,
            int index,
            String caseId,
            String site,
            SiteProfile profile,
            double prevalence,
            Instant time) {
        boolean positive = rng.nextDouble() < prevalence;
        Instant truthTime = null;
        String source = null;
        if (rng.nextDouble() >= TRUTH_NEVER_ARRIVES) {
            source = source(rng, positive);
            int[] days =
                    switch (source) {
                        case "adjudicated_read" -> new int[] {3, 14};
                        case "pathology" -> new int[] {7, 30};
                        default -> new int[] {30, 60};
                    };
            int delay = days[0] + rng.nextInt(days[1] - days[0] + 1);
            truthTime = time.plusSeconds(delay * 86_400L + rng.nextInt(8 * 3600) - 4 * 3600);
        }
        Instant readerTime = null;
        if (rng.nextDouble() < READER_SHARE) {
            readerTime = time.plusSeconds(120 + rng.nextInt(4 * 3600));
        }
        return new Case(
                index,
                caseId,
                site,
                profile,
                positive,
                time,
                truthTime,
                source,
                readerTime,
                rng.nextDouble());
    }

    /**
     * A nodule is confirmed by pathology (biopsy) or resected more often than seen again; a
     * negative is mostly confirmed by a later scan or by an adjudication panel.
     */
    private static String source(SplittableRandom rng, boolean positive) {
        double u = rng.nextDouble();
        if (positive) {
            return u < 0.55 ? "pathology" : u < 0.80 ? "adjudicated_read" : "follow_up_imaging";
        }
        return u < 0.50 ? "follow_up_imaging" : u < 0.95 ? "adjudicated_read" : "pathology";
    }

    /** Knuth's multiplication method: fine for the small means of cases per site and day. */
    static int poisson(SplittableRandom rng, double mean) {
        double limit = Math.exp(-mean);
        int k = 0;
        double p = rng.nextDouble();
        while (p > limit) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }

    private static String pad(int n) {
        return String.format(java.util.Locale.ROOT, "%05d", n);
    }
}
