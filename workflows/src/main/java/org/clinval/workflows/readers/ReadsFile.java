package org.clinval.workflows.readers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinval.common.Problem;
import org.clinval.common.Quote;
import org.clinval.common.csv.CsvColumns;
import org.clinval.common.csv.CsvException;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;

/**
 * A reader study's reads file, a CSV with the header {@code reader,case,modality,score}, read with
 * the project's one {@link CsvReader} (UTF-8, comments, quoting, lines counted from the header's).
 * Reading never stops at a bad row: every row's problem is collected, naming the file, the line and
 * the column; only a fault of the file's shape (not UTF-8, a ragged row, no header) stops it, as
 * one problem with its line.
 *
 * @param file the file
 * @param reads the rows that could be read, in file order
 * @param problems every problem of the file
 */
public record ReadsFile(Path file, List<Read> reads, List<Problem> problems) {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("reader", "case", "modality", "score");

    public ReadsFile {
        reads = List.copyOf(reads);
        problems = List.copyOf(problems);
    }

    /** Returns whether the file has no problem. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * Reads {@code file}, whose modalities must be {@code unaided} or {@code aided}; a reader may
     * read a case once per modality.
     */
    public static ReadsFile read(Path file, String unaided, String aided) {
        List<Problem> problems = new ArrayList<>();
        String name = file.toString();
        CsvColumns c;
        try {
            c = CsvReader.builder().everyColumnAsText().build().read(file);
        } catch (CsvException e) {
            problems.add(new Problem("reader_study.reads", e.getMessage()));
            return new ReadsFile(file, List.of(), problems);
        }
        List<String> missing = COLUMNS.stream().filter(k -> !c.header().contains(k)).toList();
        List<String> extra = c.header().stream().filter(k -> !COLUMNS.contains(k)).toList();
        if (!missing.isEmpty()) {
            problems.add(
                    new Problem(
                            name + " line 1",
                            "no column "
                                    + Quote.list(missing, CsvReader.LISTED, 40)
                                    + "; the header must be reader,case,modality,score"));
        }
        if (!extra.isEmpty()) {
            problems.add(
                    new Problem(
                            name + " line 1",
                            "column "
                                    + Quote.list(extra, CsvReader.LISTED, 40)
                                    + " is not a column of a reads file (reader,case,modality,"
                                    + "score)"));
        }
        if (!missing.isEmpty()) {
            return new ReadsFile(file, List.of(), problems);
        }
        TextColumn reader = c.textWithEmpty("reader");
        TextColumn caseId = c.textWithEmpty("case");
        TextColumn modality = c.textWithEmpty("modality");
        TextColumn score = c.textWithEmpty("score");
        List<Read> reads = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (int row = 0; row < c.size(); row++) {
            boolean ok = true;
            for (TextColumn t : List.of(reader, caseId, modality)) {
                if (t.value(row).isEmpty()) {
                    problems.add(new Problem(c.where(row, t.name()), "empty value"));
                    ok = false;
                }
            }
            String m = modality.value(row);
            if (!m.isEmpty() && !m.equals(unaided) && !m.equals(aided)) {
                problems.add(
                        new Problem(
                                c.where(row, "modality"),
                                Quote.value(m)
                                        + " is neither the unaided modality "
                                        + Quote.value(unaided)
                                        + " nor the aided modality "
                                        + Quote.value(aided)
                                        + " of reader_study"));
                ok = false;
            }
            double v = number(c, row, score.value(row), problems);
            if (Double.isNaN(v)) {
                ok = false;
            }
            if (!ok) {
                continue;
            }
            String key = reader.value(row) + '\u0000' + caseId.value(row) + '\u0000' + m;
            Long first = seen.putIfAbsent(key, c.lineOf(row));
            if (first != null) {
                problems.add(
                        new Problem(
                                c.where(row, "case"),
                                "reader "
                                        + Quote.value(reader.value(row))
                                        + " already read case "
                                        + Quote.value(caseId.value(row))
                                        + " in modality "
                                        + Quote.value(m)
                                        + " on line "
                                        + first
                                        + "; each reader reads each case once per modality"));
                continue;
            }
            reads.add(new Read(reader.value(row), caseId.value(row), m, v, c.lineOf(row)));
        }
        return new ReadsFile(file, reads, problems);
    }

    /** Returns the score, or NaN after recording why it is not a finite number. */
    private static double number(CsvColumns c, int row, String text, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem(c.where(row, "score"), "empty value"));
            return Double.NaN;
        }
        if (!DECIMAL.matcher(text).matches()) {
            String t = text.replaceFirst("^[-+]", "").toLowerCase(java.util.Locale.ROOT);
            boolean infinite = t.equals("nan") || t.equals("inf") || t.equals("infinity");
            problems.add(
                    new Problem(
                            c.where(row, "score"),
                            (infinite ? "not a finite number: " : "not a number: ")
                                    + Quote.value(text)));
            return Double.NaN;
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            problems.add(
                    new Problem(
                            c.where(row, "score"), "not a finite number: " + Quote.value(text)));
            return Double.NaN;
        }
        return v;
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
}
