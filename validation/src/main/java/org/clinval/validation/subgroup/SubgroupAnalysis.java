package org.clinval.validation.subgroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.clinval.validation.Checks;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.Interval;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;

/**
 * Accuracy and AUC per subgroup, computed exactly as for the whole set, with a warning wherever a
 * subgroup is too small for its intervals to inform a decision.
 *
 * <p>A subgroup is flagged when it has fewer positives or negatives than the stated minimum, or
 * when the width of a sensitivity or specificity interval (by the stated method) exceeds the stated
 * maximum. Both limits are explicit inputs, recorded in each warning.
 */
public final class SubgroupAnalysis {

    private final boolean[] positive;
    private final double[] score;
    private final double threshold;
    private final ThresholdRule rule;
    private final Direction direction;
    private final ConfidenceLevel level;
    private final int minimumPerClass;
    private final double maximumWidth;
    private final BinomialInterval widthMethod;
    private final boolean[] calls;

    private SubgroupAnalysis(Builder b) {
        this.calls = b.calls;
        this.positive = b.positive;
        this.score = b.score;
        this.threshold = b.threshold;
        this.rule = b.rule;
        this.direction = b.direction;
        this.level = b.level;
        this.minimumPerClass = b.minimumPerClass;
        this.maximumWidth = b.maximumWidth;
        this.widthMethod = b.widthMethod;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns one result per distinct value of {@code values} (the attribute's value of each case),
     * in sorted order of the values.
     */
    public List<SubgroupResult> by(String attribute, String[] values) {
        if (values.length != positive.length) {
            throw new IllegalArgumentException(
                    attribute
                            + " values and labels differ in length: "
                            + values.length
                            + " vs "
                            + positive.length);
        }
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException(
                        attribute + " value at index " + i + " is missing");
            }
            groups.computeIfAbsent(values[i], k -> new ArrayList<>()).add(i);
        }
        List<SubgroupResult> out = new ArrayList<>();
        groups.forEach((value, idx) -> out.add(one(attribute, value, idx)));
        return out;
    }

    /** Returns results for several attributes, keyed by attribute in the given order. */
    public Map<String, List<SubgroupResult>> by(Map<String, String[]> attributes) {
        Map<String, List<SubgroupResult>> out = new LinkedHashMap<>();
        attributes.forEach((name, values) -> out.put(name, by(name, values)));
        return out;
    }

    private SubgroupResult one(String attribute, String value, List<Integer> idx) {
        int n = idx.size();
        boolean[] p = new boolean[n];
        double[] s = new double[n];
        int positives = 0;
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int k = 0; k < n; k++) {
            p[k] = positive[idx.get(k)];
            s[k] = score[idx.get(k)];
            if (p[k]) positives++;
            if (calls != null) {
                boolean c = calls[idx.get(k)];
                if (p[k] && c) tp++;
                else if (p[k]) fn++;
                else if (c) fp++;
                else tn++;
            }
        }
        int negatives = n - positives;
        ConfusionMatrix matrix =
                calls != null
                        ? new ConfusionMatrix(tp, fp, tn, fn)
                        : ConfusionMatrix.of(p, s, threshold, rule);
        DiagnosticAccuracy accuracy = DiagnosticAccuracy.of(matrix, level);
        Optional<AucEstimate> auc = Optional.empty();
        Optional<String> aucReason = Optional.empty();
        if (positives > 0 && negatives > 0) {
            auc = Optional.of(DeLong.auc(RocInput.of(p, s, direction), level));
        } else {
            aucReason =
                    Optional.of(
                            "AUC is undefined: the subgroup has "
                                    + positives
                                    + " positive and "
                                    + negatives
                                    + " negative cases");
        }
        String name = attribute + " = " + value;
        List<String> warnings = new ArrayList<>();
        if (positives < minimumPerClass) {
            warnings.add(
                    name
                            + ": "
                            + positives
                            + " positive cases, fewer than the minimum "
                            + minimumPerClass);
        }
        if (negatives < minimumPerClass) {
            warnings.add(
                    name
                            + ": "
                            + negatives
                            + " negative cases, fewer than the minimum "
                            + minimumPerClass);
        }
        wide(name, accuracy.sensitivity(), warnings);
        wide(name, accuracy.specificity(), warnings);
        return new SubgroupResult(attribute, value, n, accuracy, auc, aucReason, warnings);
    }

    private void wide(String name, Proportion p, List<String> warnings) {
        Optional<Interval> ci = p.interval(widthMethod);
        if (ci.isPresent() && ci.get().width() > maximumWidth) {
            warnings.add(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s: the %s %s interval [%.3f, %.3f] is wider than %.3f",
                            name,
                            p.name(),
                            widthMethod.key(),
                            ci.get().lower(),
                            ci.get().upper(),
                            maximumWidth));
        }
    }

    /** Builder: every {@code set} is required, {@code opt} optional. */
    public static final class Builder {
        private boolean[] positive;
        private double[] score;
        private Double threshold;
        private ThresholdRule rule;
        private Direction direction;
        private ConfidenceLevel level;
        private int minimumPerClass = -1;
        private double maximumWidth = 1;
        private BinomialInterval widthMethod = BinomialInterval.CLOPPER_PEARSON;
        private boolean[] calls;

        private Builder() {}

        /**
         * Sets each case's recorded call (positive or not), so that the accuracy counts the calls
         * instead of the scores at the operating point; for a graded model whose binary call is its
         * grade at a cut while its score is the probability of the cut's grades. The AUC still uses
         * the scores.
         */
        public Builder optCalls(boolean[] calls) {
            this.calls = calls.clone();
            return this;
        }

        /** Sets the reference labels and the scores of every case. */
        public Builder setCases(boolean[] positive, double[] score) {
            if (positive.length != score.length) {
                throw new IllegalArgumentException(
                        "labels and scores differ in length: "
                                + positive.length
                                + " vs "
                                + score.length);
            }
            Checks.allFinite("score", score);
            this.positive = positive.clone();
            this.score = score.clone();
            return this;
        }

        /** Sets the operating point of the accuracy estimates. */
        public Builder setOperatingPoint(double threshold, ThresholdRule rule) {
            this.threshold = Checks.finite("threshold", threshold);
            this.rule = rule;
            return this;
        }

        /** Sets the score direction of the AUC. */
        public Builder setDirection(Direction direction) {
            this.direction = direction;
            return this;
        }

        /** Sets the confidence level of every interval. */
        public Builder setLevel(ConfidenceLevel level) {
            this.level = level;
            return this;
        }

        /** Sets the fewest positives and negatives a subgroup needs not to be flagged. */
        public Builder setMinimumPerClass(int minimum) {
            this.minimumPerClass = (int) Checks.nonNegative("minimum cases per class", minimum);
            return this;
        }

        /**
         * Flags subgroups whose sensitivity or specificity interval is wider than {@code width}.
         */
        public Builder optMaximumWidth(double width, BinomialInterval method) {
            this.maximumWidth = Checks.positive("maximum interval width", width);
            this.widthMethod = method;
            return this;
        }

        /** Returns the analysis, checking every required input was set. */
        public SubgroupAnalysis build() {
            List<String> missing = new ArrayList<>();
            if (positive == null) missing.add("cases");
            if (threshold == null) missing.add("operating point");
            if (direction == null) missing.add("direction");
            if (level == null) missing.add("level");
            if (minimumPerClass < 0) missing.add("minimum per class");
            if (calls != null && positive != null && calls.length != positive.length) {
                throw new IllegalArgumentException(
                        "calls and labels differ in length: "
                                + calls.length
                                + " vs "
                                + positive.length);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "subgroup analysis is missing: " + String.join(", ", missing));
            }
            return new SubgroupAnalysis(this);
        }
    }
}
