package org.clinval.reports.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.validation.Interval;

/**
 * The grading results of a grading study: the confusion matrix of grades, Cohen's kappa of each
 * weighting, one-vs-rest accuracy and AUC per grade, the macro-average and Hand–Till AUCs, each
 * binary endpoint of the scale with its superiority tests, and the agreement of the graders.
 *
 * @param grades the grade names, lowest first
 * @param confusion {@code confusion.get(i).get(j)}: cases of reference grade {@code i} the model
 *     graded {@code j}
 * @param level the two-sided confidence level of every interval but the superiority bounds
 * @param reference the reference rule in words, e.g. {@code majority of grader_1, grader_2}
 * @param kappas unweighted, linear and quadratic kappa
 * @param classes one row per grade
 * @param macroAuc the mean one-vs-rest AUC, empty when undefined
 * @param handTill the Hand–Till AUC, empty when undefined
 * @param endpoints the binary endpoints of the scale
 * @param interGrader quadratic-weighted kappa of each pair of graders
 */
public record GradingSection(
        List<String> grades,
        List<List<Long>> confusion,
        double level,
        String reference,
        List<Kappa> kappas,
        List<GradeClass> classes,
        OptionalDouble macroAuc,
        OptionalDouble handTill,
        List<Cut> endpoints,
        List<Kappa> interGrader) {

    public GradingSection {
        grades = List.copyOf(grades);
        confusion = confusion.stream().map(List::copyOf).toList();
        kappas = List.copyOf(kappas);
        classes = List.copyOf(classes);
        endpoints = List.copyOf(endpoints);
        interGrader = List.copyOf(interGrader);
        if (confusion.size() != grades.size()) {
            throw new IllegalArgumentException(
                    "the confusion matrix has "
                            + confusion.size()
                            + " rows for "
                            + grades.size()
                            + " grades");
        }
    }

    /** Returns the number of graded cases. */
    public long cases() {
        return confusion.stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
    }

    /**
     * A kappa with its interval.
     *
     * @param name e.g. {@code quadratic} or {@code grader_1 vs grader_2}
     * @param estimate kappa, empty when undefined
     * @param se its standard error
     * @param ci its Wald interval
     * @param n rated cases
     * @param undefinedReason why it is undefined, if it is
     */
    public record Kappa(
            String name,
            OptionalDouble estimate,
            OptionalDouble se,
            Optional<Interval> ci,
            long n,
            Optional<String> undefinedReason) {}

    /**
     * A proportion with its exact interval.
     *
     * @param successes numerator
     * @param trials denominator
     * @param estimate the proportion, empty without trials
     * @param ci its Clopper–Pearson interval
     */
    public record Share(
            long successes, long trials, OptionalDouble estimate, Optional<Interval> ci) {}

    /**
     * One grade against the rest.
     *
     * @param grade the grade's name
     * @param n cases of the grade
     * @param sensitivity cases of the grade graded as it
     * @param specificity other cases not graded as it
     * @param auc the one-vs-rest AUC of the grade's probability
     * @param aucCi its DeLong interval
     */
    public record GradeClass(
            String grade,
            long n,
            Share sensitivity,
            Share specificity,
            OptionalDouble auc,
            Optional<Interval> aucCi) {}

    /**
     * A binary endpoint of the scale.
     *
     * @param id its id
     * @param name its name
     * @param minGrade the smallest positive grade
     * @param sensitivity at the cut
     * @param specificity at the cut
     * @param tests the superiority tests the protocol's criteria ask of it
     */
    public record Cut(
            String id,
            String name,
            String minGrade,
            Share sensitivity,
            Share specificity,
            List<Superiority> tests) {
        public Cut {
            tests = List.copyOf(tests);
        }
    }

    /**
     * A one-sided exact binomial superiority test.
     *
     * @param endpoint the study endpoint that asked for it
     * @param measure sensitivity or specificity
     * @param goal the goal p0
     * @param alpha the one-sided level
     * @param p the p-value
     * @param lowerBound the one-sided {@code 1 − alpha} lower bound
     * @param superior whether {@code p < alpha}
     */
    public record Superiority(
            String endpoint,
            String measure,
            double goal,
            double alpha,
            double p,
            double lowerBound,
            boolean superior) {}
}
