package org.clinval.workflows.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        List<Candidate> out = new ArrayList<>();
        try (Reader r = open(file);
                CSVParser csv = ResultsCsv.parse(r)) {
            ResultsCsv.require(file, csv, List.of("case_id", "x", "y", "z", "score"), "");
            for (CSVRecord rec : csv) {
                String id = caseId(file, rec, "case_id", cases);
                out.add(
                        new Candidate(
                                id,
                                number(file, rec, "x"),
                                number(file, rec, "y"),
                                number(file, rec, "z"),
                                number(file, rec, "score")));
            }
        }
        return out;
    }

    /** Reads the reference lesions of {@code file}; each case id must be in {@code cases}. */
    public static List<Lesion> lesions(Path file, Set<String> cases) throws IOException {
        List<Lesion> out = new ArrayList<>();
        try (Reader r = open(file);
                CSVParser csv = ResultsCsv.parse(r)) {
            boolean luna = csv.getHeaderMap().containsKey("seriesuid");
            List<String> columns =
                    luna
                            ? List.of("seriesuid", "coordX", "coordY", "coordZ", "diameter_mm")
                            : List.of("case_id", "x", "y", "z", "radius");
            ResultsCsv.require(file, csv, columns, "");
            for (CSVRecord rec : csv) {
                String id = caseId(file, rec, columns.get(0), cases);
                double size = number(file, rec, columns.get(4));
                double radius = luna ? size / 2 : size;
                if (!(radius > 0)) {
                    throw new IOException(
                            SegmentationCasesCsv.where(file, rec, columns.get(4))
                                    + ": "
                                    + size
                                    + " is not a positive size in mm");
                }
                out.add(
                        new Lesion(
                                id,
                                number(file, rec, columns.get(1)),
                                number(file, rec, columns.get(2)),
                                number(file, rec, columns.get(3)),
                                radius));
            }
        }
        return out;
    }

    private static Reader open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file + ": the detection run has no such file");
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static String caseId(Path file, CSVRecord rec, String column, Set<String> cases)
            throws IOException {
        String id = rec.isSet(column) ? rec.get(column) : "";
        if (id.isEmpty()) {
            throw new IOException(
                    SegmentationCasesCsv.where(file, rec, column) + ": value is missing");
        }
        if (!cases.contains(id)) {
            throw new IOException(
                    SegmentationCasesCsv.where(file, rec, column)
                            + ": case '"
                            + id
                            + "' is not one of the case results");
        }
        return id;
    }

    private static double number(Path file, CSVRecord rec, String column) throws IOException {
        String text = rec.isSet(column) ? rec.get(column) : "";
        if (text.isEmpty()) {
            throw new IOException(
                    SegmentationCasesCsv.where(file, rec, column) + ": value is missing");
        }
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException x) {
            // reported below
        }
        throw new IOException(
                SegmentationCasesCsv.where(file, rec, column)
                        + ": '"
                        + text
                        + "' is not a finite number");
    }
}
