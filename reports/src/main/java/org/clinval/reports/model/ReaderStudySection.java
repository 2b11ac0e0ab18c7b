package org.clinval.reports.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * The reader-study (MRMC) arm of a study: the design, the reads accounted for, each modality's
 * reader-averaged AUC, the difference aided − unaided with its interval and test, each reader's AUC
 * and the verdicts of the endpoints judged on the difference; with a threshold also the readers'
 * sensitivity and specificity in each modality and their differences.
 *
 * @param method the analysis in words, with its test
 * @param design the design in words ({@code fully crossed}, {@code split-plot}, {@code
 *     incomplete}); empty when no read could be analysed
 * @param level the intervals' confidence level
 * @param readers the readers
 * @param positives positive cases analysed
 * @param negatives negative cases analysed
 * @param readsIn reads in the reads file
 * @param readsAnalysed reads analysed
 * @param excluded reads left out, by reason
 * @param unaided the reference modality's AUC
 * @param aided the test modality's AUC
 * @param difference aided − unaided
 * @param perReader each reader's AUCs
 * @param components the variance components, by name
 * @param endpoints the endpoints judged on the difference
 * @param undefinedReason why the analysis is undefined, if it is
 * @param proportions the readers' sensitivity then specificity at the protocol's threshold; empty
 *     without a threshold
 */
public record ReaderStudySection(
        String method,
        Optional<String> design,
        double level,
        List<String> readers,
        int positives,
        int negatives,
        int readsIn,
        int readsAnalysed,
        List<Excluded> excluded,
        Value unaided,
        Value aided,
        Value difference,
        List<ReaderRow> perReader,
        Map<String, Double> components,
        List<Judged> endpoints,
        Optional<String> undefinedReason,
        List<Proportion> proportions) {

    /** The section of a reader study without a threshold: the AUC analysis only. */
    public ReaderStudySection(
            String method,
            Optional<String> design,
            double level,
            List<String> readers,
            int positives,
            int negatives,
            int readsIn,
            int readsAnalysed,
            List<Excluded> excluded,
            Value unaided,
            Value aided,
            Value difference,
            List<ReaderRow> perReader,
            Map<String, Double> components,
            List<Judged> endpoints,
            Optional<String> undefinedReason) {
        this(
                method,
                design,
                level,
                readers,
                positives,
                negatives,
                readsIn,
                readsAnalysed,
                excluded,
                unaided,
                aided,
                difference,
                perReader,
                components,
                endpoints,
                undefinedReason,
                List.of());
    }

    public ReaderStudySection {
        Fields.text("reader study method", method);
        readers = Fields.list("readers", readers);
        excluded = Fields.list("excluded reads", excluded);
        perReader = Fields.list("per-reader AUCs", perReader);
        components =
                java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(Fields.present("components", components)));
        endpoints = Fields.list("reader study endpoints", endpoints);
        proportions = Fields.list("reader study proportions", proportions);
    }

    /**
     * The readers' sensitivity or specificity at the protocol's threshold.
     *
     * @param measure {@code Sensitivity} or {@code Specificity}
     * @param call when a read is a positive call, e.g. {@code score >= 50}
     * @param method the analysis in words
     * @param cases cases of the class concerned that were read
     * @param unaided the reference modality's reader-averaged proportion
     * @param aided the test modality's
     * @param difference aided − unaided, with its z test against 0
     * @param undefinedReason why the whole proportion is undefined, if it is
     */
    public record Proportion(
            String measure,
            String call,
            String method,
            int cases,
            Share unaided,
            Share aided,
            Share difference,
            Optional<String> undefinedReason) {

        public Proportion {
            Fields.text("reader study proportion", measure);
        }
    }

    /**
     * A modality's reader-averaged proportion, or the difference of two.
     *
     * @param name the modality, or {@code aided − unaided}
     * @param estimate the estimate; empty when undefined
     * @param ci its normal-approximation interval; empty when undefined
     * @param z the difference's z statistic against 0; empty for a modality or when undefined
     * @param p the difference's two-sided p-value; empty for a modality or when undefined
     * @param undefinedReason why the estimate or its interval is undefined, if it is
     */
    public record Share(
            String name,
            OptionalDouble estimate,
            Optional<Interval> ci,
            OptionalDouble z,
            OptionalDouble p,
            Optional<String> undefinedReason) {}

    /**
     * Reads left out for one reason.
     *
     * @param reason why
     * @param reads how many reads
     * @param cases of how many cases
     */
    public record Excluded(String reason, int reads, int cases) {}

    /**
     * A modality's reader-averaged AUC, or the difference.
     *
     * @param name the modality, or {@code aided − unaided}
     * @param estimate the estimate; empty when undefined
     * @param ci its interval; empty when undefined
     * @param df degrees of freedom of its test; empty for a normal test or when undefined
     * @param p the two-sided p-value against ½ (an AUC) or 0 (the difference)
     * @param undefinedReason why it is undefined, if it is
     */
    public record Value(
            String name,
            OptionalDouble estimate,
            Optional<Interval> ci,
            OptionalDouble df,
            OptionalDouble p,
            Optional<String> undefinedReason) {}

    /**
     * One reader's AUC in each modality.
     *
     * @param reader the reader
     * @param unaided the unaided AUC; empty when undefined
     * @param aided the aided AUC; empty when undefined
     */
    public record ReaderRow(String reader, OptionalDouble unaided, OptionalDouble aided) {}

    /**
     * An endpoint judged on the difference.
     *
     * @param id the endpoint id
     * @param criterion the criterion in words
     * @param passed whether it passed
     * @param reasons why, one clause per bound
     */
    public record Judged(String id, String criterion, boolean passed, List<String> reasons) {

        public Judged {
            reasons = List.copyOf(reasons);
        }
    }
}
