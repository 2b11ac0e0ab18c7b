package org.clinval.surveillance.job;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.clinval.surveillance.event.Event;

/**
 * What the join keeps for one case until its horizon has passed (checkpointed by {@link
 * CaseStateSerializer}).
 */
@TypeInfo(CaseStateSerializer.Info.class)
public class CaseState {
    /** The prediction, while its horizon lasts. */
    public Event prediction;

    /** A ground truth that arrived before its prediction. */
    public Event truth;

    /** A reader decision that arrived before its prediction. */
    public Event reader;

    public boolean joined;

    /** A join found while handling an earlier event, emitted at the truth's time by a timer. */
    public Event pendingTruth;

    /** A reader decision found while handling an earlier event, emitted at its time by a timer. */
    public Event pendingReader;

    public boolean readerUsed;
    public int readerAgreed = -1;

    /** After the horizon: the prediction's time, kept to tell late truth from unknown cases. */
    public long tombstone = Long.MIN_VALUE;

    public CaseState() {}
}
