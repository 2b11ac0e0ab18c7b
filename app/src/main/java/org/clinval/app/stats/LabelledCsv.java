package org.clinval.app.stats;

import java.nio.file.Path;
import org.clinval.app.io.CsvTable;
import org.clinval.common.csv.CsvReader;
import picocli.CommandLine.Option;

/** Options shared by commands that read binary reference labels from a CSV file. */
public final class LabelledCsv {

    @Option(
            names = "--csv",
            required = true,
            paramLabel = "FILE",
            description = "CSV file with a header row.")
    Path csv;

    @Option(
            names = "--label",
            required = true,
            paramLabel = "COL",
            description = "Column of reference labels.")
    String label;

    @Option(
            names = "--positive",
            paramLabel = "VALUE",
            description = "Label value of the positive class (default: labels are 0/1).")
    String positive;

    private CsvTable table;

    /**
     * Reads the label column and the number columns {@code numbers} (null ones are skipped) in one
     * pass; the other columns are not kept.
     */
    public CsvTable read(String... numbers) {
        CsvReader.Builder columns = CsvReader.builder().text(label);
        for (String c : numbers) {
            if (c != null) columns.number(c);
        }
        table = CsvTable.read(csv, columns.build());
        return table;
    }

    /** Returns the table {@link #read} read. */
    public CsvTable table() {
        if (table == null) throw new IllegalStateException("the CSV file is not read yet");
        return table;
    }

    /** Returns the labels, positive = true. */
    public boolean[] labels() {
        return table().labels(label, positive);
    }

    /** Returns the positive label as recorded in output. */
    public String positiveLabel() {
        return positive == null ? "1" : positive;
    }
}
