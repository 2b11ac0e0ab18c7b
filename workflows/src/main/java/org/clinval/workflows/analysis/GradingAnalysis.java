package org.clinval.workflows.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.agreement.AgreementTable;
import org.clinval.validation.agreement.CohenKappa;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.validation.design.PerformanceGoal;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.multiclass.ClassAccuracy;
import org.clinval.validation.multiclass.GradeCut;
import org.clinval.validation.multiclass.GradedCases;
import org.clinval.validation.multiclass.HandTill;
import org.clinval.validation.multiclass.OneVsRest;
import org.clinval.workflows.protocol.Criterion;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.GradingEndpoint;
import org.clinval.workflows.protocol.GradingSettings;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.StudyProtocol;

/**
 * Analyses the grades of a grading study: the confusion matrix, Cohen's kappa of each weighting
 * ({@link CohenKappa}), one-vs-rest accuracy and AUC per grade and their macro average ({@link
 * OneVsRest}), the Hand–Till AUC ({@link HandTill}), each binary endpoint of the scale ({@link
 * GradeCut}) with the exact superiority tests its criteria state ({@link PerformanceGoal}), and the
 * inter-grader kappa of the reference standard.
 *
 * <p>The case-level table of the case results must be the first grading endpoint's cut: the label
 * is the positive class exactly when the reference grade is at least its minimum grade, and the
 * prediction exactly when the model's grade is.
 */
public final class GradingAnalysis {

    private GradingAnalysis() {}

    /**
     * Analyses {@code inputs} of {@code cases} under {@code protocol}.
     *
     * @throws IllegalArgumentException if the grading columns are of other cases, or disagree with
     *     the case-level table, naming the case
     */
    public static GradingResults analyse(
            StudyProtocol protocol, List<CaseResult> cases, GradingInputs inputs) {
        GradingSettings s =
                protocol.grading()
                        .orElseThrow(() -> new IllegalArgumentException("not a grading protocol"));
        requireSameCases(protocol, cases, inputs.cases());
        ConfidenceLevel level = protocol.statistics().level();
        GradedCases g = graded(s, inputs.cases());
        Map<KappaWeights, KappaEstimate> kappas = new EnumMap<>(KappaWeights.class);
        AgreementTable confusion = g.confusion();
        for (KappaWeights w : KappaWeights.values()) {
            kappas.put(w, CohenKappa.of(confusion, w, level));
        }
        List<ClassAccuracy> classes = OneVsRest.of(g, level);
        List<GradingResults.Cut> cuts = new ArrayList<>();
        for (GradingEndpoint e : s.endpoints()) {
            cuts.add(
                    new GradingResults.Cut(
                            e, GradeCut.of(g, e.minGrade(), level), superiority(protocol, g, e)));
        }
        return new GradingResults(
                s.scale().grades(),
                confusion,
                kappas,
                classes,
                OneVsRest.macroAuc(classes),
                HandTill.auc(g),
                cuts,
                interGrader(s, inputs, level));
    }

    /** Returns the grades of {@code cases} as the validation module takes them. */
    static GradedCases graded(GradingSettings s, List<GradedCase> cases) {
        int n = cases.size();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[][] p = new double[n][];
        long without = 0;
        for (int i = 0; i < n; i++) {
            truth[i] = cases.get(i).truthGrade();
            predicted[i] = cases.get(i).predictedGrade();
            p[i] = cases.get(i).probabilities();
            if (p[i].length == 0) without++;
        }
        if (without == n && n > 0) {
            return GradedCases.withoutProbabilities(s.scale().grades(), truth, predicted);
        }
        if (without > 0) {
            throw new IllegalArgumentException(
                    without
                            + " of "
                            + n
                            + " cases have no class probabilities: a run gives them for every case"
                            + " or for none");
        }
        return GradedCases.of(s.scale().grades(), truth, predicted, p);
    }

    /** The superiority tests the protocol's criteria ask of endpoint {@code e}. */
    private static List<GradingResults.Superiority> superiority(
            StudyProtocol protocol, GradedCases g, GradingEndpoint e) {
        List<GradingResults.Superiority> out = new ArrayList<>();
        GradingEndpoint first = protocol.grading().orElseThrow().caseLevel();
        for (Endpoint x : protocol.endpoints()) {
            Criterion c = x.criterion();
            if (c.superiorityGoal().isEmpty()
                    || !c.gradingEndpoint().orElse(first.id()).equals(e.id())) {
                continue;
            }
            out.add(test(x, g, e));
        }
        return out;
    }

    /** The superiority test of study endpoint {@code x} at grading endpoint {@code e}. */
    static GradingResults.Superiority test(Endpoint x, GradedCases g, GradingEndpoint e) {
        Criterion c = x.criterion();
        double alpha = c.alpha().getAsDouble();
        GradeCut cut = GradeCut.of(g, e.minGrade(), c.level());
        Proportion p = c.measure() == Measure.SENSITIVITY ? cut.sensitivity() : cut.specificity();
        if (p.trials() == 0) {
            throw new IllegalArgumentException(
                    "endpoint "
                            + x.id()
                            + ": "
                            + c.measure().key()
                            + " at "
                            + e.id()
                            + " has no cases to test");
        }
        return new GradingResults.Superiority(
                x.id(),
                c.measure().key(),
                alpha,
                PerformanceGoal.exactBinomial(
                        p.successes(),
                        p.trials(),
                        c.superiorityGoal().getAsDouble(),
                        ConfidenceLevel.of(1 - alpha)));
    }

    private static List<GradingResults.GraderAgreement> interGrader(
            GradingSettings s, GradingInputs inputs, ConfidenceLevel level) {
        List<GradingResults.GraderAgreement> out = new ArrayList<>();
        List<String> graders = inputs.graders();
        for (int a = 0; a < graders.size(); a++) {
            for (int b = a + 1; b < graders.size(); b++) {
                long[][] counts = new long[s.scale().size()][s.scale().size()];
                long n = 0;
                for (int[] row : inputs.graderGrades()) {
                    if (row[a] < 0 || row[b] < 0) continue;
                    counts[row[a]][row[b]]++;
                    n++;
                }
                if (n == 0) continue;
                out.add(
                        new GradingResults.GraderAgreement(
                                graders.get(a),
                                graders.get(b),
                                CohenKappa.of(
                                        AgreementTable.of(s.scale().grades(), counts),
                                        KappaWeights.QUADRATIC,
                                        level)));
            }
        }
        return out;
    }

    /**
     * Checks that the grading columns are of the same cases in the same order and agree with the
     * case-level table (the first grading endpoint).
     */
    static void requireSameCases(
            StudyProtocol protocol, List<CaseResult> cases, List<GradedCase> graded) {
        if (cases.size() != graded.size()) {
            throw new IllegalArgumentException(
                    "the grading columns have "
                            + graded.size()
                            + " rows but there are "
                            + cases.size()
                            + " case results");
        }
        GradingEndpoint first = protocol.grading().orElseThrow().caseLevel();
        String positive = protocol.operatingPoint().positiveClass();
        for (int i = 0; i < cases.size(); i++) {
            CaseResult c = cases.get(i);
            GradedCase x = graded.get(i);
            if (!c.caseId().equals(x.caseId())) {
                throw new IllegalArgumentException(
                        "row " + (i + 1) + ": case " + x.caseId() + " is not " + c.caseId());
            }
            boolean label = x.truthGrade() >= first.minGrade();
            if (label != c.label().equals(positive)) {
                throw new IllegalArgumentException(
                        "case "
                                + c.caseId()
                                + ": label "
                                + c.label()
                                + " disagrees with truth grade "
                                + protocol.grading().get().scale().name(x.truthGrade())
                                + " at "
                                + first.id()
                                + " (grade >= "
                                + protocol.grading().get().scale().name(first.minGrade())
                                + " is the positive class '"
                                + positive
                                + "')");
            }
            if ((x.predictedGrade() >= first.minGrade()) != c.prediction()) {
                throw new IllegalArgumentException(
                        "case "
                                + c.caseId()
                                + ": prediction "
                                + (c.prediction() ? 1 : 0)
                                + " disagrees with predicted grade "
                                + protocol.grading().get().scale().name(x.predictedGrade())
                                + " at "
                                + first.id());
            }
        }
    }
}
