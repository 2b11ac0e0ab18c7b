package org.clinval.streaming.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.Problem;
import org.clinval.common.Quote;
import org.clinval.common.csv.Utf8Fault;

/**
 * The study's reference standard, a CSV file: {@code case_id} and {@code label} required; {@code
 * image}, {@code site}, {@code sex}, {@code age_band} and {@code manufacturer} optional. UTF-8 with
 * or without a byte-order mark, LF or CRLF line ends, RFC 4180 quoting. Other columns (a patient's
 * name, say) are never read, so they cannot reach an output.
 *
 * <p>Reading never stops at the first problem: every problem of the file is collected, each naming
 * the line and column. Problems of the file as a whole block a study; a case id on two rows does
 * not — that case is quarantined (see {@link CasePlan}).
 *
 * @param file the file
 * @param rows the rows that could be read
 * @param problems what is wrong with the file
 * @param negativeLabel the one label that is not the positive class
 * @param columns the optional columns present
 */
public record GroundTruthTable(
        Path file,
        List<GroundTruthRow> rows,
        List<Problem> problems,
        String negativeLabel,
        Set<String> columns) {

    /** The columns a study reads. */
    public static final List<String> KNOWN =
            List.of("case_id", "label", "image", "site", "sex", "age_band", "manufacturer");

    private static final int SHOWN = 10;

    public GroundTruthTable {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        columns = Set.copyOf(columns);
    }

    /** Returns whether the file can be used. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Reads {@code file}; the label {@code positiveClass} marks positive cases. */
    public static GroundTruthTable read(Path file, String positiveClass) {
        return read(file, positiveClass, Optional.empty());
    }

    /**
     * Reads {@code file}; with {@code grading}, instead of a {@code label} column the reference
     * rule's grade columns are required (grades by name or 0-based index), each row's reference
     * grade is formed by the rule, and its label is {@code 1} when the grade reaches the case-level
     * cut, else {@code 0}. A row without a reference grade (a majority tie with no adjudicated
     * grade, a blank or unknown grade) is kept with the reason, and its case quarantined.
     */
    public static GroundTruthTable read(
            Path file, String positiveClass, Optional<GradingTask> grading) {
        String name = file.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(name, "no such file"));
            return new GroundTruthTable(file, List.of(), problems, "", Set.of());
        }
        try (InputStream in = Files.newInputStream(file);
                BufferedReader r =
                        new BufferedReader(
                                new InputStreamReader(
                                        in,
                                        StandardCharsets.UTF_8
                                                .newDecoder()
                                                .onMalformedInput(CodingErrorAction.REPORT)
                                                .onUnmappableCharacter(
                                                        CodingErrorAction.REPORT)))) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset(); // no byte-order mark
            }
            CSVFormat format =
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .setIgnoreSurroundingSpaces(true)
                            .setAllowMissingColumnNames(true)
                            .setDuplicateHeaderMode(
                                    org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                            .get();
            try (CSVParser p = CSVParser.parse(r, format)) {
                return parse(file, p, positiveClass, problems, grading);
            }
        } catch (CharacterCodingException e) {
            problems.add(notUtf8(file, name));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                problems.add(notUtf8(file, name));
            } else {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                problems.add(new Problem(name, "cannot be read as CSV: " + Quote.value(why, 200)));
            }
        }
        return new GroundTruthTable(file, List.of(), problems, "", Set.of());
    }

    /** Where the file stops being UTF-8, found again on this error path only. */
    private static Problem notUtf8(Path file, String name) {
        String fix = ": save it as UTF-8 (CSV UTF-8)";
        try {
            Optional<Utf8Fault> f = Utf8Fault.find(file);
            if (f.isPresent()) {
                return new Problem(
                        name + " line " + f.get().line(),
                        "not UTF-8 text (" + f.get().what() + ")" + fix);
            }
        } catch (IOException e) {
            // the message without the place is still right
        }
        return new Problem(name, "is not UTF-8 text" + fix);
    }

    private static GroundTruthTable parse(
            Path file,
            CSVParser p,
            String positive,
            List<Problem> problems,
            Optional<GradingTask> grading) {
        String name = file.getFileName().toString();
        List<String> header = p.getHeaderNames();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            Integer before = index.putIfAbsent(h, i);
            if (before != null
                    && (KNOWN.contains(h)
                            || grading.map(g -> g.reference().columns().contains(h))
                                    .orElse(false))) {
                problems.add(
                        new Problem(
                                name + " line 1",
                                "column "
                                        + Quote.value(h)
                                        + " appears twice (columns "
                                        + (before + 1)
                                        + " and "
                                        + (i + 1)
                                        + ")"));
            }
        }
        List<String> requiredColumns = new ArrayList<>(List.of("case_id"));
        if (grading.isPresent()) {
            requiredColumns.addAll(grading.get().reference().columns());
        } else {
            requiredColumns.add("label");
        }
        for (String required : requiredColumns) {
            if (!index.containsKey(required)) {
                problems.add(
                        new Problem(
                                name + " line 1",
                                "no column '"
                                        + required
                                        + "'; the columns are: "
                                        + (header.isEmpty()
                                                ? "(none)"
                                                : String.join(
                                                        ", ",
                                                        header.stream()
                                                                .map(Quote::value)
                                                                .toList()))));
            }
        }
        if (!problems.isEmpty()) {
            return new GroundTruthTable(file, List.of(), problems, "", Set.of());
        }
        List<GroundTruthRow> rows = new ArrayList<>();
        Map<String, Long> negatives = new LinkedHashMap<>();
        boolean anyPositive = false;
        int shown = 0;
        long last = p.getCurrentLineNumber();
        for (CSVRecord rec : p) {
            // A record starts on the line after the one the previous record ended on.
            long line = last + 1;
            last = p.getCurrentLineNumber();
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue; // a blank line
            }
            String id = cell(rec, index, "case_id");
            int grade = -1;
            String gradeReason = "";
            String label;
            if (grading.isPresent()) {
                org.clinval.common.grading.GradeReference.Resolution res =
                        grading.get()
                                .reference()
                                .resolve(grading.get().scale(), c -> cell(rec, index, c));
                grade = res.grade().orElse(-1);
                gradeReason = res.reason();
                label = grade >= grading.get().minGrade() ? "1" : "0";
            } else {
                label = cell(rec, index, "label");
            }
            List<String> bad = new ArrayList<>();
            if (id.isEmpty()) bad.add("column 'case_id' is empty");
            if (label.isEmpty()) bad.add("column 'label' is empty");
            if (!rec.isConsistent()) {
                bad.add("has " + rec.size() + " fields, the header " + header.size());
            }
            if (!bad.isEmpty()) {
                if (shown++ < SHOWN) {
                    problems.add(new Problem(name + " line " + line, String.join("; ", bad)));
                }
                continue;
            }
            if (grading.isPresent()) {
                anyPositive = true; // a graded reference may lack a grade above the cut
            } else if (label.equals(positive)) {
                anyPositive = true;
            } else {
                negatives.putIfAbsent(label, line);
            }
            rows.add(
                    new GroundTruthRow(
                            line,
                            id,
                            cell(rec, index, "image"),
                            label,
                            cell(rec, index, "site"),
                            cell(rec, index, "sex"),
                            cell(rec, index, "age_band"),
                            cell(rec, index, "manufacturer"),
                            grade,
                            gradeReason));
        }
        if (shown > SHOWN) {
            problems.add(new Problem(name, (shown - SHOWN) + " more rows with the same problems"));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(name, "has a header but no rows"));
        }
        if (negatives.size() > 1) {
            StringBuilder s = new StringBuilder();
            negatives.forEach(
                    (l, at) ->
                            s.append(s.length() == 0 ? "" : ", ")
                                    .append(Quote.value(l))
                                    .append(" (first on line ")
                                    .append(at)
                                    .append(')'));
            problems.add(
                    new Problem(
                            name + ", column 'label'",
                            "with the positive class "
                                    + Quote.value(positive)
                                    + " every other case must share one label, but there are "
                                    + negatives.size()
                                    + ": "
                                    + s));
        }
        if (!rows.isEmpty() && problems.isEmpty() && !anyPositive) {
            problems.add(
                    new Problem(
                            name + ", column 'label'",
                            "no case has the positive class "
                                    + Quote.value(positive)
                                    + " (operating_point.positive_class); the labels are "
                                    + String.join(
                                            ", ",
                                            negatives.keySet().stream()
                                                    .map(Quote::value)
                                                    .toList())));
        }
        Set<String> columns = new java.util.TreeSet<>(index.keySet());
        columns.retainAll(KNOWN);
        return new GroundTruthTable(
                file,
                rows,
                problems,
                negatives.isEmpty() ? "0" : negatives.keySet().iterator().next(),
                columns);
    }

    private static String cell(CSVRecord rec, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= rec.size() ? "" : rec.get(i).strip();
    }
}
