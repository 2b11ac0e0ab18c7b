package org.clinval.workflows.analysis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code case-results.csv}: one row per case with the columns {@link #COLUMNS}; {@code prediction}
 * is {@code 1} or {@code 0}. Errors name the file, line and column.
 */
public final class CaseResultsCsv {

    /** The columns, in order. */
    public static final List<String> COLUMNS =
            List.of(
                    "case_id",
                    "site",
                    "manufacturer",
                    "sex",
                    "age_band",
                    "label",
                    "score",
                    "prediction");

    private CaseResultsCsv() {}

    /**
     * Writes {@code results} to {@code file}. Scores are written so that they read back exactly.
     */
    public static void write(Path file, List<CaseResult> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out =
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader(COLUMNS.toArray(String[]::new))
                                .setRecordSeparator('\n')
                                .get()
                                .print(w)) {
            for (CaseResult r : results) {
                out.printRecord(
                        r.caseId(),
                        r.site(),
                        r.manufacturer(),
                        r.sex(),
                        r.ageBand(),
                        r.label(),
                        Double.toString(r.score()),
                        r.prediction() ? "1" : "0");
            }
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException if a column is missing, a value malformed or a case repeated, naming the
     *     file, line and column
     */
    public static List<CaseResult> read(Path file) throws IOException {
        ResultsCsv.Rows rows = ResultsCsv.read(file);
        ResultsCsv.require(file, rows, COLUMNS, "");
        List<CaseResult> out = new ArrayList<>(rows.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            CaseResult c = row(rows, i);
            if (!ids.add(c.caseId())) {
                throw new IOException(
                        rows.where(i, "case_id") + ": case '" + c.caseId() + "' is repeated");
            }
            out.add(c);
        }
        return out;
    }

    private static CaseResult row(ResultsCsv.Rows rows, int row) throws IOException {
        String[] v = new String[COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            String c = COLUMNS.get(i);
            v[i] = rows.get(row, c);
            if (v[i].isEmpty()) {
                throw new IOException(rows.where(row, c) + ": value is missing");
            }
        }
        double score;
        try {
            score = Double.parseDouble(v[6]);
        } catch (NumberFormatException e) {
            throw new IOException(rows.where(row, "score") + ": '" + v[6] + "' is not a number");
        }
        if (!Double.isFinite(score)) {
            throw new IOException(rows.where(row, "score") + ": '" + v[6] + "' is not finite");
        }
        boolean prediction =
                switch (v[7].toLowerCase(Locale.ROOT)) {
                    case "1", "true" -> true;
                    case "0", "false" -> false;
                    default ->
                            throw new IOException(
                                    rows.where(row, "prediction")
                                            + ": '"
                                            + v[7]
                                            + "' is not 0 or 1");
                };
        return new CaseResult(v[0], v[1], v[2], v[3], v[4], v[5], score, prediction);
    }
}
