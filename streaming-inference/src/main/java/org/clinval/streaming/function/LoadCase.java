package org.clinval.streaming.function;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.CaseLoader;
import org.clinval.streaming.LoadedCase;
import org.clinval.streaming.Outcome;
import org.clinval.streaming.RejectedInput;

/** Reads each case's image; an unusable file is rejected with the loader's reason. */
public final class LoadCase extends ProcessFunction<CaseInput, LoadedCase> {

    private static final long serialVersionUID = 1L;

    private final CaseLoader loader;

    public LoadCase(CaseLoader loader) {
        this.loader = loader;
    }

    @Override
    public void processElement(CaseInput in, Context ctx, Collector<LoadedCase> out) {
        if (in.rejected()) {
            ctx.output(
                    Tags.REJECTED,
                    Outcome.rejected(in.caseId(), in.fileId(), "", in.stage(), in.reason()));
            return;
        }
        LoadedCase loaded;
        try {
            loaded = loader.load(in);
        } catch (RejectedInput e) {
            ctx.output(
                    Tags.REJECTED,
                    Outcome.rejected(in.caseId(), in.fileId(), "", "load", e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // A reader bug on one file must not fail the study: the file is quarantined, named by
            // its pseudonym (the exception's text may quote the file's path, so it is left out).
            ctx.output(
                    Tags.REJECTED,
                    Outcome.rejected(
                            in.caseId(),
                            in.fileId(),
                            "",
                            "load",
                            in.fileId() + ": unreadable (" + e.getClass().getSimpleName() + ")"));
            return;
        }
        // Outside the try: a failure downstream (chained operators run inside collect) is the
        // task's failure, for Flink to restart from the checkpoint, not this file's.
        out.collect(loaded);
    }
}
