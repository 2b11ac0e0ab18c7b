package org.clinval.workflows.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The run's {@code explanations.csv}, written by the explanations step after inference: one row per
 * drawn case with {@link #COLUMNS}. Errors name the file, line and column.
 */
public final class ExplanationsCsv {

    /** The file's name in the run folder. */
    public static final String FILE = "explanations.csv";

    /** The run folder's sub-folder of maps. */
    public static final String FOLDER = "explanations";

    /** The columns read. */
    public static final List<String> COLUMNS =
            List.of(
                    "case_id",
                    "kind",
                    "method",
                    "target",
                    "pointing_hit",
                    "energy_in_mask",
                    "lesion_pixels",
                    "label",
                    "score",
                    "prediction",
                    "parameters",
                    "folder",
                    "problem");

    private ExplanationsCsv() {}

    /** Reads {@code file}. */
    public static List<ExplanationRow> read(Path file) throws IOException {
        ResultsCsv.Rows rows = ResultsCsv.read(file);
        ResultsCsv.require(file, rows, COLUMNS, "of explanations");
        List<ExplanationRow> out = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            String where = rows.where(row, "");
            String hit = rows.get(row, "pointing_hit");
            if (!hit.isEmpty() && !hit.equals("1") && !hit.equals("0")) {
                throw new IOException(where + "pointing_hit: not 1, 0 or empty: " + hit);
            }
            String energy = rows.get(row, "energy_in_mask");
            OptionalDouble e = OptionalDouble.empty();
            if (!energy.isEmpty()) {
                double v = number(where + "energy_in_mask", energy);
                if (!(v >= 0 && v <= 1)) {
                    throw new IOException(where + "energy_in_mask: not in [0, 1]: " + energy);
                }
                e = OptionalDouble.of(v);
            }
            out.add(
                    new ExplanationRow(
                            rows.get(row, "case_id"),
                            rows.get(row, "kind"),
                            rows.get(row, "method"),
                            rows.get(row, "target"),
                            hit.isEmpty() ? Optional.empty() : Optional.of(hit.equals("1")),
                            e,
                            (long) number(where + "lesion_pixels", rows.get(row, "lesion_pixels")),
                            (int) number(where + "label", rows.get(row, "label")),
                            number(where + "score", rows.get(row, "score")),
                            (int) number(where + "prediction", rows.get(row, "prediction")),
                            rows.get(row, "parameters"),
                            rows.get(row, "folder"),
                            rows.get(row, "problem")));
        }
        return out;
    }

    private static double number(String where, String text) throws IOException {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IOException(where + ": not a number: '" + text + "'", e);
        }
    }
}
