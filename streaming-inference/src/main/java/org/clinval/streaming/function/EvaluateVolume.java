package org.clinval.streaming.function;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.RejectedInput;
import org.clinval.streaming.VolumeEvaluatorFactory;

/**
 * Evaluates each case of a segmentation or detection study: one evaluator (one model) per parallel
 * subtask. A case that cannot be used is rejected with the evaluator's reason; a failure of the
 * model on one case quarantines that case, never the study.
 */
public final class EvaluateVolume extends ProcessFunction<CaseInput, Outcome> {

    private static final long serialVersionUID = 1L;

    private final VolumeEvaluatorFactory factory;
    private transient VolumeEvaluatorFactory.VolumeEvaluator evaluator;

    public EvaluateVolume(VolumeEvaluatorFactory factory) {
        this.factory = factory;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        evaluator = factory.open();
    }

    @Override
    public void processElement(CaseInput in, Context ctx, Collector<Outcome> out) {
        if (in.rejected()) {
            out.collect(Outcome.rejected(in.caseId(), in.fileId(), "", in.stage(), in.reason()));
            return;
        }
        VolumeEvaluatorFactory.Evaluation e;
        try {
            e = evaluator.evaluate(in);
        } catch (RejectedInput r) {
            out.collect(Outcome.rejected(in.caseId(), in.fileId(), "", "load", r.getMessage()));
            return;
        } catch (Exception | LinkageError x) {
            // The message may quote a path: the case is named by its pseudonym only.
            out.collect(
                    Outcome.rejected(
                            in.caseId(),
                            in.fileId(),
                            "",
                            "inference",
                            in.fileId() + ": model failed (" + x.getClass().getSimpleName() + ")"));
            return;
        }
        if (!Double.isFinite(e.score())) {
            out.collect(
                    Outcome.rejected(
                            in.caseId(),
                            in.fileId(),
                            e.manufacturer(),
                            "inference",
                            "model returned a non-finite score: " + e.score()));
            return;
        }
        for (String line : e.candidates()) {
            ctx.output(Tags.CANDIDATES, line);
        }
        out.collect(
                Outcome.measured(
                        in.caseId(), in.fileId(), e.manufacturer(), e.score(), e.measures()));
    }

    @Override
    public void close() throws Exception {
        if (evaluator != null) {
            evaluator.close();
        }
    }
}
