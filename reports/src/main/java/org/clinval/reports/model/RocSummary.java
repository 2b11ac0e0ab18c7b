package org.clinval.reports.model;

import java.util.List;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.RocPoint;

/**
 * The ROC analysis of the whole test set.
 *
 * @param auc the AUC with its DeLong interval
 * @param curve the empirical curve from (0, 0) to (1, 1), at least two points
 * @param operatingPoint the point of the curve the device operates at
 */
public record RocSummary(AucEstimate auc, List<RocPoint> curve, RocPoint operatingPoint) {

    public RocSummary {
        Fields.present("AUC", auc);
        curve = Fields.list("ROC curve", curve);
        if (curve.size() < 2) {
            throw new IllegalArgumentException(
                    "ROC curve needs at least 2 points: " + curve.size());
        }
        Fields.present("ROC operating point", operatingPoint);
    }
}
