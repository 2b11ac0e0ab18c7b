package org.clinval.workflows.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Interval;
import org.clinval.validation.mrmc.StudyDesign;
import org.clinval.workflows.protocol.ReaderStudySettings;

/**
 * The analysis of a study's reader-study arm: every read accounted for (in = analysed + excluded),
 * each modality's reader-averaged AUC and the difference aided − unaided with its interval and
 * test, each reader's AUC and the variance components; with the protocol's threshold also the
 * readers' sensitivity and specificity in each modality and their differences aided − unaided. An
 * undefined value is empty with its reason.
 *
 * @param settings the protocol's {@code reader_study} block
 * @param level the confidence level of the intervals
 * @param method the analysis in words, with the test used
 * @param design how the analysed reads cross readers, cases and modalities; empty when no read
 *     could be analysed
 * @param readers the readers, in the reads' order
 * @param positives positive cases analysed
 * @param negatives negative cases analysed
 * @param readsIn rows of the reads file
 * @param readsAnalysed reads analysed
 * @param excluded reads left out, grouped by reason
 * @param unaided the unaided reader-averaged AUC
 * @param aided the aided reader-averaged AUC
 * @param difference aided − unaided
 * @param perReader each reader's AUC in each modality
 * @param components the variance components, by name, in the analysis's order
 * @param undefinedReason why the whole AUC analysis is undefined, if it is
 * @param sensitivity the readers' sensitivity at {@code reader_study.threshold}; empty without a
 *     threshold
 * @param specificity the readers' specificity at that threshold; empty without a threshold
 */
public record ReaderStudyResults(
        ReaderStudySettings settings,
        ConfidenceLevel level,
        String method,
        Optional<StudyDesign> design,
        List<String> readers,
        int positives,
        int negatives,
        int readsIn,
        int readsAnalysed,
        List<Exclusion> excluded,
        MrmcValue unaided,
        MrmcValue aided,
        MrmcValue difference,
        List<ReaderAuc> perReader,
        Map<String, Double> components,
        Optional<String> undefinedReason,
        Optional<Proportion> sensitivity,
        Optional<Proportion> specificity) {

    /** The results of a reader study without a threshold: the AUC analysis only. */
    public ReaderStudyResults(
            ReaderStudySettings settings,
            ConfidenceLevel level,
            String method,
            Optional<StudyDesign> design,
            List<String> readers,
            int positives,
            int negatives,
            int readsIn,
            int readsAnalysed,
            List<Exclusion> excluded,
            MrmcValue unaided,
            MrmcValue aided,
            MrmcValue difference,
            List<ReaderAuc> perReader,
            Map<String, Double> components,
            Optional<String> undefinedReason) {
        this(
                settings,
                level,
                method,
                design,
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
                undefinedReason,
                Optional.empty(),
                Optional.empty());
    }

    public ReaderStudyResults {
        readers = List.copyOf(readers);
        excluded = List.copyOf(excluded);
        perReader = List.copyOf(perReader);
        components =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
        int out = excluded.stream().mapToInt(Exclusion::reads).sum();
        if (readsIn != readsAnalysed + out) {
            throw new IllegalArgumentException(
                    "reads are not accounted for: "
                            + readsIn
                            + " in, "
                            + readsAnalysed
                            + " analysed + "
                            + out
                            + " excluded");
        }
    }

    /** Returns the reads excluded. */
    public int readsExcluded() {
        return readsIn - readsAnalysed;
    }

    /**
     * Reads left out of the analysis for one reason.
     *
     * @param reason why, e.g. the reason the study quarantined their case
     * @param reads how many reads
     * @param cases of how many cases
     */
    public record Exclusion(String reason, int reads, int cases) {}

    /**
     * A reader-averaged AUC or a difference of two, with its test against ½ (an AUC) or 0 (the
     * difference).
     *
     * @param estimate the estimate; empty when undefined
     * @param se its standard error; empty when undefined
     * @param ci its interval at the results' level; empty when undefined
     * @param df the degrees of freedom of the t test; empty for a normal test or when undefined
     * @param statistic the test statistic; empty when undefined
     * @param p the two-sided p-value; empty when undefined
     * @param undefinedReason why the estimate or its interval is undefined, if it is
     */
    public record MrmcValue(
            OptionalDouble estimate,
            OptionalDouble se,
            Optional<Interval> ci,
            OptionalDouble df,
            OptionalDouble statistic,
            OptionalDouble p,
            Optional<String> undefinedReason) {

        /** A value that is undefined for {@code reason}. */
        public static MrmcValue undefined(String reason) {
            return new MrmcValue(
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.of(reason));
        }
    }

    /**
     * The readers' sensitivity or specificity at the protocol's threshold: each modality's
     * reader-averaged proportion with its normal-approximation interval, and the difference aided −
     * unaided with its interval and its z test against 0 ({@code statistic} is z, {@code df}
     * empty), from iMRMC's {@code uStat11} U-statistic variance.
     *
     * @param measure {@code sensitivity} or {@code specificity}
     * @param method the analysis in words
     * @param cases cases of the class concerned (positive for sensitivity, negative for
     *     specificity) read in either modality; 0 when undefined
     * @param unaided the unaided reader-averaged proportion
     * @param aided the aided reader-averaged proportion
     * @param difference aided − unaided
     * @param perReader each reader's proportion in each modality
     * @param undefinedReason why the whole proportion is undefined, if it is
     */
    public record Proportion(
            String measure,
            String method,
            int cases,
            MrmcValue unaided,
            MrmcValue aided,
            MrmcValue difference,
            List<ReaderValue> perReader,
            Optional<String> undefinedReason) {

        public Proportion {
            perReader = List.copyOf(perReader);
        }

        /** A proportion that is undefined for {@code reason}. */
        public static Proportion undefined(String measure, String method, String reason) {
            MrmcValue u = MrmcValue.undefined(reason);
            return new Proportion(measure, method, 0, u, u, u, List.of(), Optional.of(reason));
        }
    }

    /**
     * One reader's value in each modality.
     *
     * @param reader the reader
     * @param unaided the unaided value; empty when the reader read no case concerned
     * @param aided the aided value; empty likewise
     */
    public record ReaderValue(String reader, OptionalDouble unaided, OptionalDouble aided) {}

    /**
     * One reader's empirical AUC in each modality (over the cases the reader read there).
     *
     * @param reader the reader
     * @param unaided the unaided AUC; empty when the reader read no case of a class
     * @param aided the aided AUC; empty likewise
     */
    public record ReaderAuc(String reader, OptionalDouble unaided, OptionalDouble aided) {}
}
