package org.clinval.reports.model;

import java.util.List;
import java.util.Optional;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.subgroup.SubgroupResult;

/**
 * Accuracy of one subgroup at the operating point.
 *
 * @param attribute grouping attribute, e.g. {@code site}
 * @param value the subgroup's value of it
 * @param n cases in the subgroup
 * @param sensitivity sensitivity with its intervals; undefined without positives
 * @param specificity specificity with its intervals; undefined without negatives
 * @param auc the AUC with its DeLong interval; empty when the subgroup lacks a class
 * @param ciMethod which of the proportions' intervals the report shows
 * @param warnings why the subgroup's intervals do not inform a decision, if they do not
 */
public record SubgroupRow(
        String attribute,
        String value,
        int n,
        Proportion sensitivity,
        Proportion specificity,
        Optional<AucEstimate> auc,
        BinomialInterval ciMethod,
        List<String> warnings) {

    public SubgroupRow {
        Fields.text("subgroup attribute", attribute);
        Fields.text(attribute + " value", value);
        Fields.nonNegative(attribute + " = " + value + " n", n);
        Fields.present(attribute + " = " + value + " sensitivity", sensitivity);
        Fields.present(attribute + " = " + value + " specificity", specificity);
        Fields.optional(attribute + " = " + value + " AUC", auc);
        Fields.present(attribute + " = " + value + " interval method", ciMethod);
        warnings = Fields.list(attribute + " = " + value + " warnings", warnings);
        if (sensitivity.trials() + specificity.trials() != n) {
            throw new IllegalArgumentException(
                    attribute
                            + " = "
                            + value
                            + ": positives + negatives ("
                            + (sensitivity.trials() + specificity.trials())
                            + ") differ from n ("
                            + n
                            + ")");
        }
    }

    /** Returns the row of a subgroup analysis result, showing {@code ciMethod} intervals. */
    public static SubgroupRow of(SubgroupResult result, BinomialInterval ciMethod) {
        return new SubgroupRow(
                result.attribute(),
                result.value(),
                result.n(),
                result.accuracy().sensitivity(),
                result.accuracy().specificity(),
                result.auc(),
                ciMethod,
                result.warnings());
    }
}
