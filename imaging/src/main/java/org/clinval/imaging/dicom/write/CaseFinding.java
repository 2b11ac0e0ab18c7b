package org.clinval.imaging.dicom.write;

import java.util.Objects;

/**
 * A model's result for one case, as a finding report carries it: the score, the classification it
 * gives at the operating threshold, and how the score was compared with the threshold.
 *
 * @param score the model's output score, finite
 * @param classification the class called, e.g. SCT 27925004 "Nodule" or a local "no finding"
 * @param threshold the operating threshold, finite
 * @param rule {@code ">="} or {@code ">"}: positive when {@code score rule threshold}
 */
public record CaseFinding(double score, Code classification, double threshold, String rule) {

    public CaseFinding {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score is not finite: " + score);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold is not finite: " + threshold);
        }
        Objects.requireNonNull(classification, "classification");
        if (!">=".equals(rule) && !">".equals(rule)) {
            throw new IllegalArgumentException("threshold rule is not >= or >: " + rule);
        }
    }

    /** Returns whether the score is positive at the threshold under the rule. */
    public boolean positive() {
        return rule.equals(">=") ? score >= threshold : score > threshold;
    }
}
