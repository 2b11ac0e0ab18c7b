package org.clinval.workflows.readers;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clinval.common.csv.CsvColumns;
import org.clinval.common.csv.CsvException;
import org.clinval.common.csv.CsvReader;
import org.clinval.common.csv.TextColumn;

/**
 * The truth of each case of a study's ground truth, as the reads of a reader study are checked
 * against it: {@code case_id} to whether its {@code label} is the positive class. The ground
 * truth's own problems are the input check's to report; a file that cannot be read gives no truth
 * here.
 */
final class GroundTruthLabels {

    private GroundTruthLabels() {}

    /** Returns each case id (its first row) with whether it is positive; empty if unreadable. */
    static Optional<Map<String, Boolean>> read(Path file, String positiveClass) {
        CsvColumns c;
        try {
            c = CsvReader.builder().text("case_id").text("label").build().read(file);
        } catch (CsvException e) {
            return Optional.empty();
        }
        TextColumn ids = c.textWithEmpty("case_id");
        TextColumn labels = c.textWithEmpty("label");
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int row = 0; row < c.size(); row++) {
            if (!ids.value(row).isEmpty() && !labels.value(row).isEmpty()) {
                out.putIfAbsent(ids.value(row), labels.value(row).equals(positiveClass));
            }
        }
        return Optional.of(out);
    }
}
