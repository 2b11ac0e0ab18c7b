package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The accounting of every event read: {@code events in = used + dead-lettered + waiting}, each term
 * broken down by fate.
 */
public record Reconciliation(Map<Ledger.Fate, Long> counts, long linesRead) {

    public Reconciliation {
        counts = Map.copyOf(counts);
    }

    static Reconciliation of(Map<Ledger.Fate, Long> counts) {
        return new Reconciliation(new EnumMap<>(counts), -1);
    }

    /** With the number of lines the input held, counted apart from the job. */
    public Reconciliation withLinesRead(long lines) {
        return new Reconciliation(counts, lines);
    }

    /** Whether the lines read, when known, equal the sum of the fates. */
    public boolean reconciles() {
        return linesRead < 0 || linesRead == eventsIn();
    }

    public long count(Ledger.Fate f) {
        return counts.getOrDefault(f, 0L);
    }

    public long total(Ledger.Group g) {
        long n = 0;
        for (Map.Entry<Ledger.Fate, Long> e : counts.entrySet()) {
            if (e.getKey().group() == g) n += e.getValue();
        }
        return n;
    }

    /** Every event read, as the sum of its fates. */
    public long eventsIn() {
        return total(Ledger.Group.USED)
                + total(Ledger.Group.DEAD_LETTERED)
                + total(Ledger.Group.WAITING);
    }

    ObjectNode json() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        if (linesRead >= 0) n.put("lines_read", linesRead);
        n.put("events_in", eventsIn());
        n.put("used", total(Ledger.Group.USED));
        n.put("dead_lettered", total(Ledger.Group.DEAD_LETTERED));
        n.put("waiting", total(Ledger.Group.WAITING));
        n.put("equation", "events_in = used + dead_lettered + waiting");
        if (linesRead >= 0) n.put("reconciles", reconciles());
        for (Ledger.Group g : Ledger.Group.values()) {
            ObjectNode by = n.putObject(g.name().toLowerCase(java.util.Locale.ROOT) + "_by_fate");
            for (Ledger.Fate f : Ledger.Fate.values()) {
                if (f.group() == g) by.put(f.wire(), count(f));
            }
        }
        return n;
    }
}
