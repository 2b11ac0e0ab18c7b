package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.clinval.validation.agreement.CohenKappa;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.validation.binary.ConfusionMatrix;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.multiclass.GradeCut;
import org.clinval.validation.multiclass.GradedCases;
import org.clinval.validation.multiclass.HandTill;
import org.clinval.validation.multiclass.HandTillAuc;
import org.clinval.validation.multiclass.OneVsRest;
import org.clinval.workflows.protocol.Criterion;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.GradingEndpoint;
import org.clinval.workflows.protocol.GradingSettings;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Computes and judges the endpoints of a grading study that need the grades: the kappas (at the
 * criterion's level), the multi-class AUCs (estimate only), and sensitivity or specificity at a
 * grading endpoint, with a superiority clause when the criterion states a goal: it passes when the
 * exact binomial p-value is below alpha.
 */
final class GradingEvaluation {

    private GradingEvaluation() {}

    static EndpointResult evaluate(
            Endpoint endpoint, ConfusionMatrix m, StudyProtocol protocol, TaskInputs task) {
        GradingSettings s = protocol.grading().orElseThrow();
        GradingInputs inputs =
                task.grading()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                endpoint.criterion().measure().key()
                                                        + " needs the grading columns"));
        GradedCases g = GradingAnalysis.graded(s, inputs.cases());
        Criterion c = endpoint.criterion();
        Measure measure = c.measure();
        if (measure.isKappa()) {
            KappaWeights w =
                    measure == Measure.KAPPA
                            ? KappaWeights.NONE
                            : measure == Measure.KAPPA_LINEAR
                                    ? KappaWeights.LINEAR
                                    : KappaWeights.QUADRATIC;
            KappaEstimate k = CohenKappa.of(g.confusion(), w, c.level());
            String why = k.undefinedReason().orElse("");
            return EndpointEvaluation.judge(
                    endpoint,
                    k.kappa(),
                    k.ci(),
                    why,
                    why,
                    "Fleiss-Cohen-Everitt Wald",
                    OptionalLong.empty(),
                    OptionalLong.of(k.n()),
                    m,
                    OptionalLong.empty(),
                    OptionalLong.empty());
        }
        if (measure.isMulticlassAuc()) {
            OptionalDouble estimate;
            String why;
            String method;
            if (measure == Measure.AUC_HAND_TILL) {
                HandTillAuc h = HandTill.auc(g);
                estimate = h.auc();
                why = h.undefinedReason().orElse("");
                method = "Hand-Till (pROC::multiclass.roc)";
            } else {
                estimate = OneVsRest.macroAuc(OneVsRest.of(g, c.level()));
                why = "the macro-average AUC is undefined: fewer than two grades are observed";
                method = "mean of one-vs-rest AUCs";
            }
            return EndpointEvaluation.judge(
                    endpoint,
                    estimate,
                    java.util.Optional.empty(),
                    why,
                    why,
                    method,
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    m,
                    OptionalLong.empty(),
                    OptionalLong.empty());
        }
        return cut(endpoint, m, s, g);
    }

    /** Sensitivity or specificity at a grading endpoint, with its superiority test if stated. */
    private static EndpointResult cut(
            Endpoint endpoint, ConfusionMatrix m, GradingSettings s, GradedCases g) {
        Criterion c = endpoint.criterion();
        GradingEndpoint e = c.gradingEndpoint().flatMap(s::endpoint).orElse(s.caseLevel());
        GradeCut cut = GradeCut.of(g, e.minGrade(), c.level());
        Proportion p = c.measure() == Measure.SENSITIVITY ? cut.sensitivity() : cut.specificity();
        BinomialInterval method = c.ciMethod().binomial().orElseThrow();
        String why = p.undefinedReason().orElse("");
        ConfusionMatrix table =
                new ConfusionMatrix(
                        cut.sensitivity().successes(),
                        cut.specificity().trials() - cut.specificity().successes(),
                        cut.specificity().successes(),
                        cut.sensitivity().trials() - cut.sensitivity().successes());
        EndpointResult r =
                EndpointEvaluation.judge(
                        endpoint,
                        p.estimate(),
                        p.interval(method),
                        why,
                        why,
                        method.key() + " at " + e.id(),
                        OptionalLong.of(p.successes()),
                        OptionalLong.of(p.trials()),
                        table,
                        OptionalLong.empty(),
                        OptionalLong.empty());
        if (c.superiorityGoal().isEmpty()) {
            return r;
        }
        List<String> reasons = new ArrayList<>(r.reasons());
        boolean pass = r.passed() || (c.estimateMin().isEmpty() && c.ciLowerMin().isEmpty());
        OptionalDouble pValue = OptionalDouble.empty();
        double goal = c.superiorityGoal().getAsDouble();
        double alpha = c.alpha().getAsDouble();
        if (p.trials() == 0) {
            pass = false;
            reasons.add(
                    why + ", so it cannot be shown superior to " + EndpointEvaluation.num(goal));
        } else {
            GradingResults.Superiority t = GradingAnalysis.test(endpoint, g, e);
            pValue = OptionalDouble.of(t.test().p());
            pass &= t.superior();
            reasons.add(
                    c.measure().key()
                            + " "
                            + p.successes()
                            + "/"
                            + p.trials()
                            + " superior to "
                            + EndpointEvaluation.num(goal)
                            + ": one-sided exact binomial p = "
                            + pValue(t.test().p())
                            + (t.superior() ? " < " : " >= ")
                            + EndpointEvaluation.num(alpha)
                            + " (lower "
                            + EndpointEvaluation.num((1 - alpha) * 100)
                            + "% bound "
                            + EndpointEvaluation.num(t.test().lowerBound())
                            + ")");
        }
        return new EndpointResult(
                r.endpoint(),
                r.estimate(),
                r.ci(),
                r.method(),
                r.numerator(),
                r.denominator(),
                r.positives(),
                r.negatives(),
                r.seed(),
                r.replicates(),
                pass ? Verdict.PASS : Verdict.FAIL,
                reasons,
                pValue);
    }

    private static String pValue(double p) {
        return p < 1e-4
                ? String.format(java.util.Locale.ROOT, "%.2e", p)
                : EndpointEvaluation.num(p);
    }
}
