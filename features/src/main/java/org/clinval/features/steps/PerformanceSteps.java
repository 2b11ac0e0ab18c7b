package org.clinval.features.steps;

import io.cucumber.java.en.Then;
import java.util.Optional;
import org.clinval.features.evidence.Measurement;
import org.clinval.features.evidence.Measures;
import org.clinval.features.evidence.Selection;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/**
 * Performance at the operating point and the AUC, on every case or on the cases of one site,
 * manufacturer, sex or age band. Minima are inclusive ({@code >=}); non-inferiority is strict. Each
 * value is recorded with the interval of the protocol's tables (method and level), so the
 * scenario's output always shows the value with its interval.
 */
public final class PerformanceSteps {

    private final StudyWorld world;

    public PerformanceSteps(StudyWorld world) {
        this.world = world;
    }

    @Then("the {measure} is at least {double}")
    public void atLeast(Measure measure, double min) {
        proportionAtLeast(measure, world.run().all(), min);
    }

    @Then("the {measure} at the operating point is at least {double}")
    public void atTheOperatingPointAtLeast(Measure measure, double min) {
        proportionAtLeast(measure, world.run().all(), min);
    }

    @Then("for the {attribute} {string} the {measure} is at least {double}")
    public void inOneSubgroupAtLeast(String attribute, String value, Measure measure, double min) {
        Selection s = world.run().where(attribute, value);
        if (s.size() == 0) {
            throw new AssertionError(
                    "no case has "
                            + s.description()
                            + ": the "
                            + Measures.name(measure)
                            + " there is undefined, so it cannot reach "
                            + Measurement.num(min));
        }
        proportionAtLeast(measure, s, min);
    }

    @Then("the AUC is at least {double}")
    public void aucAtLeast(double min) {
        Selection all = world.run().all();
        Measurement m = world.measures().auc(all, world.tableLevel());
        world.measured(new StudyWorld.Subject(Optional.empty(), all));
        world.check(m, "AUC >= " + Measurement.num(min), estimateAtLeast(m, min));
    }

    /**
     * The lower bound of the last measured value's two-sided interval, by the stated method and at
     * the stated level, is at least {@code min}. For the AUC only DeLong's interval is available;
     * for a segmentation or detection aggregate a bootstrap interval, with the protocol's seed and
     * replicates ({@code bootstrap} alone is the percentile interval).
     */
    @Then("the lower bound of its {level} {interval} interval is at least {double}")
    public void lowerBoundAtLeast(ConfidenceLevel level, CiMethod method, double min) {
        StudyWorld.Subject s = world.last();
        Measurement m = interval(s, method, level);
        String requirement =
                "lower bound of the "
                        + Measurement.percent(level.value())
                        + " "
                        + Measures.methodName(method)
                        + " interval of the "
                        + m.quantity()
                        + " >= "
                        + Measurement.num(min);
        world.check(m, requirement, m.ci().isPresent() && m.ci().get().lower() >= min);
    }

    /**
     * Non-inferiority of the AUC to {@code reference} with margin {@code margin}: the lower bound
     * of the two-sided DeLong interval of the AUC at {@code level} is greater than {@code reference
     * − margin} (strictly). This is the one-sided test of {@code H0: AUC <= reference − margin} at
     * {@code α = (1 − level) / 2}. An AUC without an interval (fewer than 2 cases in a class) is
     * not shown non-inferior.
     */
    @Then("the AUC is non-inferior to {double} with a margin of {double} at the {level} level")
    public void aucNonInferior(double reference, double margin, ConfidenceLevel level) {
        if (!(margin >= 0) || !(reference > 0) || reference > 1) {
            throw new IllegalArgumentException(
                    "non-inferiority needs a reference AUC in (0, 1] and a margin >= 0: "
                            + reference
                            + ", "
                            + margin);
        }
        Selection all = world.run().all();
        Measurement m = world.measures().auc(all, level);
        world.measured(new StudyWorld.Subject(Optional.empty(), all));
        double bound = reference - margin;
        world.check(
                m,
                "lower bound of the "
                        + Measurement.percent(level.value())
                        + " DeLong interval of the AUC > "
                        + Measurement.num(reference)
                        + " - "
                        + Measurement.num(margin)
                        + " = "
                        + Measurement.num(bound),
                m.ci().isPresent() && m.ci().get().lower() > bound);
    }

    private void proportionAtLeast(Measure measure, Selection s, double min) {
        Measurement m =
                world.measures().proportion(measure, s, world.tableMethod(), world.tableLevel());
        world.measured(new StudyWorld.Subject(Optional.of(measure), s));
        world.check(m, m.quantity() + " >= " + Measurement.num(min), estimateAtLeast(m, min));
    }

    private Measurement interval(StudyWorld.Subject s, CiMethod method, ConfidenceLevel level) {
        if (s.measure().isEmpty()) {
            if (method != CiMethod.DELONG) {
                throw new IllegalArgumentException(
                        "the AUC's interval here is DeLong's, not " + Measures.methodName(method));
            }
            return world.measures().auc(s.selection(), level);
        }
        if (method == CiMethod.DELONG) {
            throw new IllegalArgumentException(
                    "DeLong's interval is for the AUC, not the "
                            + Measures.name(s.measure().get()));
        }
        if (!s.measure().get().isCaseLevel()) {
            return world.measures()
                    .task(s.measure().get(), s.selection(), s.fpPerScan(), method, level);
        }
        return world.measures().proportion(s.measure().get(), s.selection(), method, level);
    }

    static boolean estimateAtLeast(Measurement m, double min) {
        return m.estimate().isPresent() && m.estimate().getAsDouble() >= min;
    }
}
