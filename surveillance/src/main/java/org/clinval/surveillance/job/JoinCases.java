package org.clinval.surveillance.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.surveillance.event.DeadLetter;
import org.clinval.surveillance.event.Event;

/**
 * Joins each case's prediction with its ground truth and its reader decision, by case id, within
 * the plan's horizon. Every event ends in exactly one {@link Ledger} fate: used, dead-lettered
 * (late, duplicate, truth past the horizon, no prediction) or — at the end of a bounded input —
 * waiting. The case's state is kept until twice the horizon after its prediction, then dropped, so
 * state is bounded by the events of that period and does not grow with the length of the stream.
 */
final class JoinCases extends KeyedProcessFunction<String, Event, StratumRecord> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long horizon;
    private final long lateness;
    private final List<String> strata;
    private transient ValueState<CaseState> state;

    JoinCases(long horizonMillis, long latenessMillis, List<String> strata) {
        this.horizon = horizonMillis;
        this.lateness = latenessMillis;
        this.strata = List.copyOf(strata);
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("case", CaseState.class));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<StratumRecord> out)
            throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (e.eventTime < watermark) {
            dead(
                    ctx,
                    e,
                    Ledger.Fate.LATE,
                    "late: event_time "
                            + Instant.ofEpochMilli(e.eventTime)
                            + " arrived after the stream had passed "
                            + Instant.ofEpochMilli(watermark)
                            + " (allowed lateness "
                            + lateness / 3_600_000L
                            + " h)");
            return;
        }
        CaseState st = state.value();
        if (st == null) st = new CaseState();
        switch (e.type) {
            case PREDICTION -> prediction(e, st, ctx, out);
            case GROUND_TRUTH -> truth(e, st, ctx, out);
            case READER_DECISION -> reader(e, st, ctx, out);
        }
        state.update(st);
    }

    private void prediction(Event e, CaseState st, Context ctx, Collector<StratumRecord> out) {
        if (st.prediction != null || st.tombstone != Long.MIN_VALUE) {
            dead(
                    ctx,
                    e,
                    Ledger.Fate.DUPLICATE,
                    "duplicate: a prediction for this case was already received");
            return;
        }
        st.prediction = e;
        emit(record(CaseRecord.Kind.PREDICTION, e, e.eventTime, st), ctx, out);
        ctx.timerService().registerEventTimeTimer(e.eventTime + horizon);
        if (st.reader != null) {
            Event r = st.reader;
            st.reader = null;
            useReader(r, st, ctx, out);
        }
        if (st.truth != null) {
            Event t = st.truth;
            st.truth = null;
            join(t, st, ctx, out);
        }
    }

    private void truth(Event e, CaseState st, Context ctx, Collector<StratumRecord> out) {
        if (st.joined || st.truth != null) {
            dead(
                    ctx,
                    e,
                    Ledger.Fate.DUPLICATE,
                    "duplicate: a ground truth for this case was already received");
            return;
        }
        if (st.tombstone != Long.MIN_VALUE) {
            pastHorizon(ctx, e, st.tombstone);
            return;
        }
        if (st.prediction == null) {
            st.truth = e;
            ctx.timerService().registerEventTimeTimer(e.eventTime + lateness);
            return;
        }
        join(e, st, ctx, out);
    }

    private void join(Event t, CaseState st, Context ctx, Collector<StratumRecord> out) {
        Event p = st.prediction;
        if (t.eventTime - p.eventTime > horizon) {
            pastHorizon(ctx, t, p.eventTime);
            return;
        }
        st.joined = true;
        long when = Math.max(p.eventTime, t.eventTime);
        if (when > ctx.timestamp()) {
            // The truth overtook its prediction (parallel readers): a record carries the time of
            // the event being handled, so the join waits for a timer at the truth's own time.
            st.pendingTruth = t;
            ctx.timerService().registerEventTimeTimer(when);
            return;
        }
        emitJoin(p, t, st, ctx, out);
    }

    private void emitJoin(
            Event p, Event t, CaseState st, Context ctx, Collector<StratumRecord> out) {
        CaseRecord r = record(CaseRecord.Kind.JOINED, p, Math.max(p.eventTime, t.eventTime), st);
        r.truthTime = t.eventTime;
        r.label = t.label;
        r.truthSource = t.source;
        emit(r, ctx, out);
        ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.TRUTH_JOINED, 1));
        ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.PREDICTION_JOINED, 1));
    }

    private void reader(Event e, CaseState st, Context ctx, Collector<StratumRecord> out) {
        if (st.readerUsed || st.reader != null) {
            dead(
                    ctx,
                    e,
                    Ledger.Fate.DUPLICATE,
                    "duplicate: a reader decision for this case was already received");
            return;
        }
        if (st.tombstone != Long.MIN_VALUE) {
            dead(
                    ctx,
                    e,
                    Ledger.Fate.READER_WITHOUT_PREDICTION,
                    "the case's prediction is past the horizon");
            return;
        }
        if (st.prediction == null) {
            st.reader = e;
            ctx.timerService().registerEventTimeTimer(e.eventTime + lateness);
            return;
        }
        useReader(e, st, ctx, out);
    }

    private void useReader(Event e, CaseState st, Context ctx, Collector<StratumRecord> out) {
        st.readerUsed = true;
        st.readerAgreed = e.agreed ? 1 : 0;
        long when = Math.max(e.eventTime, st.prediction.eventTime);
        if (when > ctx.timestamp()) {
            st.pendingReader = e;
            ctx.timerService().registerEventTimeTimer(when);
            return;
        }
        emitReader(e, st, ctx, out);
    }

    private void emitReader(Event e, CaseState st, Context ctx, Collector<StratumRecord> out) {
        CaseRecord r =
                record(
                        CaseRecord.Kind.READER,
                        st.prediction,
                        Math.max(e.eventTime, st.prediction.eventTime),
                        st);
        emit(r, ctx, out);
        ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.READER_USED, 1));
    }

    /**
     * Sends {@code r} into each of its strata (as small records: each is sent over the network to
     * its stratum's windows) and a joined case's line to {@link Tags#JOINED}.
     */
    private void emit(CaseRecord r, Context ctx, Collector<StratumRecord> out) {
        for (String s : Strata.of(r, strata)) out.collect(StratumRecord.of(r, s));
        if (r.kind == CaseRecord.Kind.JOINED) ctx.output(Tags.JOINED, JoinedCases.line(r));
    }

    @Override
    public void onTimer(long ts, OnTimerContext ctx, Collector<StratumRecord> out)
            throws Exception {
        CaseState st = state.value();
        if (st == null) return;
        if (st.pendingReader != null
                && ts >= Math.max(st.pendingReader.eventTime, st.prediction.eventTime)) {
            emitReader(st.pendingReader, st, ctx, out);
            st.pendingReader = null;
        }
        if (st.pendingTruth != null
                && ts >= Math.max(st.pendingTruth.eventTime, st.prediction.eventTime)) {
            emitJoin(st.prediction, st.pendingTruth, st, ctx, out);
            st.pendingTruth = null;
        }
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            if (st.pendingTruth != null || st.pendingReader != null) {
                // Their own timer comes later and does the accounting below.
                state.update(st);
                return;
            }
            // The end of a bounded input: what has no partner yet is still waiting for it.
            if (st.prediction != null && !st.joined) {
                ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.PREDICTION_WAITING, 1));
            }
            if (st.truth != null) ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.TRUTH_WAITING, 1));
            if (st.reader != null)
                ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.READER_WAITING, 1));
            state.clear();
            return;
        }
        if (st.prediction != null && ts >= st.prediction.eventTime + horizon) {
            if (!st.joined) {
                ctx.output(Tags.LEDGER, new Ledger(Ledger.Fate.PREDICTION_WITHOUT_TRUTH, 1));
            }
            st.tombstone = st.prediction.eventTime;
            st.prediction = null;
            ctx.timerService().registerEventTimeTimer(st.tombstone + 2 * horizon);
        }
        if (st.prediction == null && st.tombstone == Long.MIN_VALUE) {
            if (st.truth != null && ts >= st.truth.eventTime + lateness) {
                dead(
                        ctx,
                        st.truth,
                        Ledger.Fate.TRUTH_WITHOUT_PREDICTION,
                        "no prediction for this case arrived within the allowed lateness");
                st.truth = null;
            }
            if (st.reader != null && ts >= st.reader.eventTime + lateness) {
                dead(
                        ctx,
                        st.reader,
                        Ledger.Fate.READER_WITHOUT_PREDICTION,
                        "no prediction for this case arrived within the allowed lateness");
                st.reader = null;
            }
        }
        if (st.tombstone != Long.MIN_VALUE && ts >= st.tombstone + 2 * horizon) {
            state.clear();
            return;
        }
        if (st.prediction == null
                && st.truth == null
                && st.reader == null
                && st.tombstone == Long.MIN_VALUE) {
            state.clear();
            return;
        }
        state.update(st);
    }

    private void pastHorizon(Context ctx, Event t, long predictionTime) {
        dead(
                ctx,
                t,
                Ledger.Fate.TRUTH_PAST_HORIZON,
                "ground truth arrived "
                        + (t.eventTime - predictionTime) / 86_400_000L
                        + " days after the prediction, past the horizon of "
                        + horizon / 86_400_000L
                        + " days");
    }

    private static CaseRecord record(CaseRecord.Kind kind, Event p, long time, CaseState st) {
        CaseRecord r = new CaseRecord();
        r.kind = kind;
        r.caseId = p.caseId;
        r.time = time;
        r.predictionTime = p.eventTime;
        r.site = p.site;
        r.manufacturer = p.manufacturer;
        r.modelVersion = p.modelVersion;
        r.deviceVersion = p.deviceVersion;
        r.score = p.score;
        r.decision = p.decision;
        r.readerAgreed = st.readerAgreed;
        r.convolutionKernel = p.convolutionKernel;
        r.kvp = p.kvp;
        r.sliceThicknessMm = p.sliceThicknessMm;
        r.pixelSpacingMm = p.pixelSpacingMm;
        r.magneticFieldStrengthT = p.magneticFieldStrengthT;
        return r;
    }

    private static void dead(Context ctx, Event e, Ledger.Fate fate, String reason) {
        ctx.output(Tags.DEAD, new DeadLetter("join", e.caseId, reason, json(e)));
        ctx.output(Tags.LEDGER, new Ledger(fate, 1));
    }

    /** The event's identifying fields as JSON, for the dead letter. */
    static String json(Event e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", e.type.wire());
        n.put("case_id", e.caseId);
        n.put("event_time", Instant.ofEpochMilli(e.eventTime).toString());
        switch (e.type) {
            case PREDICTION -> {
                n.put("site", e.site);
                if (!Double.isNaN(e.score)) n.put("score", e.score);
                n.put("decision", e.decision);
            }
            case GROUND_TRUTH -> {
                n.put("label", e.label);
                n.put("source", e.source);
            }
            case READER_DECISION -> n.put("agreed", e.agreed);
        }
        return n.toString();
    }
}
