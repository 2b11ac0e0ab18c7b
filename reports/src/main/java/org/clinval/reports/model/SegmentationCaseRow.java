package org.clinval.reports.model;

import java.util.OptionalDouble;

/**
 * One case's segmentation metrics as {@code case-results.csv} holds them; an undefined metric (a
 * surface distance with an empty mask) is empty, never NaN.
 *
 * @param caseId the case's pseudonym
 * @param label the case's reference label
 * @param dice Dice coefficient (defined for every case: 0 with one empty mask, 1 with both)
 * @param iou intersection over union
 * @param hd Hausdorff distance in mm
 * @param hd95 the larger of the two directed 95th percentiles of the surface distances, in mm
 * @param hd95Pooled the 95th percentile of both directions pooled, in mm
 * @param assd average symmetric surface distance in mm
 * @param surfaceDice surface Dice at the protocol's tolerance
 * @param empty which masks are empty: {@code neither}, {@code prediction}, {@code reference} or
 *     {@code both}
 * @param referenceVoxels voxels of the reference mask
 * @param predictedVoxels voxels of the predicted mask
 */
public record SegmentationCaseRow(
        String caseId,
        String label,
        double dice,
        OptionalDouble iou,
        OptionalDouble hd,
        OptionalDouble hd95,
        OptionalDouble hd95Pooled,
        OptionalDouble assd,
        OptionalDouble surfaceDice,
        String empty,
        long referenceVoxels,
        long predictedVoxels) {

    public SegmentationCaseRow {
        Fields.text("case id", caseId);
        Fields.present(caseId + " label", label);
        if (!(dice >= 0 && dice <= 1)) {
            throw new IllegalArgumentException(caseId + " Dice is not in [0, 1]: " + dice);
        }
        Fields.present(caseId + " IoU", iou);
        Fields.present(caseId + " HD", hd);
        Fields.present(caseId + " HD95", hd95);
        Fields.present(caseId + " pooled HD95", hd95Pooled);
        Fields.present(caseId + " ASSD", assd);
        Fields.present(caseId + " surface Dice", surfaceDice);
        Fields.text(caseId + " empty masks", empty);
        Fields.nonNegative(caseId + " reference voxels", referenceVoxels);
        Fields.nonNegative(caseId + " predicted voxels", predictedVoxels);
    }

    /** Orders cases worst Dice first, then largest HD95 (undefined last), then by case id. */
    public static int worstFirst(SegmentationCaseRow a, SegmentationCaseRow b) {
        int c = Double.compare(a.dice, b.dice);
        if (c != 0) return c;
        double ha = a.hd95.isPresent() ? a.hd95.getAsDouble() : Double.NEGATIVE_INFINITY;
        double hb = b.hd95.isPresent() ? b.hd95.getAsDouble() : Double.NEGATIVE_INFINITY;
        c = Double.compare(hb, ha);
        return c != 0 ? c : a.caseId.compareTo(b.caseId);
    }
}
