package org.clinval.workflows.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.common.TaskColumns;
import org.clinval.common.grading.GradeReference;
import org.clinval.common.grading.GradeScale;

/**
 * Reads the grading columns of {@code case-results.csv} ({@code truth_grade}, {@code
 * predicted_grade}, {@code p_<grade>}) and the graders' columns of the reference standard. Grades
 * are names or 0-based indices. Errors name the file, line and column.
 */
public final class GradingCsv {

    private GradingCsv() {}

    /** Returns the grading columns of {@code file}, one per row in file order. */
    public static List<GradedCase> cases(Path file, GradeScale scale) throws IOException {
        ResultsCsv.Rows rows = ResultsCsv.read(file);
        ResultsCsv.require(file, rows, TaskColumns.grading(scale.grades()), "of a grading study");
        List<GradedCase> out = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            int truth = grade(rows, row, "truth_grade", scale);
            int predicted = grade(rows, row, "predicted_grade", scale);
            double[] p = new double[scale.size()];
            boolean none = true;
            for (int g = 0; g < p.length; g++) {
                none &= rows.get(row, scale.probabilityColumn(g)).isEmpty();
            }
            if (none) {
                // An expected-grade model gives a grade without class probabilities.
                out.add(new GradedCase(rows.get(row, "case_id"), truth, predicted, new double[0]));
                continue;
            }
            for (int g = 0; g < p.length; g++) {
                String c = scale.probabilityColumn(g);
                String text = rows.get(row, c);
                try {
                    p[g] = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IOException(rows.where(row, c) + ": '" + text + "' is not a number");
                }
                if (!(p[g] >= 0 && p[g] <= 1)) {
                    throw new IOException(
                            rows.where(row, c) + ": '" + text + "' is not a probability in [0, 1]");
                }
            }
            out.add(new GradedCase(rows.get(row, "case_id"), truth, predicted, p));
        }
        return out;
    }

    /**
     * Returns each row's graders' grades from the reference standard {@code file}: -1 where a
     * grader left the cell blank; none when the file is not at hand (a run folder opened without
     * its dataset), so the inter-grader agreement is then not computed. A grader column that is
     * missing, or a value that is not a grade, is an error naming the file, line and column.
     */
    public static List<int[]> graders(Path file, GradeReference reference, GradeScale scale)
            throws IOException {
        List<int[]> out = new ArrayList<>();
        List<String> graders = reference.graders();
        if (graders.isEmpty() || !Files.isRegularFile(file)) {
            return out;
        }
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .setAllowMissingColumnNames(true)
                        .get();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (CSVParser csv = CSVParser.parse(text, format)) {
            for (String g : graders) {
                if (!csv.getHeaderMap().containsKey(g)) {
                    throw new IOException(
                            file
                                    + ": has no column '"
                                    + g
                                    + "' naming a grader of grading.reference.graders (columns: "
                                    + csv.getHeaderNames()
                                    + ")");
                }
            }
            for (CSVRecord rec : csv) {
                if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
                int[] row = new int[graders.size()];
                for (int j = 0; j < row.length; j++) {
                    String v = rec.isSet(graders.get(j)) ? rec.get(graders.get(j)).strip() : "";
                    if (v.isEmpty()) {
                        row[j] = -1;
                        continue;
                    }
                    OptionalInt g = scale.parse(v);
                    if (g.isEmpty()) {
                        throw new IOException(
                                where(file, rec, graders.get(j))
                                        + ": '"
                                        + v
                                        + "' is not a grade, "
                                        + scale.describe());
                    }
                    row[j] = g.getAsInt();
                }
                out.add(row);
            }
        }
        return out;
    }

    private static int grade(ResultsCsv.Rows rows, int row, String column, GradeScale scale)
            throws IOException {
        String text = rows.get(row, column);
        OptionalInt g = scale.parse(text);
        if (g.isEmpty()) {
            throw new IOException(
                    rows.where(row, column)
                            + ": '"
                            + text
                            + "' is not a grade, "
                            + scale.describe());
        }
        return g.getAsInt();
    }

    /** The reference standard is the user's file, read by the rules of its own reader. */
    private static String where(Path file, CSVRecord rec, String column) {
        return file + ", line " + rec.getParser().getCurrentLineNumber() + ", column " + column;
    }
}
