package org.clinval.workflows.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.clinval.common.csv.CsvColumns;
import org.clinval.common.csv.CsvException;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;

/**
 * The run folder's copy of a reader study's reads file, which the analysis reads. Cases are named
 * as in every other output of the run: when the case key beside the run folder gives a case a
 * pseudonym other than its ground-truth {@code case_id} (a ground truth without an {@code image}
 * column names folders, which may be a patient's), the copy names it by the pseudonym, row for row;
 * otherwise the copy is the file byte for byte. The original's SHA-256 is registered and locked
 * with the other inputs, the copy's too.
 */
public final class ReadsCopy {

    /** The copy's name in the run folder. */
    public static final String FILE = "reader-reads.csv";

    private ReadsCopy() {}

    /** Writes the copy of {@code reads} as {@code copy}, renaming cases by {@code caseKey}. */
    public static void write(Path reads, Path copy, Path caseKey) throws IOException {
        Map<String, String> rename = renames(caseKey);
        if (rename.isEmpty()) {
            Files.copy(reads, copy, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        CsvColumns c;
        try {
            c = CsvReader.builder().everyColumnAsText().build().read(reads);
        } catch (CsvException e) {
            throw new IOException(e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder(String.join(",", ReadsFile.COLUMNS)).append('\n');
        TextColumn reader = c.textWithEmpty("reader");
        TextColumn caseId = c.textWithEmpty("case");
        TextColumn modality = c.textWithEmpty("modality");
        TextColumn score = c.textWithEmpty("score");
        for (int row = 0; row < c.size(); row++) {
            String id = caseId.value(row);
            out.append(field(reader.value(row)))
                    .append(',')
                    .append(field(rename.getOrDefault(id, id)))
                    .append(',')
                    .append(field(modality.value(row)))
                    .append(',')
                    .append(field(score.value(row)))
                    .append('\n');
        }
        Files.writeString(copy, out, StandardCharsets.UTF_8);
    }

    /** Ground-truth case ids to the run's case ids, only where they differ. */
    private static Map<String, String> renames(Path caseKey) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.exists(caseKey)) {
            return out;
        }
        CsvColumns c;
        try {
            c = CsvReader.builder().everyColumnAsText().build().read(caseKey);
        } catch (CsvException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!c.header().contains("case_id") || !c.header().contains("ground_truth_case_id")) {
            return out;
        }
        TextColumn id = c.textWithEmpty("case_id");
        TextColumn gt = c.textWithEmpty("ground_truth_case_id");
        for (int row = 0; row < c.size(); row++) {
            String g = gt.value(row);
            if (!g.isEmpty() && !id.value(row).isEmpty() && !g.equals(id.value(row))) {
                out.putIfAbsent(g, id.value(row));
            }
        }
        return out;
    }

    private static String field(String v) {
        if (v.indexOf(',') < 0
                && v.indexOf('"') < 0
                && v.indexOf('\n') < 0
                && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
