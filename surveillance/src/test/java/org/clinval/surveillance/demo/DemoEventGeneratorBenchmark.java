package org.clinval.surveillance.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalDouble;
import org.clinval.surveillance.kafka.EmbeddedKafka;
import org.clinval.surveillance.kafka.EventPublisher;

/**
 * Benchmark main: generates the demo's events with the default settings (or {@code [folder]
 * [first-day days [cases-per-day]]}), prints the generation rate and each site's true sensitivity
 * and specificity before and after the scanner change, then starts the embedded broker on a fresh
 * folder, publishes the events and prints the broker's start, publication and stop times.
 */
public final class DemoEventGeneratorBenchmark {

    private DemoEventGeneratorBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("pms-demo");
        DemoEventGenerator.Settings s = DemoEventGenerator.Settings.defaults();
        if (args.length > 2) s = s.withDays(LocalDate.parse(args[1]), Integer.parseInt(args[2]));
        if (args.length > 3) s = s.withCasesPerDay(Double.parseDouble(args[3]));
        DemoSummary sum =
                new DemoEventGenerator(s)
                        .generate(dir.resolve("events"), DemoEventGenerator.ProgressListener.NONE);
        System.out.printf(
                Locale.ROOT,
                "%d cases in %.1f s (%.2f cases/s, %d threads); events: %d predictions, %d ground"
                        + " truths (%d after the end, %d never), %d reader decisions%n",
                sum.cases(),
                sum.elapsed().toMillis() / 1000.0,
                sum.casesPerSecond(),
                s.threads(),
                sum.predictions(),
                sum.groundTruths(),
                sum.truthAfterEnd(),
                sum.truthNeverArrives(),
                sum.readerDecisions());
        for (var e : sum.sites().entrySet()) {
            DemoSummary.Site site = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "site %s: %d cases, %d positives; before %s: sensitivity %s specificity %s;"
                            + " from then: sensitivity %s specificity %s%n",
                    e.getKey(),
                    site.cases(),
                    site.positives(),
                    s.driftStart(),
                    f(site.before().sensitivity()),
                    f(site.before().specificity()),
                    f(site.after().sensitivity()),
                    f(site.after().specificity()));
        }
        long t0 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            long t1 = System.nanoTime();
            kafka.createTopic(EventPublisher.EVENTS_TOPIC, 1);
            long n;
            try (EventPublisher p = new EventPublisher(kafka.bootstrapServers())) {
                n = p.publishFolder(dir.resolve("events"), EventPublisher.EVENTS_TOPIC);
            }
            long t2 = System.nanoTime();
            kafka.close();
            long t3 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "broker: start %.2f s, topic and %d events published %.2f s, stop %.2f s%n",
                    (t1 - t0) / 1e9,
                    n,
                    (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9);
        }
    }

    private static String f(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "undefined";
    }
}
