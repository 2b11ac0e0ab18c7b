package org.clinval.streaming.explain;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Explains each drawn case with one {@link CaseExplainer} per parallel subtask (model opened in
 * {@link #open}); a case that cannot be explained goes to {@link #FAILED} with its reason.
 */
public final class ExplainCase extends ProcessFunction<SelectedCase, ExplainedCase> {

    private static final long serialVersionUID = 1L;

    /** Cases without a map, each with its problem. */
    public static final OutputTag<ExplainedCase> FAILED =
            new OutputTag<>(
                    "explanation failed",
                    org.apache.flink.api.common.typeinfo.TypeInformation.of(ExplainedCase.class));

    private final CaseExplainer explainer;

    public ExplainCase(CaseExplainer explainer) {
        this.explainer = explainer;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        explainer.open();
    }

    @Override
    public void processElement(SelectedCase in, Context ctx, Collector<ExplainedCase> out) {
        ExplainedCase e = explainer.explain(in);
        if (e.problem().isEmpty()) {
            out.collect(e);
        } else {
            ctx.output(FAILED, e);
        }
    }

    @Override
    public void close() {
        explainer.close();
    }
}
