package org.clinval.streaming.explain;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Draws the cases to explain from {@code case-results.csv}: each case's kind from its label (the
 * positive class or not) and its prediction ({@code 1}/{@code 0}); per kind, the cases sorted by
 * pseudonym, shuffled by Fisher–Yates with {@code SplittableRandom(seed)}, and the first {@code
 * perKind} taken. The same results and seed give the same draw, whatever order the job wrote them.
 */
public final class CaseSelection {

    private CaseSelection() {}

    /**
     * A case of the results.
     *
     * @param caseId the pseudonym
     * @param label 1 when the reference is the positive class
     * @param score the score
     * @param prediction 1 when the prediction is positive
     */
    public record Row(String caseId, int label, double score, int prediction) {}

    /** Returns the drawn rows per kind, in {@code task}'s kind order. */
    public static Map<ExplanationTask.Kind, List<Row>> draw(
            Path caseResults, String positiveClass, ExplanationTask task) throws IOException {
        return draw(read(caseResults, positiveClass), task);
    }

    /** Returns the drawn rows per kind, in {@code task}'s kind order. */
    public static Map<ExplanationTask.Kind, List<Row>> draw(List<Row> rows, ExplanationTask task) {
        Map<ExplanationTask.Kind, List<Row>> out = new LinkedHashMap<>();
        for (ExplanationTask.Kind k : task.kinds()) {
            List<Row> of =
                    new ArrayList<>(
                            rows.stream()
                                    .filter(
                                            r ->
                                                    ExplanationTask.Kind.of(
                                                                    r.label() == 1,
                                                                    r.prediction() == 1)
                                                            == k)
                                    .sorted(Comparator.comparing(Row::caseId))
                                    .toList());
            // One stream per kind, so adding a kind never changes another kind's draw.
            SplittableRandom rng = new SplittableRandom(task.seed() + k.ordinal());
            for (int i = of.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Row t = of.get(i);
                of.set(i, of.get(j));
                of.set(j, t);
            }
            out.put(k, List.copyOf(of.subList(0, Math.min(task.perKind(), of.size()))));
        }
        return out;
    }

    /** Reads the label, score and prediction of every case of {@code caseResults}. */
    public static List<Row> read(Path caseResults, String positiveClass) throws IOException {
        CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Row> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(caseResults, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.parse(r, f)) {
            for (String col : List.of("case_id", "label", "score", "prediction")) {
                if (!p.getHeaderNames().contains(col)) {
                    throw new IOException(caseResults + ": no column " + col);
                }
            }
            for (CSVRecord rec : p) {
                String prediction = rec.get("prediction");
                if (!prediction.equals("1") && !prediction.equals("0")) {
                    throw new IOException(
                            caseResults
                                    + " line "
                                    + (rec.getRecordNumber() + 1)
                                    + ": prediction is not 1 or 0: "
                                    + prediction);
                }
                out.add(
                        new Row(
                                rec.get("case_id"),
                                rec.get("label").equals(positiveClass) ? 1 : 0,
                                Double.parseDouble(rec.get("score")),
                                Integer.parseInt(prediction)));
            }
        }
        return out;
    }
}
