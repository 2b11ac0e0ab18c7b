package org.clinval.workflows.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clinval.validation.agreement.AgreementTable;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.validation.design.PerformanceGoalResult;
import org.clinval.validation.multiclass.ClassAccuracy;
import org.clinval.validation.multiclass.GradeCut;
import org.clinval.validation.multiclass.HandTillAuc;
import org.clinval.workflows.protocol.GradingEndpoint;

/**
 * The grading analysis of a study, every number at the protocol's table level.
 *
 * @param grades the grade names in scale order
 * @param confusion rows the reference grade, columns the model's
 * @param kappas Cohen's kappa by weighting, with the Fleiss–Cohen–Everitt interval
 * @param classes one-vs-rest sensitivity, specificity and AUC per grade
 * @param macroAuc mean of the defined one-vs-rest AUCs, empty when fewer than two are
 * @param handTill the Hand–Till multi-class AUC
 * @param endpoints each binary endpoint of the scale with its exact intervals and the superiority
 *     tests the protocol's criteria ask of it
 * @param interGrader quadratic-weighted kappa of each pair of graders over the reference standard
 */
public record GradingResults(
        List<String> grades,
        AgreementTable confusion,
        Map<KappaWeights, KappaEstimate> kappas,
        List<ClassAccuracy> classes,
        OptionalDouble macroAuc,
        HandTillAuc handTill,
        List<Cut> endpoints,
        List<GraderAgreement> interGrader) {

    public GradingResults {
        grades = List.copyOf(grades);
        kappas = Collections.unmodifiableMap(new EnumMap<>(kappas));
        classes = List.copyOf(classes);
        endpoints = List.copyOf(endpoints);
        interGrader = List.copyOf(interGrader);
    }

    /**
     * One binary endpoint of the scale.
     *
     * @param endpoint the endpoint as the protocol states it
     * @param cut sensitivity and specificity at the cut with every binomial interval
     * @param superiority the superiority tests the criteria ask, by study endpoint id
     */
    public record Cut(GradingEndpoint endpoint, GradeCut cut, List<Superiority> superiority) {
        public Cut {
            superiority = List.copyOf(superiority);
        }
    }

    /**
     * A one-sided exact binomial superiority test of a study endpoint.
     *
     * @param studyEndpoint the id of the study endpoint whose criterion asked for it
     * @param measure {@code sensitivity} or {@code specificity}
     * @param alpha the one-sided significance level
     * @param test counts, goal, p-value and one-sided lower bound at {@code 1 − alpha}
     */
    public record Superiority(
            String studyEndpoint, String measure, double alpha, PerformanceGoalResult test) {

        /** Returns whether the p-value is below alpha. */
        public boolean superior() {
            return test.p() < alpha;
        }
    }

    /**
     * The agreement of two graders.
     *
     * @param first the first grader's column
     * @param second the second grader's column
     * @param kappa quadratic-weighted kappa over the rows both graded
     */
    public record GraderAgreement(String first, String second, KappaEstimate kappa) {}
}
