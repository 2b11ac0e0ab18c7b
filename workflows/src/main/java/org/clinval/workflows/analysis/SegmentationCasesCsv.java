package org.clinval.workflows.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clinval.validation.segmentation.EmptyMasks;
import org.clinval.validation.segmentation.SegmentationMetric;

/**
 * Reads the segmentation columns of {@code case-results.csv} by header name: {@code dice}, {@code
 * iou}, {@code hd}, {@code hd95}, {@code hd95_pooled}, {@code assd}, {@code surface_dice} (empty
 * when undefined; Dice and IoU never are), {@code empty} ({@code
 * neither|prediction|reference|both}) and the voxel counts {@code reference_voxels}, {@code
 * predicted_voxels}. Distances must be defined exactly when neither or both masks are empty. Errors
 * name the file, line and column.
 */
public final class SegmentationCasesCsv {

    /** The segmentation columns, beyond {@link CaseResultsCsv#COLUMNS}. */
    public static final List<String> COLUMNS = org.clinval.common.TaskColumns.SEGMENTATION;

    private static final List<SegmentationMetric> DISTANCES =
            List.of(
                    SegmentationMetric.HAUSDORFF,
                    SegmentationMetric.HD95,
                    SegmentationMetric.HD95_POOLED,
                    SegmentationMetric.ASSD);

    private SegmentationCasesCsv() {}

    /**
     * Reads {@code file}, one result per row in file order.
     *
     * @throws IOException if a column is missing or a value malformed, naming the file, line and
     *     column
     */
    public static List<SegmentationCase> read(Path file) throws IOException {
        List<SegmentationCase> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = ResultsCsv.parse(r)) {
            ResultsCsv.require(file, csv, COLUMNS, "of a segmentation study");
            for (CSVRecord rec : csv) {
                out.add(row(file, rec));
            }
        }
        return out;
    }

    private static SegmentationCase row(Path file, CSVRecord rec) throws IOException {
        String id = cell(rec, "case_id");
        Map<SegmentationMetric, Double> values = new EnumMap<>(SegmentationMetric.class);
        for (SegmentationMetric m : SegmentationMetric.values()) {
            String text = cell(rec, m.key());
            if (text.isEmpty()) {
                if (m == SegmentationMetric.DICE || m == SegmentationMetric.IOU) {
                    throw new IOException(
                            where(file, rec, m.key())
                                    + ": value is missing (it is always defined)");
                }
                continue;
            }
            double v = number(file, rec, m.key(), text);
            boolean unit =
                    m == SegmentationMetric.DICE
                            || m == SegmentationMetric.IOU
                            || m == SegmentationMetric.SURFACE_DICE;
            if (v < 0 || (unit && v > 1)) {
                throw new IOException(
                        where(file, rec, m.key())
                                + ": '"
                                + text
                                + "' is not "
                                + (unit ? "in [0, 1]" : "a non-negative distance in mm"));
            }
            values.put(m, v);
        }
        String e = cell(rec, "empty");
        EmptyMasks empty;
        try {
            empty = EmptyMasks.valueOf(e.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            throw new IOException(
                    where(file, rec, "empty")
                            + ": '"
                            + e
                            + "' is not one of neither, prediction, reference, both");
        }
        boolean distances = empty == EmptyMasks.NEITHER || empty == EmptyMasks.BOTH;
        for (SegmentationMetric m : DISTANCES) {
            if (values.containsKey(m) != distances) {
                throw new IOException(
                        where(file, rec, m.key())
                                + ": "
                                + (distances
                                        ? "value is missing, but with empty = "
                                                + e
                                                + ", surface distances are defined"
                                        : "is given, but with empty = "
                                                + e
                                                + ", surface distances are undefined (leave it"
                                                + " empty)"));
            }
        }
        long reference = count(file, rec, "reference_voxels");
        long predicted = count(file, rec, "predicted_voxels");
        if ((reference == 0) != (empty == EmptyMasks.REFERENCE || empty == EmptyMasks.BOTH)) {
            throw new IOException(
                    where(file, rec, "reference_voxels")
                            + ": "
                            + reference
                            + " voxels disagree with empty = "
                            + e);
        }
        return new SegmentationCase(id, values, empty, reference, predicted);
    }

    private static String cell(CSVRecord rec, String column) {
        return rec.isSet(column) ? rec.get(column) : "";
    }

    private static double number(Path file, CSVRecord rec, String column, String text)
            throws IOException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException x) {
            throw new IOException(where(file, rec, column) + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IOException(where(file, rec, column) + ": '" + text + "' is not finite");
        }
        return v;
    }

    private static long count(Path file, CSVRecord rec, String column) throws IOException {
        String text = cell(rec, column);
        if (text.isEmpty()) {
            throw new IOException(where(file, rec, column) + ": value is missing");
        }
        try {
            long v = Long.parseLong(text);
            if (v >= 0) return v;
        } catch (NumberFormatException x) {
            // reported below
        }
        throw new IOException(
                where(file, rec, column) + ": '" + text + "' is not a count of voxels");
    }

    static String where(Path file, CSVRecord rec, String column) {
        return file + ", line " + rec.getParser().getCurrentLineNumber() + ", column " + column;
    }
}
