package org.clinval.workflows.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
        List<ExplanationRow> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = ResultsCsv.parse(r)) {
            ResultsCsv.require(file, csv, COLUMNS, "of explanations");
            for (CSVRecord rec : csv) {
                String where = file + " line " + (rec.getRecordNumber() + 1) + " column ";
                String hit = rec.get("pointing_hit");
                if (!hit.isEmpty() && !hit.equals("1") && !hit.equals("0")) {
                    throw new IOException(where + "pointing_hit: not 1, 0 or empty: " + hit);
                }
                String energy = rec.get("energy_in_mask");
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
                                rec.get("case_id"),
                                rec.get("kind"),
                                rec.get("method"),
                                rec.get("target"),
                                hit.isEmpty() ? Optional.empty() : Optional.of(hit.equals("1")),
                                e,
                                (long) number(where + "lesion_pixels", rec.get("lesion_pixels")),
                                (int) number(where + "label", rec.get("label")),
                                number(where + "score", rec.get("score")),
                                (int) number(where + "prediction", rec.get("prediction")),
                                rec.get("parameters"),
                                rec.get("folder"),
                                rec.get("problem")));
            }
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
