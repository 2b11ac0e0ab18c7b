package org.clinval.validation.segmentation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Surface distances of a prediction {@code A} and a reference {@code B} in both directions, under
 * one {@link DistanceMetric} and one percentile, as MONAI's {@code compute_hausdorff_distance} and
 * {@code compute_average_surface_distance} give them.
 *
 * <p>{@code d(a, S_B)} for every {@code a} in {@code S_A} is the prediction→reference direction
 * (MONAI's {@code directed=True} or {@code symmetric=False} with {@code y_pred = A, y = B});
 * reference→prediction is the same with the masks swapped. Undefined values are empty, never NaN:
 * all of them when exactly one mask is empty (MONAI gives inf); when both are empty every distance
 * is 0 by clinval's rule (MONAI gives NaN), as in {@link SegmentationResult}.
 *
 * @param metric the point distance; values are in {@link DistanceMetric#unit()}
 * @param percentile the percentile in (0, 100] of the Hausdorff values, empty for the maximum
 * @param hdPredictionToReference {@code P_p{d(a, S_B)}}, or the maximum without a percentile
 * @param hdReferenceToPrediction {@code P_p{d(b, S_A)}}, or the maximum
 * @param hd the larger of the two directed values (MONAI's symmetric Hausdorff)
 * @param asdPredictionToReference mean of {@code d(a, S_B)} over {@code S_A}
 * @param asdReferenceToPrediction mean of {@code d(b, S_A)} over {@code S_B}
 * @param assd mean of both directions' distances pooled (MONAI's {@code symmetric=True})
 * @param empty which masks were empty
 */
public record DirectedDistances(
        DistanceMetric metric,
        OptionalDouble percentile,
        OptionalDouble hdPredictionToReference,
        OptionalDouble hdReferenceToPrediction,
        OptionalDouble hd,
        OptionalDouble asdPredictionToReference,
        OptionalDouble asdReferenceToPrediction,
        OptionalDouble assd,
        EmptyMasks empty) {

    public DirectedDistances {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(empty, "empty");
        boolean defined = empty == EmptyMasks.NEITHER || empty == EmptyMasks.BOTH;
        for (OptionalDouble d :
                new OptionalDouble[] {
                    hdPredictionToReference,
                    hdReferenceToPrediction,
                    hd,
                    asdPredictionToReference,
                    asdReferenceToPrediction,
                    assd
                }) {
            if (d.isPresent() != defined) {
                throw new IllegalArgumentException(
                        "surface distances are defined exactly unless one mask is empty");
            }
            if (d.isPresent() && (!(d.getAsDouble() >= 0) || Double.isInfinite(d.getAsDouble()))) {
                throw new IllegalArgumentException(
                        "a surface distance is not a non-negative finite number: "
                                + d.getAsDouble());
            }
        }
    }

    /** Returns why the distances are undefined, empty when they are defined. */
    public Optional<String> undefinedReason() {
        if (hd.isPresent()) return Optional.empty();
        return Optional.of(
                empty.names().get(0) + " mask is empty: surface distances are undefined");
    }
}
