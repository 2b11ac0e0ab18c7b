package org.clinval.validation.multiclass;

import java.util.Optional;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;

/**
 * One class against the rest: sensitivity {@code P(model grade = c | reference grade = c)},
 * specificity {@code P(model grade ≠ c | reference grade ≠ c)}, both with every binomial interval,
 * and the AUC of the class's probability for telling its cases from the rest, with DeLong's
 * interval.
 *
 * @param index the class's 0-based grade
 * @param name the class's name
 * @param sensitivity successes: cases of the class graded as it; trials: cases of the class
 * @param specificity successes: other cases not graded as the class; trials: other cases
 * @param auc the one-vs-rest AUC (higher probability means the class), empty when the class or the
 *     rest has no case
 * @param aucUndefinedReason why the AUC is missing, if it is
 */
public record ClassAccuracy(
        int index,
        String name,
        Proportion sensitivity,
        Proportion specificity,
        Optional<AucEstimate> auc,
        Optional<String> aucUndefinedReason) {}
