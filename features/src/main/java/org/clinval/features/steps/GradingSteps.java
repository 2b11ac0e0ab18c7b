package org.clinval.features.steps;

import io.cucumber.java.en.Then;
import java.util.Optional;
import org.clinval.features.evidence.GradingMeasures;
import org.clinval.features.evidence.Measurement;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.agreement.KappaWeights;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/**
 * Performance of a grading study, recomputed from the grading columns of its case results: Cohen's
 * kappa of the model's grade against the reference grade with its Fleiss–Cohen–Everitt interval,
 * and sensitivity or specificity at a cut of the scale with a one-sided exact binomial superiority
 * test (R's {@code binom.test(x, n, goal, alternative = "greater")}). Minima are inclusive; a
 * superiority test passes when its p-value is below alpha. An undefined value never passes.
 */
public final class GradingSteps {

    private final StudyWorld world;

    public GradingSteps(StudyWorld world) {
        this.world = world;
    }

    /** Kappa (unweighted, linear or quadratic weights) over every case is at least {@code min}. */
    @Then("the {kappa} is at least {double}")
    public void kappaAtLeast(KappaWeights weights, double min) {
        Measurement m = new GradingMeasures(world.run()).kappa(weights, world.tableLevel());
        world.measured(new StudyWorld.Subject(Optional.of(measure(weights)), world.run().all()));
        world.check(
                m,
                m.quantity() + " >= " + Measurement.num(min),
                PerformanceSteps.estimateAtLeast(m, min));
    }

    /**
     * The lower bound of the last value's interval at {@code level} by its usual method is at least
     * {@code min}: Fleiss–Cohen–Everitt for a kappa, the protocol's table method for a proportion,
     * DeLong for the AUC, the percentile bootstrap for a segmentation or detection aggregate.
     */
    @Then("the lower bound of its {level} interval is at least {double}")
    public void lowerBoundAtLeast(ConfidenceLevel level, double min) {
        StudyWorld.Subject s = world.last();
        Measurement m;
        if (s.measure().isPresent() && s.measure().get().isKappa()) {
            m = new GradingMeasures(world.run()).kappa(weights(s.measure().get()), level);
        } else if (s.measure().isEmpty()) {
            m = world.measures().auc(s.selection(), level);
        } else if (s.measure().get().isCaseLevel()) {
            m =
                    world.measures()
                            .proportion(
                                    s.measure().get(), s.selection(), world.tableMethod(), level);
        } else {
            m =
                    world.measures()
                            .task(
                                    s.measure().get(),
                                    s.selection(),
                                    s.fpPerScan(),
                                    CiMethod.BOOTSTRAP_PERCENTILE,
                                    level);
        }
        String requirement =
                "lower bound of the "
                        + Measurement.percent(level.value())
                        + " "
                        + m.method()
                        + " interval of the "
                        + m.quantity()
                        + " >= "
                        + Measurement.num(min);
        world.check(m, requirement, m.ci().isPresent() && m.ci().get().lower() >= min);
    }

    /**
     * For a binary endpoint of the scale (positive at grade {@code minGrade} or above, by name or
     * 0-based index; {@code name} is its name in words), the sensitivity or specificity is shown
     * superior to {@code goal}: the one-sided exact binomial p-value is below {@code alpha}.
     */
    @Then(
            "for {} \\(grade {} or above) the {measure} is superior to {double} at the one-sided"
                    + " {share} level")
    public void superior(String name, String minGrade, Measure measure, double goal, Double alpha) {
        if (measure != Measure.SENSITIVITY && measure != Measure.SPECIFICITY) {
            throw new IllegalArgumentException(
                    "superiority at a grade is for sensitivity or specificity, not "
                            + measure.key());
        }
        if (!(goal > 0 && goal < 1) || !(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException(
                    "the goal must be in (0, 1) and the level in (0%, 50%): "
                            + goal
                            + ", "
                            + alpha);
        }
        GradingMeasures.Superiority s =
                new GradingMeasures(world.run())
                        .superiority(measure == Measure.SENSITIVITY, minGrade, goal, alpha);
        Measurement m = s.value();
        String requirement =
                m.quantity()
                        + " ("
                        + name
                        + ") superior to "
                        + Measurement.num(goal)
                        + ": one-sided exact binomial p < "
                        + Measurement.num(alpha)
                        + s.test()
                                .map(t -> " (p = " + pValue(t.p()) + ")")
                                .orElse(" (no cases to test)");
        world.measured(new StudyWorld.Subject(Optional.of(measure), world.run().all()));
        world.check(m, requirement, s.test().isPresent() && s.test().get().p() < alpha);
    }

    private static String pValue(double p) {
        return p < 1e-4 ? String.format(java.util.Locale.ROOT, "%.2e", p) : Measurement.num(p);
    }

    private static Measure measure(KappaWeights w) {
        return switch (w) {
            case NONE -> Measure.KAPPA;
            case LINEAR -> Measure.KAPPA_LINEAR;
            case QUADRATIC -> Measure.KAPPA_QUADRATIC;
        };
    }

    private static KappaWeights weights(Measure m) {
        return switch (m) {
            case KAPPA -> KappaWeights.NONE;
            case KAPPA_LINEAR -> KappaWeights.LINEAR;
            default -> KappaWeights.QUADRATIC;
        };
    }
}
