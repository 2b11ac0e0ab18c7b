package org.clinval.validation.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * MONAI's metric reductions ({@code monai/metrics/utils.py do_metric_reduction}) over a table
 * {@code f[case][label]} whose entries may be undefined (MONAI's NaN).
 *
 * <p>As in MONAI, a reduction uses the defined entries only. Where MONAI then returns 0 for a cell
 * with no defined entry (its {@code t_zero}), here the cell is undefined with the reason "no
 * defined value", and every cell carries how many entries went into it and how many were defined,
 * so nothing is dropped silently.
 *
 * <ul>
 *   <li>{@link #MEAN}: per case the mean over its defined labels, then the mean over the cases with
 *       at least one defined label (MONAI's two steps); one cell.
 *   <li>{@link #SUM}: the sum of all defined entries; one cell.
 *   <li>{@link #MEAN_BATCH}, {@link #SUM_BATCH}: over cases, one cell per label.
 *   <li>{@link #MEAN_CHANNEL}, {@link #SUM_CHANNEL}: over labels, one cell per case.
 *   <li>{@link #NONE}: every entry its own cell, case-major.
 * </ul>
 */
public enum Reduction {
    NONE("none"),
    MEAN("mean"),
    SUM("sum"),
    MEAN_BATCH("mean_batch"),
    SUM_BATCH("sum_batch"),
    MEAN_CHANNEL("mean_channel"),
    SUM_CHANNEL("sum_channel");

    /** The reason of a cell with no defined entry. */
    public static final String NO_DEFINED_VALUE = "no defined value";

    private final String key;

    Reduction(String key) {
        this.key = key;
    }

    /** Returns MONAI's name, e.g. {@code mean_batch}. */
    public String key() {
        return key;
    }

    /** Parses MONAI's name of a reduction. */
    public static Reduction parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Reduction r : values()) {
            if (r.key.equals(t)) return r;
        }
        throw new IllegalArgumentException(
                "reduction is not one of none, mean, sum, mean_batch, sum_batch, mean_channel,"
                        + " sum_channel: "
                        + text);
    }

    /**
     * One reduced value.
     *
     * @param value the reduced value, empty when no entry was defined
     * @param entries entries reduced into this cell
     * @param defined of which defined
     * @param undefinedReason why the value is undefined, if it is
     */
    public record Cell(
            OptionalDouble value, int entries, int defined, Optional<String> undefinedReason) {

        public Cell {
            if (defined < 0 || defined > entries || value.isPresent() != (defined > 0)) {
                throw new IllegalArgumentException(
                        "cell counts do not agree: entries "
                                + entries
                                + ", defined "
                                + defined
                                + ", value "
                                + value);
            }
        }
    }

    /**
     * Reduces {@code f[case][label]}, a rectangular table.
     *
     * @return one cell ({@code MEAN}, {@code SUM}), one per label ({@code *_BATCH}), one per case
     *     ({@code *_CHANNEL}) or one per entry ({@code NONE})
     */
    public List<Cell> reduce(OptionalDouble[][] f) {
        int cases = f.length;
        int labels = cases == 0 ? 0 : f[0].length;
        for (OptionalDouble[] row : f) {
            if (row.length != labels) {
                throw new IllegalArgumentException("the table is not rectangular");
            }
        }
        List<Cell> out = new ArrayList<>();
        switch (this) {
            case NONE -> {
                for (OptionalDouble[] row : f) {
                    for (OptionalDouble v : row) out.add(cell(List.of(v), false));
                }
            }
            case SUM -> out.add(cell(all(f), false));
            case MEAN -> {
                List<OptionalDouble> caseMeans = new ArrayList<>();
                for (OptionalDouble[] row : f) caseMeans.add(cell(List.of(row), true).value());
                Cell c = cell(caseMeans, true);
                int defined = 0;
                for (OptionalDouble v : all(f)) if (v.isPresent()) defined++;
                out.add(new Cell(c.value(), cases * labels, defined, c.undefinedReason()));
            }
            case MEAN_BATCH, SUM_BATCH -> {
                for (int l = 0; l < labels; l++) {
                    List<OptionalDouble> column = new ArrayList<>();
                    for (OptionalDouble[] row : f) column.add(row[l]);
                    out.add(cell(column, this == MEAN_BATCH));
                }
            }
            case MEAN_CHANNEL, SUM_CHANNEL -> {
                for (OptionalDouble[] row : f) out.add(cell(List.of(row), this == MEAN_CHANNEL));
            }
        }
        return out;
    }

    private static List<OptionalDouble> all(OptionalDouble[][] f) {
        List<OptionalDouble> out = new ArrayList<>();
        for (OptionalDouble[] row : f) out.addAll(List.of(row));
        return out;
    }

    /** The sum, in order, or the mean of the defined values. */
    private static Cell cell(List<OptionalDouble> values, boolean mean) {
        double sum = 0;
        int defined = 0;
        for (OptionalDouble v : values) {
            if (v.isPresent()) {
                sum += v.getAsDouble();
                defined++;
            }
        }
        if (defined == 0) {
            return new Cell(
                    OptionalDouble.empty(), values.size(), 0, Optional.of(NO_DEFINED_VALUE));
        }
        return new Cell(
                OptionalDouble.of(mean ? sum / defined : sum),
                values.size(),
                defined,
                Optional.empty());
    }
}
