package org.clinval.workflows.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clinval.validation.detection.Candidate;
import org.clinval.validation.detection.Lesion;

/**
 * Reads the detection files of a run folder by header name: {@value #CANDIDATES} ({@code
 * case_id,x,y,z,score}, every candidate in patient mm) and {@value #LESIONS} ({@code
 * case_id,x,y,z,radius} in mm, or LUNA16's {@code seriesuid,coordX,coordY,coordZ,diameter_mm}).
 * Every case id must be one of the case results. Errors name the file, line and column.
 */
public final class DetectionCsv {

    /** The candidates' file name in a run folder. */
    public static final String CANDIDATES = "candidates.csv";

    /** The reference lesions' file name in a run folder. */
    public static final String LESIONS = "lesions.csv";

    private DetectionCsv() {}

    /** Reads the candidates of {@code file}; each case id must be in {@code cases}. */
    public static List<Candidate> candidates(Path file, Set<String> cases) throws IOException {
        ResultsCsv.Rows rows = open(file);
        ResultsCsv.require(file, rows, List.of("case_id", "x", "y", "z", "score"), "");
        List<Candidate> out = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            String id = caseId(rows, row, "case_id", cases);
            out.add(
                    new Candidate(
                            id,
                            number(rows, row, "x"),
                            number(rows, row, "y"),
                            number(rows, row, "z"),
                            number(rows, row, "score")));
        }
        return out;
    }

    /** Reads the reference lesions of {@code file}; each case id must be in {@code cases}. */
    public static List<Lesion> lesions(Path file, Set<String> cases) throws IOException {
        ResultsCsv.Rows rows = open(file);
        boolean luna = rows.has("seriesuid");
        List<String> columns =
                luna
                        ? List.of("seriesuid", "coordX", "coordY", "coordZ", "diameter_mm")
                        : List.of("case_id", "x", "y", "z", "radius");
        ResultsCsv.require(file, rows, columns, "");
        List<Lesion> out = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            String id = caseId(rows, row, columns.get(0), cases);
            double size = number(rows, row, columns.get(4));
            double radius = luna ? size / 2 : size;
            if (!(radius > 0)) {
                throw new IOException(
                        rows.where(row, columns.get(4))
                                + ": "
                                + size
                                + " is not a positive size in mm");
            }
            out.add(
                    new Lesion(
                            id,
                            number(rows, row, columns.get(1)),
                            number(rows, row, columns.get(2)),
                            number(rows, row, columns.get(3)),
                            radius));
        }
        return out;
    }

    private static ResultsCsv.Rows open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file + ": the detection run has no such file");
        }
        return ResultsCsv.read(file);
    }

    private static String caseId(ResultsCsv.Rows rows, int row, String column, Set<String> cases)
            throws IOException {
        String id = rows.get(row, column);
        if (id.isEmpty()) {
            throw new IOException(rows.where(row, column) + ": value is missing");
        }
        if (!cases.contains(id)) {
            throw new IOException(
                    rows.where(row, column) + ": case '" + id + "' is not one of the case results");
        }
        return id;
    }

    private static double number(ResultsCsv.Rows rows, int row, String column) throws IOException {
        String text = rows.get(row, column);
        if (text.isEmpty()) {
            throw new IOException(rows.where(row, column) + ": value is missing");
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException x) {
            // reported below
        }
        throw new IOException(rows.where(row, column) + ": '" + text + "' is not a finite number");
    }
}
