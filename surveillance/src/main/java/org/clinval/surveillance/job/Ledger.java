package org.clinval.surveillance.job;

/**
 * One event's fate, for the reconciliation {@code events in = used + dead-lettered + waiting}:
 * every event read produces exactly one ledger entry, when its fate is known (at the end of a
 * bounded run, the events still waiting for their partner are entered as waiting).
 */
public class Ledger {

    /** The fates of an event. */
    public enum Fate {
        PREDICTION_JOINED(Group.USED),
        PREDICTION_WITHOUT_TRUTH(Group.USED),
        TRUTH_JOINED(Group.USED),
        READER_USED(Group.USED),
        MALFORMED(Group.DEAD_LETTERED),
        LATE(Group.DEAD_LETTERED),
        DUPLICATE(Group.DEAD_LETTERED),
        TRUTH_PAST_HORIZON(Group.DEAD_LETTERED),
        TRUTH_WITHOUT_PREDICTION(Group.DEAD_LETTERED),
        READER_WITHOUT_PREDICTION(Group.DEAD_LETTERED),
        PREDICTION_WAITING(Group.WAITING),
        TRUTH_WAITING(Group.WAITING),
        READER_WAITING(Group.WAITING);

        private final Group group;

        Fate(Group group) {
            this.group = group;
        }

        public Group group() {
            return group;
        }

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The three terms of the reconciliation. */
    public enum Group {
        USED,
        DEAD_LETTERED,
        WAITING
    }

    public Fate fate;
    public long count;

    /** The watermark (event time) the count is as of; {@code Long.MAX_VALUE} at the end. */
    public long asOf;

    public Ledger() {}

    public Ledger(Fate fate, long count) {
        this.fate = fate;
        this.count = count;
    }
}
