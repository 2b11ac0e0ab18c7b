package org.clinval.streaming.study;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Completes a grading study's {@code case-results.csv} after the job: inserts {@code truth_grade}
 * (the reference grade by the protocol's rule, by name) before the job's {@code predicted_grade},
 * and sets {@code prediction} to the model's grade at the case-level cut ({@code predicted_grade >=
 * min grade}), as the label is the reference grade at the same cut.
 */
final class GradingResultsCsv {

    private GradingResultsCsv() {}

    static void regrade(Path file, CasePlan plan, GradingTask g) throws IOException {
        Map<String, Integer> truth = new HashMap<>();
        for (PlannedCase c : plan.cases()) {
            c.truth().filter(t -> t.grade() >= 0).ifPresent(t -> truth.put(c.caseId(), t.grade()));
        }
        CSVFormat in = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(reader, in)) {
            header = new ArrayList<>(p.getHeaderNames());
            int at = header.indexOf("predicted_grade");
            int prediction = header.indexOf("prediction");
            if (at < 0 || prediction < 0) {
                throw new IOException(file + ": the job wrote no predicted_grade column");
            }
            for (CSVRecord rec : p) {
                List<String> row = new ArrayList<>(rec.toList());
                String id = rec.get("case_id");
                Integer t = truth.get(id);
                if (t == null) {
                    throw new IOException(file + ": case " + id + " has no reference grade");
                }
                OptionalInt predicted = g.scale().parse(rec.get("predicted_grade"));
                if (predicted.isEmpty()) {
                    throw new IOException(
                            file
                                    + ": case "
                                    + id
                                    + ": predicted grade '"
                                    + rec.get("predicted_grade")
                                    + "' is not on the scale");
                }
                row.set(prediction, predicted.getAsInt() >= g.minGrade() ? "1" : "0");
                row.add(at, g.scale().name(t));
                rows.add(row);
            }
            header.add(at, "truth_grade");
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "case-results", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter out =
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(header.toArray(String[]::new))
                                .setRecordSeparator('\n')
                                .get()
                                .print(w)) {
            for (List<String> row : rows) out.printRecord(row);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
