package org.clinval.validation.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Collects per-case comparisons and summarises them, the accumulator form of {@link
 * SegmentationMetrics}: {@code add} computes and keeps one case, {@link #aggregate()} summarises
 * all cases so far, {@link #reset()} starts again. The tolerance is fixed for the accumulator; the
 * spacing is given per case, since cases come from different scans. Not thread-safe.
 */
public final class SegmentationAccumulator {

    private final OptionalDouble tolerance;
    private final List<SegmentationResult> results = new ArrayList<>();

    private SegmentationAccumulator(OptionalDouble tolerance) {
        this.tolerance = tolerance;
    }

    /** Returns an accumulator computing surface Dice at {@code toleranceMm}. */
    public static SegmentationAccumulator withTolerance(double toleranceMm) {
        if (!(toleranceMm >= 0) || Double.isInfinite(toleranceMm)) {
            throw new IllegalArgumentException(
                    "surface-Dice tolerance is not a non-negative finite number of mm: "
                            + toleranceMm);
        }
        return new SegmentationAccumulator(OptionalDouble.of(toleranceMm));
    }

    /** Returns an accumulator without surface Dice (it is reported undefined in every case). */
    public static SegmentationAccumulator withoutTolerance() {
        return new SegmentationAccumulator(OptionalDouble.empty());
    }

    /** Compares one case, keeps and returns its result. */
    public SegmentationResult add(Mask prediction, Mask reference, Spacing spacing) {
        SegmentationResult r =
                SegmentationMetrics.compute(prediction, reference, spacing, tolerance);
        results.add(r);
        return r;
    }

    /**
     * Keeps a result computed elsewhere.
     *
     * @throws IllegalArgumentException if its tolerance is not this accumulator's
     */
    public void add(SegmentationResult result) {
        if (!result.tolerance().equals(tolerance)) {
            throw new IllegalArgumentException(
                    "result has surface-Dice tolerance "
                            + result.tolerance()
                            + ", but the accumulator has "
                            + tolerance);
        }
        results.add(result);
    }

    /** Returns the tolerance of every case. */
    public OptionalDouble tolerance() {
        return tolerance;
    }

    /** Returns the results so far, in the order added. */
    public List<SegmentationResult> results() {
        return List.copyOf(results);
    }

    /** Summarises the cases so far; the undefined ones are counted with their reasons. */
    public SegmentationSummary aggregate() {
        return SegmentationSummary.of(results, tolerance);
    }

    /** Forgets every case. */
    public void reset() {
        results.clear();
    }
}
