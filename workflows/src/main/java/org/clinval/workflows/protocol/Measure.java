package org.clinval.workflows.protocol;

import java.util.Locale;

/** What an endpoint measures. */
public enum Measure {
    /** {@code TP / (TP + FN)}. */
    SENSITIVITY,
    /** {@code TN / (TN + FP)}. */
    SPECIFICITY,
    /** {@code TP / (TP + FP)}. */
    PPV,
    /** {@code TN / (TN + FN)}. */
    NPV,
    /** {@code (TP + TN) / n}. */
    ACCURACY,
    /** Area under the empirical ROC curve. */
    AUC;

    /** Returns the protocol's name of the measure, e.g. {@code sensitivity}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether the measure is a binomial proportion at the operating point. */
    public boolean isProportion() {
        return this != AUC;
    }

    /** Parses a measure name, naming the bad value. */
    public static Measure parse(String text) {
        for (Measure m : values()) {
            if (m.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "measure is not one of sensitivity, specificity, ppv, npv, accuracy, auc: " + text);
    }
}
