package org.clinval.streaming.function;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.Quarantined;

/**
 * Parses lines of the locked manifest ({@code case_id,file,sha256}); the header line is skipped and
 * a malformed line goes to quarantine with its text.
 */
public final class ParseManifest extends ProcessFunction<String, CaseInput> {

    private static final long serialVersionUID = 1L;

    /** The manifest's header line. */
    public static final String HEADER = "case_id,file,sha256";

    @Override
    public void processElement(String line, Context ctx, Collector<CaseInput> out) {
        if (line.isBlank() || line.equals(HEADER)) {
            return;
        }
        String[] f = line.split(",", -1);
        if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || !f[2].matches("[0-9a-f]{64}")) {
            ctx.output(
                    Tags.QUARANTINE,
                    new Quarantined(
                            f[0].isBlank() ? line : f[0],
                            line,
                            "manifest",
                            "manifest line is not 'case_id,file,sha256': " + line));
            return;
        }
        out.collect(new CaseInput(f[0], f[1], f[2]));
    }
}
