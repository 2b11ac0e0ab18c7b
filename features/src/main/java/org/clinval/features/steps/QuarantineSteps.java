package org.clinval.features.steps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.stream.Collectors;
import org.clinval.features.evidence.Measurement;
import org.clinval.features.evidence.QuarantinedCase;
import org.clinval.features.evidence.StudyRun;

/**
 * The cases the inference step set aside. A run folder without {@code quarantine.csv} fails these
 * steps: whether cases were quarantined is then unknown, not "none".
 */
public final class QuarantineSteps {

    private static final int SHOWN = 5;

    private final StudyWorld world;

    public QuarantineSteps(StudyWorld world) {
        this.world = world;
    }

    @Then("no case was quarantined")
    public void noneQuarantined() {
        List<QuarantinedCase> q = quarantine();
        ObjectNode o = summary(q, "no case quarantined", q.isEmpty());
        world.record("quarantined cases", o);
        world.log(q.size() + " cases quarantined");
        if (!q.isEmpty()) {
            throw new AssertionError(
                    "required: no case quarantined; measured: "
                            + q.size()
                            + " quarantined, e.g. "
                            + q.stream()
                                    .limit(SHOWN)
                                    .map(c -> c.caseId() + " (" + c.reason() + ")")
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** The share {@code quarantined / (results + quarantined)} is at most {@code max}. */
    @Then("at most {share} of cases were quarantined")
    public void atMost(Double max) {
        quarantine();
        Measurement m =
                world.measures().quarantined(world.tableMethod(), world.tableLevel()).orElseThrow();
        world.check(
                m,
                "quarantined share <= " + Measurement.num(max),
                m.estimate().isPresent() && m.estimate().getAsDouble() <= max);
    }

    @Then("every quarantined case has a reason")
    public void everyOneHasAReason() {
        List<QuarantinedCase> q = quarantine();
        List<QuarantinedCase> without = q.stream().filter(c -> !c.hasReason()).toList();
        ObjectNode o = summary(q, "every quarantined case has a reason", without.isEmpty());
        ArrayNode bad = o.putArray("without_reason");
        without.forEach(c -> bad.add(c.caseId()));
        world.record("quarantine reasons", o);
        world.log(q.size() + " cases quarantined, " + without.size() + " without a reason");
        if (!without.isEmpty()) {
            throw new AssertionError(
                    "required: every quarantined case has a reason; "
                            + without.size()
                            + " of "
                            + q.size()
                            + " have none: "
                            + without.stream()
                                    .limit(SHOWN)
                                    .map(
                                            c ->
                                                    c.caseId()
                                                            + " ("
                                                            + StudyRun.QUARANTINE
                                                            + " line "
                                                            + c.line()
                                                            + ")")
                                    .collect(Collectors.joining(", ")));
        }
    }

    private List<QuarantinedCase> quarantine() {
        return world.run()
                .quarantine()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        world.run().dir().resolve(StudyRun.QUARANTINE)
                                                + " is missing: whether cases were quarantined is"
                                                + " unknown"));
    }

    private ObjectNode summary(List<QuarantinedCase> q, String requirement, boolean met) {
        ObjectNode o = world.object();
        o.put("run", world.run().id());
        o.put("quantity", "quarantined cases");
        o.put("quarantined", q.size());
        o.put("results", world.run().cases().size());
        o.put("n", q.size() + world.run().cases().size());
        o.put("requirement", requirement);
        o.put("met", met);
        return o;
    }
}
