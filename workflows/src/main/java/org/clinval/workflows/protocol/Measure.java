package org.clinval.workflows.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an endpoint measures. The case-level measures (sensitivity to AUC) are computed from the
 * label and the prediction of every case, whatever the task; the others need the task they belong
 * to: a segmentation measure on a classification protocol is a protocol problem.
 */
public enum Measure {
    /** {@code TP / (TP + FN)}. */
    SENSITIVITY(null, false),
    /** {@code TN / (TN + FP)}. */
    SPECIFICITY(null, false),
    /** {@code TP / (TP + FP)}. */
    PPV(null, false),
    /** {@code TN / (TN + FN)}. */
    NPV(null, false),
    /** {@code (TP + TN) / n}. */
    ACCURACY(null, false),
    /** Area under the empirical ROC curve. */
    AUC(null, false),
    /** Mean Dice coefficient over the cases. */
    DICE_MEAN(Task.SEGMENTATION, false),
    /** Median Dice coefficient over the cases. */
    DICE_MEDIAN(Task.SEGMENTATION, false),
    /** Mean intersection over union over the cases. */
    IOU_MEAN(Task.SEGMENTATION, false),
    /** Median 95th-percentile Hausdorff distance in mm over the cases where it is defined. */
    HD95_MEDIAN(Task.SEGMENTATION, true),
    /** Mean 95th-percentile Hausdorff distance in mm over the cases where it is defined. */
    HD95_MEAN(Task.SEGMENTATION, true),
    /** Mean average symmetric surface distance in mm over the cases where it is defined. */
    ASSD_MEAN(Task.SEGMENTATION, true),
    /** Mean surface Dice at {@code segmentation.surface_tolerance_mm} over the cases. */
    SURFACE_DICE_MEAN(Task.SEGMENTATION, false),
    /** LUNA16's competition performance metric: mean FROC sensitivity at 1/8 to 8 FP per scan. */
    FROC_CPM(Task.DETECTION, false),
    /** FROC sensitivity at the criterion's {@code fp_per_scan} false positives per scan. */
    SENSITIVITY_AT_FP(Task.DETECTION, false),
    /** Lesions hit at the operating threshold / reference lesions, a proportion over lesions. */
    LESION_SENSITIVITY(Task.DETECTION, false),
    /** False-positive candidates at the operating threshold per scan. */
    FP_PER_SCAN_MEAN(Task.DETECTION, true),
    /** Cohen's kappa of the model's grade against the reference grade, unweighted. */
    KAPPA(Task.GRADING, false),
    /** Cohen's kappa with linear (equal-spacing) weights. */
    KAPPA_LINEAR(Task.GRADING, false),
    /** Cohen's kappa with quadratic (Fleiss–Cohen) weights. */
    KAPPA_QUADRATIC(Task.GRADING, false),
    /** Unweighted mean of the one-vs-rest AUCs of the observed grades. */
    AUC_MACRO(Task.GRADING, false),
    /** The Hand–Till multi-class AUC ({@code pROC::multiclass.roc}). */
    AUC_HAND_TILL(Task.GRADING, false),
    /**
     * The reader study's reader-averaged AUC with the device minus without it (aided − unaided),
     * from the protocol's {@code reader_study} block; a difference in [-1, 1], so a non-inferiority
     * margin is a negative minimum.
     */
    READER_AUC_DIFFERENCE(null, false),
    /**
     * The reader study's reader-averaged sensitivity with the device minus without it (aided −
     * unaided), a read being a positive call at {@code reader_study.threshold}; in [-1, 1].
     */
    READER_SENSITIVITY_DIFFERENCE(null, false),
    /**
     * The reader study's reader-averaged specificity with the device minus without it (aided −
     * unaided), a read being a negative call below {@code reader_study.threshold}; in [-1, 1].
     */
    READER_SPECIFICITY_DIFFERENCE(null, false);

    private final Task task;
    private final boolean smallerIsBetter;

    Measure(Task task, boolean smallerIsBetter) {
        this.task = task;
        this.smallerIsBetter = smallerIsBetter;
    }

    /** Returns the protocol's name of the measure, e.g. {@code sensitivity}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the protocol's names of every measure. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Measure::key).toList();
    }

    /**
     * Returns whether the measure is a binomial proportion (successes over trials) with a binomial
     * interval: the case-level proportions at the operating point and the lesion-level sensitivity.
     */
    public boolean isProportion() {
        return ordinal() < AUC.ordinal() || this == LESION_SENSITIVITY;
    }

    /** Returns whether the measure is a Cohen's kappa of the grades. */
    public boolean isKappa() {
        return this == KAPPA || this == KAPPA_LINEAR || this == KAPPA_QUADRATIC;
    }

    /** Returns whether the measure is a multi-class AUC, estimated without an interval. */
    public boolean isMulticlassAuc() {
        return this == AUC_MACRO || this == AUC_HAND_TILL;
    }

    /** Returns whether the measure is computed from each case's label and prediction (or score). */
    public boolean isCaseLevel() {
        return task == null && !isReaderStudy();
    }

    /**
     * Returns whether the measure is read from the reader study (the protocol's {@code
     * reader_study} block) rather than from the device's case results.
     */
    public boolean isReaderStudy() {
        return this == READER_AUC_DIFFERENCE
                || this == READER_SENSITIVITY_DIFFERENCE
                || this == READER_SPECIFICITY_DIFFERENCE;
    }

    /**
     * Returns whether the measure is a reader-study proportion read at {@code
     * reader_study.threshold} (the readers' sensitivity or specificity difference).
     */
    public boolean needsReaderThreshold() {
        return this == READER_SENSITIVITY_DIFFERENCE || this == READER_SPECIFICITY_DIFFERENCE;
    }

    /** Returns whether the measure is a difference in [-1, 1] rather than a value in [0, 1]. */
    public boolean isDifference() {
        return isReaderStudy();
    }

    /** Returns the task the measure needs; empty for the case-level measures of every task. */
    public Optional<Task> task() {
        return Optional.ofNullable(task);
    }

    /** Returns whether the measure fits a protocol of {@code t}. */
    public boolean fits(Task t) {
        if (isReaderStudy()) {
            return t != Task.GRADING;
        }
        return task == null || task == t;
    }

    /**
     * Returns whether smaller values are better (distances, false positives): its criterion states
     * maxima ({@code estimate_max}, {@code ci_upper_max}) instead of minima.
     */
    public boolean smallerIsBetter() {
        return smallerIsBetter;
    }

    /**
     * Returns whether the measure lies in [0, 1] (every measure but distances, FP rates and the
     * reader study's difference).
     */
    public boolean isUnitInterval() {
        return !smallerIsBetter && !isDifference();
    }

    /** Parses a measure name, naming the bad value. */
    public static Measure parse(String text) {
        for (Measure m : values()) {
            if (m.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "measure is not one of " + String.join(", ", keys()) + ": " + text);
    }
}
