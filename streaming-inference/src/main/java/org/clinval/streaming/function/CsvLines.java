package org.clinval.streaming.function;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.flink.api.common.serialization.Encoder;
import org.clinval.streaming.CaseResult;
import org.clinval.streaming.Quarantined;
import org.clinval.streaming.SiteCounts;

/** CSV encodings of the job's outputs, one record a line; fields quoted when they need it. */
public final class CsvLines {

    private CsvLines() {}

    /** Encodes {@link CaseResult}s in the column order of {@link CaseResult#HEADER}. */
    public static Encoder<CaseResult> results() {
        return (r, out) -> {
            java.util.List<String> f = new java.util.ArrayList<>(10 + r.measures().size());
            f.addAll(
                    java.util.List.of(
                            r.caseId(),
                            r.site(),
                            r.manufacturer(),
                            r.sex(),
                            r.ageBand(),
                            Integer.toString(r.label()),
                            score(r.score()),
                            Integer.toString(r.prediction())));
            f.addAll(r.measures());
            f.add(r.modelSha256());
            f.add(r.datasetSha256());
            write(out, f.toArray(String[]::new));
        };
    }

    /** Encodes lines already formatted (the detection candidates). */
    public static Encoder<String> text() {
        return (line, out) -> out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Encodes {@link Quarantined} records. */
    public static Encoder<Quarantined> quarantine() {
        return (q, out) -> write(out, q.caseId(), q.input(), q.stage(), q.reason());
    }

    /** Encodes {@link SiteCounts}. */
    public static Encoder<SiteCounts> siteCounts() {
        return (c, out) ->
                write(
                        out,
                        c.site(),
                        Long.toString(c.n()),
                        Long.toString(c.tp()),
                        Long.toString(c.fp()),
                        Long.toString(c.tn()),
                        Long.toString(c.fn()));
    }

    /** Formats a score so that it reads back to the same double. */
    public static String score(double score) {
        return Double.toString(score).toLowerCase(Locale.ROOT);
    }

    /** Returns one CSV line of {@code fields}, without the line end. */
    public static String line(String... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) b.append(',');
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0
                    || f.indexOf('"') >= 0
                    || f.indexOf('\n') >= 0
                    || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.toString();
    }

    private static void write(OutputStream out, String... fields) throws IOException {
        out.write((line(fields) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
