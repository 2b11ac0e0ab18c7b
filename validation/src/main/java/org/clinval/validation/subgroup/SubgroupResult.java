package org.clinval.validation.subgroup;

import java.util.List;
import java.util.Optional;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.roc.AucEstimate;

/**
 * Accuracy of one subgroup, e.g. {@code site = B}.
 *
 * @param attribute the grouping attribute, e.g. {@code site}
 * @param value the subgroup's value of it
 * @param n cases in the subgroup
 * @param accuracy accuracy at the operating point, with intervals
 * @param auc the AUC with DeLong interval; empty when the subgroup lacks a class
 * @param aucUndefinedReason why the AUC is missing, if it is
 * @param warnings why the subgroup's intervals are not informative, if they are not
 */
public record SubgroupResult(
        String attribute,
        String value,
        int n,
        DiagnosticAccuracy accuracy,
        Optional<AucEstimate> auc,
        Optional<String> aucUndefinedReason,
        List<String> warnings) {

    public SubgroupResult {
        warnings = List.copyOf(warnings);
    }

    /** Returns whether any warning was raised. */
    public boolean isSmall() {
        return !warnings.isEmpty();
    }
}
