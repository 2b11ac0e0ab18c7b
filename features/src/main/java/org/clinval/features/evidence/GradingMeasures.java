package org.clinval.features.evidence;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.agreement.CohenKappa;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.validation.design.PerformanceGoal;
import org.clinval.validation.design.PerformanceGoalResult;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.multiclass.GradeCut;
import org.clinval.validation.multiclass.GradedCases;
import org.clinval.workflows.analysis.GradedCase;
import org.clinval.workflows.analysis.GradingInputs;
import org.clinval.workflows.protocol.GradingSettings;

/**
 * Recomputes the measures of a grading study from the grading columns of its case results, by the
 * validation module's kappa ({@link CohenKappa}, Fleiss–Cohen–Everitt interval), binary cuts
 * ({@link GradeCut}, Clopper–Pearson interval) and exact superiority test ({@link
 * PerformanceGoal}).
 */
public final class GradingMeasures {

    private final StudyRun run;

    public GradingMeasures(StudyRun run) {
        this.run = run;
    }

    /** Returns the name of kappa with {@code w}, e.g. {@code quadratic weighted kappa}. */
    public static String kappaName(KappaWeights w) {
        return switch (w) {
            case NONE -> "kappa";
            case LINEAR -> "linear weighted kappa";
            case QUADRATIC -> "quadratic weighted kappa";
        };
    }

    /** Returns Cohen's kappa of the model's grades against the reference grades over all cases. */
    public Measurement kappa(KappaWeights w, ConfidenceLevel level) {
        GradedCases g = graded();
        KappaEstimate k = CohenKappa.of(g.confusion(), w, level);
        return new Measurement(
                kappaName(w),
                "all cases",
                k.kappa(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                g.n(),
                new Measures(run).matrix(run.all()).positives(),
                new Measures(run).matrix(run.all()).negatives(),
                k.ci(),
                "Fleiss-Cohen-Everitt",
                level,
                k.undefinedReason());
    }

    /**
     * A proportion at a cut of the scale with its superiority test.
     *
     * @param value the proportion with its two-sided Clopper–Pearson interval at {@code 1 − 2α}
     * @param test the one-sided exact binomial test against the goal
     */
    public record Superiority(Measurement value, Optional<PerformanceGoalResult> test) {}

    /**
     * Returns the sensitivity (or specificity) of the model's grade at {@code minGrade} (a grade
     * name or 0-based index) and its superiority test against {@code goal} at one-sided {@code
     * alpha}: {@code binom.test(x, n, goal, alternative = "greater")}.
     */
    public Superiority superiority(
            boolean sensitivity, String minGrade, double goal, double alpha) {
        GradingSettings s = settings();
        OptionalInt cut = s.scale().parse(minGrade);
        if (cut.isEmpty() || cut.getAsInt() == 0) {
            throw new IllegalArgumentException(
                    "grade "
                            + minGrade
                            + " is not a cut of the protocol's scale: "
                            + s.scale().describe()
                            + ", above the lowest");
        }
        ConfidenceLevel level = ConfidenceLevel.of(1 - 2 * alpha);
        GradeCut c = GradeCut.of(graded(), cut.getAsInt(), level);
        Proportion p = sensitivity ? c.sensitivity() : c.specificity();
        Optional<PerformanceGoalResult> test =
                p.trials() == 0
                        ? Optional.empty()
                        : Optional.of(
                                PerformanceGoal.exactBinomial(
                                        p.successes(),
                                        p.trials(),
                                        goal,
                                        ConfidenceLevel.of(1 - alpha)));
        Measurement m =
                new Measurement(
                        (sensitivity ? "sensitivity" : "specificity")
                                + " at grade "
                                + s.scale().name(cut.getAsInt())
                                + " or above",
                        "all cases",
                        p.estimate(),
                        OptionalLong.of(p.successes()),
                        OptionalLong.of(p.trials()),
                        graded().n(),
                        c.sensitivity().trials(),
                        c.specificity().trials(),
                        p.interval(BinomialInterval.CLOPPER_PEARSON),
                        "Clopper-Pearson",
                        level,
                        p.undefinedReason());
        return new Superiority(m, test);
    }

    private GradingSettings settings() {
        return run.protocol()
                .grading()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "the study is not a grading study (its task is "
                                                + run.protocol().task().key()
                                                + ")"));
    }

    private GradedCases graded() {
        GradingSettings s = settings();
        GradingInputs in = run.task().grading().orElseThrow();
        int n = in.cases().size();
        int[] t = new int[n];
        int[] p = new int[n];
        double[][] pr = new double[n][];
        for (int i = 0; i < n; i++) {
            GradedCase c = in.cases().get(i);
            t[i] = c.truthGrade();
            p[i] = c.predictedGrade();
            pr[i] = c.probabilities();
        }
        return GradedCases.of(s.scale().grades(), t, p, pr);
    }
}
