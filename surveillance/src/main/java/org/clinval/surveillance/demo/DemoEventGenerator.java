package org.clinval.surveillance.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.phantom.SiteProfile;

/**
 * Writes the events {@code clinval pms demo} replays: cases from sites A, B and C day by day, each
 * a phantom chest CT rendered with its site's scanner profile and scored by the real built-in
 * nodule classifier (the device of the demo validation study) at its descriptor's threshold, the
 * study's operating point. Per case: a {@code prediction} event (score, decision, the scanner's
 * acquisition parameters), a {@code ground-truth} event 3 to 60 days later (pathology, follow-up
 * imaging or an adjudicated read; 3% never arrive) and, for 60% of cases, a {@code reader-decision}
 * (readers agree with a correct call 95% of the time and with a wrong one 35%). From {@link
 * Settings#driftStart()} the drift site's scanner is replaced ({@link
 * DemoSites#siteBAfterScannerChange()}).
 *
 * <p>Events go to {@code events/yyyy-MM.jsonl} by the month of their time, in time order. Events
 * after the period's end (truth not yet arrived when the demo stops) are not written but counted.
 * The same settings give byte-identical files.
 */
public final class DemoEventGenerator {

    /** Matrix size of the phantoms, as in the demo validation study. */
    public static final int PHANTOM_SIZE = 256;

    /** The device version of the demo validation study's protocol. */
    public static final String DEVICE_VERSION = "1.0.0";

    /** Readers agree with a correct call this often. */
    static final double AGREE_WHEN_RIGHT = 0.95;

    /** Readers agree with a wrong call this often (they override it 65% of the time). */
    static final double AGREE_WHEN_WRONG = 0.35;

    /** Reports progress: cases scored of the total. */
    @FunctionalInterface
    public interface ProgressListener {
        /** Ignores progress. */
        ProgressListener NONE = (done, total) -> {};

        /** Called from the scoring threads as cases are scored; must be thread-safe. */
        void update(int done, int total);

        /** Called when a month's file is complete, months in order. */
        default void monthWritten(Path file) {}
    }

    /**
     * What to generate.
     *
     * @param seed seed of everything: the case plan and the phantoms
     * @param start first day
     * @param end day after the last (exclusive)
     * @param sites the sites, each with its scanner before any change
     * @param casesPerDay mean number of cases per site and day (Poisson)
     * @param prevalence share of cases with a nodule
     * @param driftSite id of the site whose scanner changes
     * @param driftStart first day on the new scanner
     * @param driftedProfile the new scanner
     * @param threads scoring threads, each with its own predictor
     */
    public record Settings(
            long seed,
            LocalDate start,
            LocalDate end,
            List<SiteProfile> sites,
            double casesPerDay,
            double prevalence,
            String driftSite,
            LocalDate driftStart,
            SiteProfile driftedProfile,
            int threads) {

        public Settings {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(driftSite, "driftSite");
            Objects.requireNonNull(driftStart, "driftStart");
            Objects.requireNonNull(driftedProfile, "driftedProfile");
            sites = List.copyOf(sites);
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException(
                        "the period is empty: start " + start + " is not before end " + end);
            }
            if (sites.isEmpty()) throw new IllegalArgumentException("no sites");
            if (!(casesPerDay > 0 && casesPerDay <= 100)) {
                throw new IllegalArgumentException(
                        "cases per day is not in (0, 100]: " + casesPerDay);
            }
            if (!(prevalence > 0 && prevalence < 1)) {
                throw new IllegalArgumentException("prevalence is not in (0, 1): " + prevalence);
            }
            if (threads < 1)
                throw new IllegalArgumentException("threads is not positive: " + threads);
        }

        /**
         * The demo: 2026-01-01 to 2026-06-30, sites A, B, C, 3 cases per site and day (about 15
         * negatives per site and week, enough for a weekly specificity; each case costs about 0.2 s
         * of CPU, rendering two thirds of it), prevalence 0.3 as the validation study's phantoms,
         * site B's scanner changed on 2026-04-01, two scoring threads.
         */
        public static Settings defaults() {
            return new Settings(
                    20260101L,
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 7, 1),
                    DemoSites.standard(),
                    3,
                    0.3,
                    "B",
                    LocalDate.of(2026, 4, 1),
                    DemoSites.siteBAfterScannerChange(),
                    Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        }

        /** Returns these settings with another seed. */
        public Settings withSeed(long s) {
            return new Settings(
                    s,
                    start,
                    end,
                    sites,
                    casesPerDay,
                    prevalence,
                    driftSite,
                    driftStart,
                    driftedProfile,
                    threads);
        }

        /** Returns these settings over {@code months} whole months from {@code from}. */
        public Settings withMonths(LocalDate from, int months) {
            return withDays(from, (int) (from.plusMonths(months).toEpochDay() - from.toEpochDay()));
        }

        /** Returns these settings over {@code days} days from {@code from}. */
        public Settings withDays(LocalDate from, int days) {
            return new Settings(
                    seed,
                    from,
                    from.plusDays(days),
                    sites,
                    casesPerDay,
                    prevalence,
                    driftSite,
                    driftStart,
                    driftedProfile,
                    threads);
        }

        /** Returns these settings with another mean number of cases per site and day. */
        public Settings withCasesPerDay(double mean) {
            return new Settings(
                    seed,
                    start,
                    end,
                    sites,
                    mean,
                    prevalence,
                    driftSite,
                    driftStart,
                    driftedProfile,
                    threads);
        }

        /** Returns these settings with the scanner of {@code site} changed to {@code profile}. */
        public Settings withDrift(String site, LocalDate from, SiteProfile profile) {
            return new Settings(
                    seed, start, end, sites, casesPerDay, prevalence, site, from, profile, threads);
        }

        /** Returns these settings with {@code n} scoring threads. */
        public Settings withThreads(int n) {
            return new Settings(
                    seed,
                    start,
                    end,
                    sites,
                    casesPerDay,
                    prevalence,
                    driftSite,
                    driftStart,
                    driftedProfile,
                    n);
        }
    }

    private final Settings settings;

    /** A generator of {@code settings}. */
    public DemoEventGenerator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Returns the settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * Plans the cases, renders and scores them, and writes {@code eventsDir/yyyy-MM.jsonl}, one
     * file per month of the period (replacing files of those names). Months are scored and written
     * in order: a month's events come from cases of that month or before, so its file is complete
     * (and reported to {@link ProgressListener#monthWritten}) as soon as its cases are scored, and
     * a replay may start on it while later months are generated.
     *
     * @throws ModelLoadException if the built-in classifier cannot be loaded
     * @throws IOException if a file cannot be written
     */
    public DemoSummary generate(Path eventsDir, ProgressListener progress)
            throws IOException, ModelLoadException {
        long t0 = System.nanoTime();
        Files.createDirectories(eventsDir);
        List<DemoPlan.Case> plan = DemoPlan.of(settings);
        Instant end = settings.end().atStartOfDay().toInstant(ZoneOffset.UTC);
        DemoSummary.Tally tally = new DemoSummary.Tally(settings, end);
        List<Event> pending = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        double threshold;
        String modelVersion;
        try (ImageModel model = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER)) {
            threshold = model.descriptor().threshold();
            modelVersion = model.descriptor().version();
            DemoScorer scorer = new DemoScorer(model, plan, settings, progress);
            int from = 0;
            for (YearMonth m = YearMonth.from(settings.start());
                    m.atDay(1).isBefore(settings.end());
                    m = m.plusMonths(1)) {
                Instant monthEnd =
                        m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                int to = from;
                while (to < plan.size() && plan.get(to).predictionTime().isBefore(monthEnd)) to++;
                double[] scores = scorer.score(from, to);
                for (int i = from; i < to; i++) {
                    events(plan.get(i), scores[i - from], threshold, modelVersion, tally, pending);
                }
                from = to;
                Instant stop = monthEnd.isBefore(end) ? monthEnd : end;
                List<Event> month = new ArrayList<>();
                List<Event> later = new ArrayList<>();
                for (Event e : pending) {
                    if (e.time().isBefore(stop)) month.add(e);
                    else if (e.time().isBefore(end)) later.add(e);
                }
                pending = later;
                Path f = eventsDir.resolve(m + ".jsonl");
                write(f, month);
                files.add(f);
                progress.monthWritten(f);
            }
        }
        return tally.summary(
                files, threshold, modelVersion, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Adds the events of case {@code c} scored {@code score} to {@code out}. */
    private static void events(
            DemoPlan.Case c,
            double score,
            double threshold,
            String modelVersion,
            DemoSummary.Tally tally,
            List<Event> out) {
        int decision = score >= threshold ? 1 : 0;
        tally.add(c, decision);
        out.add(
                new Event(
                        c.predictionTime(),
                        0,
                        c.caseId(),
                        DemoEvents.prediction(
                                c.caseId(),
                                c.predictionTime(),
                                c.site(),
                                c.profile(),
                                PHANTOM_SIZE,
                                DEVICE_VERSION,
                                modelVersion,
                                score,
                                decision)));
        if (c.hasReader()) {
            boolean right = decision == (c.positive() ? 1 : 0);
            boolean agreed = c.readerDraw() < (right ? AGREE_WHEN_RIGHT : AGREE_WHEN_WRONG);
            out.add(
                    new Event(
                            c.readerTime(),
                            1,
                            c.caseId(),
                            DemoEvents.readerDecision(c.caseId(), c.readerTime(), agreed)));
        }
        if (c.hasTruth()) {
            out.add(
                    new Event(
                            c.truthTime(),
                            2,
                            c.caseId(),
                            DemoEvents.groundTruth(
                                    c.caseId(),
                                    c.truthTime(),
                                    c.positive() ? 1 : 0,
                                    c.truthSource())));
        }
    }

    /** An event with its sort key: time, then kind (prediction first), then case. */
    private record Event(Instant time, int kind, String caseId, String json) {}

    private static void write(Path file, List<Event> events) throws IOException {
        events.sort(
                Comparator.comparing(Event::time)
                        .thenComparingInt(Event::kind)
                        .thenComparing(Event::caseId));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Event e : events) {
                w.write(e.json());
                w.write('\n');
            }
        }
    }
}
