package org.clinval.validation.ranking;

import java.util.OptionalDouble;

/**
 * One point of the precision–recall curve: the cases with a score at or beyond {@code threshold}
 * are called positive.
 *
 * @param threshold the score in the user's scale, empty for the first point (recall 0, precision
 *     1), which no threshold produces
 * @param tp positives called positive
 * @param fp negatives called positive
 * @param precision {@code tp / (tp + fp)}; 1 by convention at the first point
 * @param recall {@code tp / m}
 */
public record PrecisionRecallPoint(
        OptionalDouble threshold, long tp, long fp, double precision, double recall) {}
