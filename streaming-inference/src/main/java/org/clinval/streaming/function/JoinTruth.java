package org.clinval.streaming.function;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.CaseResult;
import org.clinval.streaming.GroundTruth;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.Quarantined;
import org.clinval.validation.ThresholdRule;

/**
 * Joins each case's outcome with its ground truth, keyed by case id. Whichever arrives first waits
 * in state. At the end of the input (the final watermark fires every case's timer) a case still
 * missing its other half is quarantined: an image without ground truth, or ground truth without an
 * image. A case rejected before inference is quarantined here too, once, with its ground truth.
 * State is cleared as soon as a case is decided.
 */
public final class JoinTruth
        extends KeyedCoProcessFunction<String, Outcome, GroundTruth, CaseResult> {

    private static final long serialVersionUID = 1L;

    /** The stage of cases quarantined by the checks before the study. */
    public static final String CHECK = "check";

    private final double threshold;
    private final ThresholdRule rule;
    private final String modelSha256;
    private final String datasetSha256;

    private transient ValueState<Outcome> outcome;
    private transient ValueState<GroundTruth> truth;
    private transient ValueState<Boolean> decided;

    public JoinTruth(
            double threshold, ThresholdRule rule, String modelSha256, String datasetSha256) {
        this.threshold = threshold;
        this.rule = rule;
        this.modelSha256 = modelSha256;
        this.datasetSha256 = datasetSha256;
    }

    @Override
    public void open(OpenContext context) {
        outcome =
                getRuntimeContext().getState(new ValueStateDescriptor<>("outcome", Outcome.class));
        truth =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("truth", GroundTruth.class));
        decided =
                getRuntimeContext().getState(new ValueStateDescriptor<>("decided", Boolean.class));
    }

    @Override
    public void processElement1(Outcome o, Context ctx, Collector<CaseResult> out)
            throws Exception {
        if (Boolean.TRUE.equals(decided.value()) || outcome.value() != null) {
            ctx.output(
                    Tags.QUARANTINE,
                    new Quarantined(
                            o.caseId(), o.file(), "join", "duplicate case id in the manifest"));
            return;
        }
        GroundTruth t = truth.value();
        if (t == null) {
            outcome.update(o);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        decide(o, t, ctx, out);
    }

    @Override
    public void processElement2(GroundTruth t, Context ctx, Collector<CaseResult> out)
            throws Exception {
        if (Boolean.TRUE.equals(decided.value()) || truth.value() != null) {
            ctx.output(
                    Tags.QUARANTINE,
                    new Quarantined(
                            t.caseId(),
                            "ground truth",
                            "join",
                            "duplicate case id in the ground truth"));
            return;
        }
        Outcome o = outcome.value();
        if (o == null) {
            truth.update(t);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        decide(o, t, ctx, out);
    }

    private void decide(Outcome o, GroundTruth t, Context ctx, Collector<CaseResult> out)
            throws Exception {
        outcome.clear();
        truth.clear();
        decided.update(true);
        if (o.isRejected()) {
            ctx.output(
                    Tags.QUARANTINE,
                    new Quarantined(o.caseId(), o.file(), o.rejectedAt(), o.reason()));
            return;
        }
        int prediction = rule.isPositive(o.score(), threshold) ? 1 : 0;
        out.collect(
                new CaseResult(
                        o.caseId(),
                        t.site(),
                        t.manufacturer().isEmpty() ? o.manufacturer() : t.manufacturer(),
                        t.sex(),
                        t.ageBand(),
                        t.label(),
                        o.score(),
                        prediction,
                        modelSha256,
                        datasetSha256,
                        o.measures()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CaseResult> out)
            throws Exception {
        Outcome o = outcome.value();
        GroundTruth t = truth.value();
        if (o != null) {
            // The checks before the study already named everything wrong with the case.
            String reason =
                    !o.isRejected()
                            ? "image without ground truth"
                            : o.rejectedAt().equals(CHECK)
                                    ? o.reason()
                                    : o.reason() + "; and no ground truth for this case";
            ctx.output(
                    Tags.QUARANTINE,
                    new Quarantined(
                            o.caseId(),
                            o.file(),
                            o.isRejected() ? o.rejectedAt() : "join",
                            reason));
        } else if (t != null) {
            ctx.output(
                    Tags.QUARANTINE,
                    new Quarantined(
                            t.caseId(),
                            "ground truth",
                            "join",
                            "case without image: the manifest has no image for it"));
        }
        // The end of the input: nothing more can arrive for this case, so no state is kept.
        outcome.clear();
        truth.clear();
        decided.clear();
    }
}
