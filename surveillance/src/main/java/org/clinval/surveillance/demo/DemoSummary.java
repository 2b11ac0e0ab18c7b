package org.clinval.surveillance.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a demo generation wrote: events per type and per site, and the device's true performance per
 * site before and after the scanner change (over every case by prediction time, whether or not its
 * truth arrived in the period): what the surveillance job should find.
 *
 * @param cases cases (one prediction each)
 * @param predictions prediction events written
 * @param groundTruths ground-truth events written
 * @param readerDecisions reader-decision events written
 * @param truthNeverArrives cases whose truth never arrives
 * @param truthAfterEnd cases whose truth arrives after the period (not written)
 * @param sites per site, in the settings' order
 * @param files the files written, one per month
 * @param threshold the operating point the decisions used ({@code score >= threshold})
 * @param modelVersion the classifier's version from its descriptor
 * @param elapsed wall time of the generation, model loading included
 */
public record DemoSummary(
        int cases,
        int predictions,
        int groundTruths,
        int readerDecisions,
        int truthNeverArrives,
        int truthAfterEnd,
        Map<String, Site> sites,
        List<Path> files,
        double threshold,
        String modelVersion,
        Duration elapsed) {

    public DemoSummary {
        sites = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sites));
        files = List.copyOf(files);
    }

    /** Returns cases generated per second of wall time. */
    public double casesPerSecond() {
        return cases / (elapsed.toNanos() / 1e9);
    }

    /**
     * One site's counts.
     *
     * @param cases cases
     * @param positives cases with a nodule
     * @param predictions prediction events written
     * @param groundTruths ground-truth events written
     * @param readerDecisions reader-decision events written
     * @param overrides reader decisions written that overrode the device
     * @param before true performance before the drift start (all cases of other sites)
     * @param after true performance from the drift start on
     */
    public record Site(
            int cases,
            int positives,
            int predictions,
            int groundTruths,
            int readerDecisions,
            int overrides,
            Confusion before,
            Confusion after) {}

    /**
     * A confusion matrix at the operating point.
     *
     * @param tp positives called positive
     * @param fn positives called negative
     * @param tn negatives called negative
     * @param fp negatives called positive
     */
    public record Confusion(int tp, int fn, int tn, int fp) {

        /** Returns TP / (TP + FN), empty when there are no positives. */
        public OptionalDouble sensitivity() {
            return tp + fn == 0
                    ? OptionalDouble.empty()
                    : OptionalDouble.of((double) tp / (tp + fn));
        }

        /** Returns TN / (TN + FP), empty when there are no negatives. */
        public OptionalDouble specificity() {
            return tn + fp == 0
                    ? OptionalDouble.empty()
                    : OptionalDouble.of((double) tn / (tn + fp));
        }

        Confusion plus(boolean positive, int decision) {
            if (positive) {
                return decision == 1
                        ? new Confusion(tp + 1, fn, tn, fp)
                        : new Confusion(tp, fn + 1, tn, fp);
            }
            return decision == 0
                    ? new Confusion(tp, fn, tn + 1, fp)
                    : new Confusion(tp, fn, tn, fp + 1);
        }
    }

    /** Counts cases into a summary as the generator writes them. */
    static final class Tally {
        private final DemoEventGenerator.Settings settings;
        private final Instant end;
        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private final Map<String, Confusion[]> confusion = new LinkedHashMap<>();
        private int cases, predictions, truths, readers, never, late;

        Tally(DemoEventGenerator.Settings settings, Instant end) {
            this.settings = settings;
            this.end = end;
            for (var s : settings.sites()) {
                counts.put(s.id(), new int[6]);
                confusion.put(
                        s.id(),
                        new Confusion[] {new Confusion(0, 0, 0, 0), new Confusion(0, 0, 0, 0)});
            }
        }

        void add(DemoPlan.Case c, int decision) {
            String site = c.site();
            int[] n = counts.get(site);
            cases++;
            n[0]++;
            if (c.positive()) n[1]++;
            if (c.predictionTime().isBefore(end)) {
                predictions++;
                n[2]++;
            }
            if (!c.hasTruth()) {
                never++;
            } else if (c.truthTime().isBefore(end)) {
                truths++;
                n[3]++;
            } else {
                late++;
            }
            if (c.hasReader() && c.readerTime().isBefore(end)) {
                readers++;
                n[4]++;
                boolean right = decision == (c.positive() ? 1 : 0);
                double agree =
                        right
                                ? DemoEventGenerator.AGREE_WHEN_RIGHT
                                : DemoEventGenerator.AGREE_WHEN_WRONG;
                if (c.readerDraw() >= agree) n[5]++;
            }
            boolean after =
                    !c.predictionTime()
                            .isBefore(
                                    settings.driftStart()
                                            .atStartOfDay()
                                            .toInstant(java.time.ZoneOffset.UTC));
            Confusion[] k = confusion.get(site);
            k[after ? 1 : 0] = k[after ? 1 : 0].plus(c.positive(), decision);
        }

        DemoSummary summary(
                List<Path> files, double threshold, String modelVersion, Duration elapsed) {
            Map<String, Site> sites = new LinkedHashMap<>();
            for (var e : counts.entrySet()) {
                int[] n = e.getValue();
                Confusion[] k = confusion.get(e.getKey());
                sites.put(e.getKey(), new Site(n[0], n[1], n[2], n[3], n[4], n[5], k[0], k[1]));
            }
            return new DemoSummary(
                    cases,
                    predictions,
                    truths,
                    readers,
                    never,
                    late,
                    sites,
                    files,
                    threshold,
                    modelVersion,
                    elapsed);
        }
    }
}
