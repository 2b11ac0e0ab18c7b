package org.clinval.reports.model;

import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * One aggregate over a group of cases or lesions: a subgroup or a size band of a segmentation or
 * detection study.
 *
 * @param attribute what groups them, e.g. {@code manufacturer} or {@code reference size}
 * @param group the group, e.g. {@code Siemens} or {@code 6-10 mm}
 * @param n cases (segmentation) or scans (detection) in the group
 * @param counts what the estimate is of, e.g. {@code 14/16} lesions hit, or {@code 12 of 12} cases
 *     with the metric defined
 * @param estimate the aggregate, empty when undefined
 * @param ci its interval, empty when undefined
 * @param undefinedReason why the estimate is missing, if it is
 */
public record GroupRow(
        String attribute,
        String group,
        int n,
        String counts,
        OptionalDouble estimate,
        Optional<Interval> ci,
        Optional<String> undefinedReason) {

    public GroupRow {
        Fields.text("group attribute", attribute);
        Fields.text(attribute + " group", group);
        Fields.nonNegative(attribute + " = " + group + " n", n);
        Fields.present(attribute + " = " + group + " counts", counts);
        Fields.present(attribute + " = " + group + " estimate", estimate);
        Fields.optional(attribute + " = " + group + " interval", ci);
        Fields.optional(attribute + " = " + group + " undefined reason", undefinedReason);
    }
}
