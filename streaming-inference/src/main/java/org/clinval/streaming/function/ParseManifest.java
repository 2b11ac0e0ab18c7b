package org.clinval.streaming.function;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.clinval.common.Quote;
import org.clinval.streaming.CaseInput;
import org.clinval.streaming.Quarantined;

/**
 * Parses lines of the job's case manifest ({@value #HEADER}, RFC 4180, so a path may hold a comma
 * or a quote); the header line is skipped and a malformed line goes to quarantine.
 */
public final class ParseManifest extends ProcessFunction<String, CaseInput> {

    private static final long serialVersionUID = 1L;

    /** The manifest's header line. */
    public static final String HEADER = "case_id,file_id,file,sha256,stage,reason";

    /** The manifest's columns. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The format of the manifest. */
    public static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    @Override
    public void processElement(String line, Context ctx, Collector<CaseInput> out) {
        if (line.isBlank() || line.equals(HEADER)) {
            return;
        }
        CSVRecord r;
        try (CSVParser p = CSVParser.parse(new StringReader(line), FORMAT)) {
            List<CSVRecord> records = p.getRecords();
            r = records.size() == 1 ? records.get(0) : null;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            r = null;
        }
        if (r == null || r.size() != COLUMNS.size() || r.get(0).isBlank()) {
            String id = r != null && r.size() > 0 && !r.get(0).isBlank() ? r.get(0) : "(unknown)";
            ctx.output(
                    Tags.QUARANTINE,
                    new Quarantined(
                            id,
                            "manifest",
                            "manifest",
                            "manifest line is not '" + HEADER + "': " + Quote.value(line)));
            return;
        }
        out.collect(new CaseInput(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)));
    }
}
