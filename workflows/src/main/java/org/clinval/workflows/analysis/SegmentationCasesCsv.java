package org.clinval.workflows.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        ResultsCsv.Rows rows = ResultsCsv.read(file);
        ResultsCsv.require(file, rows, COLUMNS, "of a segmentation study");
        List<SegmentationCase> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(row(rows, i));
        }
        return out;
    }

    private static SegmentationCase row(ResultsCsv.Rows rows, int row) throws IOException {
        String id = rows.get(row, "case_id");
        Map<SegmentationMetric, Double> values = new EnumMap<>(SegmentationMetric.class);
        for (SegmentationMetric m : SegmentationMetric.values()) {
            String text = rows.get(row, m.key());
            if (text.isEmpty()) {
                if (m == SegmentationMetric.DICE || m == SegmentationMetric.IOU) {
                    throw new IOException(
                            rows.where(row, m.key()) + ": value is missing (it is always defined)");
                }
                continue;
            }
            double v = number(rows, row, m.key(), text);
            boolean unit =
                    m == SegmentationMetric.DICE
                            || m == SegmentationMetric.IOU
                            || m == SegmentationMetric.SURFACE_DICE;
            if (v < 0 || (unit && v > 1)) {
                throw new IOException(
                        rows.where(row, m.key())
                                + ": '"
                                + text
                                + "' is not "
                                + (unit ? "in [0, 1]" : "a non-negative distance in mm"));
            }
            values.put(m, v);
        }
        String e = rows.get(row, "empty");
        EmptyMasks empty;
        try {
            empty = EmptyMasks.valueOf(e.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            throw new IOException(
                    rows.where(row, "empty")
                            + ": '"
                            + e
                            + "' is not one of neither, prediction, reference, both");
        }
        boolean distances = empty == EmptyMasks.NEITHER || empty == EmptyMasks.BOTH;
        for (SegmentationMetric m : DISTANCES) {
            if (values.containsKey(m) != distances) {
                throw new IOException(
                        rows.where(row, m.key())
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
        long reference = count(rows, row, "reference_voxels");
        long predicted = count(rows, row, "predicted_voxels");
        if ((reference == 0) != (empty == EmptyMasks.REFERENCE || empty == EmptyMasks.BOTH)) {
            throw new IOException(
                    rows.where(row, "reference_voxels")
                            + ": "
                            + reference
                            + " voxels disagree with empty = "
                            + e);
        }
        return new SegmentationCase(id, values, empty, reference, predicted);
    }

    private static double number(ResultsCsv.Rows rows, int row, String column, String text)
            throws IOException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException x) {
            throw new IOException(rows.where(row, column) + ": '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IOException(rows.where(row, column) + ": '" + text + "' is not finite");
        }
        return v;
    }

    private static long count(ResultsCsv.Rows rows, int row, String column) throws IOException {
        String text = rows.get(row, column);
        if (text.isEmpty()) {
            throw new IOException(rows.where(row, column) + ": value is missing");
        }
        try {
            long v = Long.parseLong(text);
            if (v >= 0) return v;
        } catch (NumberFormatException x) {
            // reported below
        }
        throw new IOException(
                rows.where(row, column) + ": '" + text + "' is not a count of voxels");
    }
}
