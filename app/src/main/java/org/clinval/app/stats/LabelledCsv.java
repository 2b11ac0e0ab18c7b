package org.clinval.app.stats;

import java.nio.file.Path;
import org.clinval.app.io.CsvTable;
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

    /** Returns the table, read once. */
    public CsvTable table() {
        if (table == null) {
            table = CsvTable.read(csv);
        }
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
