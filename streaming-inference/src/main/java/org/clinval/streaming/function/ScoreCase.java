package org.clinval.streaming.function;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.PreparedCase;
import org.clinval.streaming.ScorerFactory;

/**
 * Runs the model: one scorer per parallel subtask, opened once in {@link #open} and closed with the
 * subtask. A non-finite score is an inference failure, never a result.
 */
public final class ScoreCase extends ProcessFunction<PreparedCase, Outcome> {

    private static final long serialVersionUID = 1L;

    private final ScorerFactory factory;
    private transient ScorerFactory.Scorer scorer;

    public ScoreCase(ScorerFactory factory) {
        this.factory = factory;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        scorer = factory.open();
    }

    @Override
    public void processElement(PreparedCase in, Context ctx, Collector<Outcome> out) {
        double score;
        try {
            score = scorer.score(in.input());
        } catch (Exception e) {
            out.collect(
                    Outcome.rejected(
                            in.caseId(),
                            in.file(),
                            in.manufacturer(),
                            "inference",
                            "model failed: " + e.getMessage()));
            return;
        }
        if (!Double.isFinite(score)) {
            out.collect(
                    Outcome.rejected(
                            in.caseId(),
                            in.file(),
                            in.manufacturer(),
                            "inference",
                            "model returned a non-finite score: " + score));
            return;
        }
        out.collect(Outcome.scored(in.caseId(), in.file(), in.manufacturer(), score));
    }

    @Override
    public void close() throws Exception {
        if (scorer != null) {
            scorer.close();
        }
    }
}
