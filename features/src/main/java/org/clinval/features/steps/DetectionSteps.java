package org.clinval.features.steps;

import io.cucumber.java.en.Then;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.features.evidence.Measurement;
import org.clinval.features.evidence.Selection;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/**
 * Performance of a detection study by the LUNA16 rules, computed by the workflows' detection
 * analysis: the FROC's CPM and its sensitivity at a false-positive rate over every candidate, with
 * the percentile bootstrap over scans (the protocol's seed, replicates and table level), and the
 * lesion-level sensitivity at the operating threshold with the interval of the protocol's tables
 * over lesions. Minima are inclusive; an undefined value (no reference lesion) never meets one.
 */
public final class DetectionSteps {

    private final StudyWorld world;

    public DetectionSteps(StudyWorld world) {
        this.world = world;
    }

    /** LUNA16's competition performance metric: the mean sensitivity at 1/8 to 8 FP per scan. */
    @Then("the CPM is at least {double}")
    public void cpmAtLeast(double min) {
        atLeast(Measure.FROC_CPM, OptionalDouble.empty(), CiMethod.BOOTSTRAP_PERCENTILE, min);
    }

    /** The FROC sensitivity at {@code rate} false positives per scan. */
    @Then("the sensitivity at {double} false positive(s) per scan is at least {double}")
    public void sensitivityAtFpAtLeast(double rate, double min) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(
                    "a false-positive rate per scan must be positive: " + rate);
        }
        atLeast(
                Measure.SENSITIVITY_AT_FP,
                OptionalDouble.of(rate),
                CiMethod.BOOTSTRAP_PERCENTILE,
                min);
    }

    /** Lesions hit by a candidate accepted at the operating threshold, over all lesions. */
    @Then("the lesion-level sensitivity is at least {double}")
    public void lesionSensitivityAtLeast(double min) {
        atLeast(Measure.LESION_SENSITIVITY, OptionalDouble.empty(), world.tableMethod(), min);
    }

    private void atLeast(Measure measure, OptionalDouble rate, CiMethod method, double min) {
        Selection all = world.run().all();
        Measurement m = world.measures().task(measure, all, rate, method, world.tableLevel());
        world.measured(new StudyWorld.Subject(Optional.of(measure), all, rate));
        world.check(
                m,
                m.quantity() + " >= " + Measurement.num(min),
                PerformanceSteps.estimateAtLeast(m, min));
    }
}
