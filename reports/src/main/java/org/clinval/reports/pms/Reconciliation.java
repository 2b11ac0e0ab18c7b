package org.clinval.reports.pms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.clinval.reports.pms.PmsReportInputs.Entry;

/**
 * The balance of the events as {@code reconciliation.json} records it: events in = used +
 * dead-lettered + waiting. The four counts are found by their keys (top level first), e.g. {@code
 * events_in}, {@code used}, {@code dead_lettered}, {@code waiting}.
 */
record Reconciliation(long in, long used, long deadLettered, long waiting) {

    private static final Set<String> IN =
            Set.of("eventsin", "in", "events", "eventsread", "read", "totalin");
    private static final Set<String> USED = Set.of("used", "eventsused", "joined");
    private static final Set<String> DEAD =
            Set.of("deadlettered", "deadletter", "eventsdeadlettered", "deadletters");
    private static final Set<String> WAITING =
            Set.of("waiting", "eventswaiting", "pending", "unmatched");

    /** Returns whether the events balance. */
    boolean balances() {
        return in == used + deadLettered + waiting;
    }

    /** Returns the balance as a sentence. */
    String statement() {
        return String.format(
                Locale.ROOT,
                "Events in %,d %s used %,d + dead-lettered %,d + waiting %,d (= %,d)%s",
                in,
                balances() ? "=" : "\u2260",
                used,
                deadLettered,
                waiting,
                used + deadLettered + waiting,
                balances() ? ": every event is accounted for." : ": the events do NOT balance.");
    }

    /** Returns the balance, if the entries name all four counts. */
    static Optional<Reconciliation> of(List<Entry> entries) {
        Optional<Reconciliation> top =
                find(entries.stream().filter(e -> !e.key().contains(".")).toList());
        return top.isPresent() ? top : find(entries);
    }

    private static Optional<Reconciliation> find(List<Entry> entries) {
        Optional<Long> in = count(entries, IN);
        Optional<Long> used = count(entries, USED);
        Optional<Long> dead = count(entries, DEAD);
        Optional<Long> waiting = count(entries, WAITING);
        if (in.isEmpty() || used.isEmpty() || dead.isEmpty() || waiting.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reconciliation(in.get(), used.get(), dead.get(), waiting.get()));
    }

    private static Optional<Long> count(List<Entry> entries, Set<String> names) {
        for (Entry e : entries) {
            String last = e.key().substring(e.key().lastIndexOf('.') + 1);
            String key = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (names.contains(key) && e.number().isPresent()) {
                double v = e.number().getAsDouble();
                if (v >= 0 && v % 1 == 0) {
                    return Optional.of((long) v);
                }
            }
        }
        return Optional.empty();
    }
}
