package org.clinval.app.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.streaming.GroundTruth;

/**
 * The study's reference standard: a CSV with {@code case_id} and {@code label}, and optionally
 * {@code site}, {@code sex} and {@code age_band} for subgroups. Other columns (a patient ID, say)
 * are not read, so they cannot reach an output. A row the study cannot use stops the study with a
 * message naming the file, line and column: the reference standard is not a place to guess.
 *
 * @param rows the cases, label 1 for the positive class
 * @param negativeLabel the one label that is not the positive class
 */
record GroundTruthCsv(List<GroundTruth> rows, String negativeLabel) {

    static GroundTruthCsv read(Path file, String positiveClass) throws IOException {
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .get();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(r, format)) {
            List<String> header = p.getHeaderNames();
            for (String required : List.of("case_id", "label")) {
                if (!header.contains(required)) {
                    throw new IOException(
                            file
                                    + ": no column '"
                                    + required
                                    + "'; the columns are: "
                                    + String.join(", ", header));
                }
            }
            List<GroundTruth> rows = new ArrayList<>();
            Set<String> negatives = new LinkedHashSet<>();
            for (CSVRecord rec : p) {
                long line = p.getCurrentLineNumber();
                String id = rec.get("case_id");
                String label = rec.get("label");
                if (id.isEmpty()) {
                    throw new IOException(file + " line " + line + ", column 'case_id': empty");
                }
                if (label.isEmpty()) {
                    throw new IOException(file + " line " + line + ", column 'label': empty");
                }
                boolean positive = label.equals(positiveClass);
                if (!positive) negatives.add(label);
                rows.add(
                        new GroundTruth(
                                id,
                                optional(rec, "site"),
                                optional(rec, "sex"),
                                optional(rec, "age_band"),
                                positive ? 1 : 0));
            }
            if (negatives.size() > 1) {
                throw new IOException(
                        file
                                + ", column 'label': with positive class '"
                                + positiveClass
                                + "' the other cases must share one label, but there are "
                                + negatives.size()
                                + ": "
                                + String.join(", ", negatives));
            }
            return new GroundTruthCsv(
                    rows, negatives.isEmpty() ? "0" : negatives.iterator().next());
        }
    }

    private static String optional(CSVRecord rec, String column) {
        return rec.isMapped(column) ? rec.get(column) : "";
    }
}
