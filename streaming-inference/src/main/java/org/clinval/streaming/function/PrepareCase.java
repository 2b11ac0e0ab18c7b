package org.clinval.streaming.function;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.PreparedCase;
import org.clinval.streaming.Preprocessor;
import org.clinval.streaming.RejectedInput;

/**
 * Applies the model's preprocessing; an image the model cannot take is rejected with the reason.
 */
public final class PrepareCase extends ProcessFunction<LoadedCase, PreparedCase> {

    private static final long serialVersionUID = 1L;

    private final Preprocessor preprocessor;

    public PrepareCase(Preprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    @Override
    public void processElement(LoadedCase in, Context ctx, Collector<PreparedCase> out) {
        float[] input;
        try {
            input = preprocessor.prepare(in);
        } catch (RejectedInput e) {
            ctx.output(
                    Tags.REJECTED,
                    Outcome.rejected(
                            in.caseId(),
                            in.file(),
                            in.manufacturer(),
                            "preprocess",
                            e.getMessage()));
            return;
        }
        out.collect(new PreparedCase(in.caseId(), in.file(), in.manufacturer(), input));
    }
}
