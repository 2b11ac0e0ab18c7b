package org.clinval.features.steps;

import io.cucumber.java.en.Then;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.features.evidence.Measurement;
import org.clinval.features.evidence.Selection;
import org.clinval.workflows.analysis.Aggregate;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Measure;

/**
 * Performance of a segmentation study: means and medians of per-case overlap and distance metrics
 * over every case, computed by the workflows' segmentation analysis with its percentile bootstrap
 * over cases (the protocol's seed, replicates and table level). Minima and maxima are inclusive. An
 * undefined value (no case with a value) never meets a threshold.
 */
public final class SegmentationSteps {

    private final StudyWorld world;

    public SegmentationSteps(StudyWorld world) {
        this.world = world;
    }

    /** The mean (median) Dice, IoU or surface Dice over every case is at least {@code min}. */
    @Then("the {overlap} is at least {double}")
    public void overlapAtLeast(Measure measure, double min) {
        Selection all = world.run().all();
        Measurement m = measure(measure, all);
        world.measured(new StudyWorld.Subject(Optional.of(measure), all));
        world.check(
                m,
                m.quantity() + " >= " + Measurement.num(min),
                PerformanceSteps.estimateAtLeast(m, min));
    }

    /**
     * The mean or median of the 95th-percentile Hausdorff distance over the cases where it is
     * defined (both masks non-empty, or both empty) is at most {@code max} mm.
     */
    @Then("the 95th-percentile Hausdorff distance has a {aggregate} of at most {double} mm")
    public void hd95AtMost(Aggregate aggregate, double max) {
        Measure measure = aggregate == Aggregate.MEAN ? Measure.HD95_MEAN : Measure.HD95_MEDIAN;
        Selection all = world.run().all();
        Measurement m = measure(measure, all);
        world.measured(new StudyWorld.Subject(Optional.of(measure), all));
        world.check(m, m.quantity() + " <= " + Measurement.num(max), estimateAtMost(m, max));
    }

    /** Returns {@code measure} of {@code s} with the percentile bootstrap at the table level. */
    Measurement measure(Measure measure, Selection s) {
        return world.measures()
                .task(
                        measure,
                        s,
                        OptionalDouble.empty(),
                        CiMethod.BOOTSTRAP_PERCENTILE,
                        world.tableLevel());
    }

    static boolean estimateAtMost(Measurement m, double max) {
        return m.estimate().isPresent() && m.estimate().getAsDouble() <= max;
    }
}
