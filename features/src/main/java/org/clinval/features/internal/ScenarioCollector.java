package org.clinval.features.internal;

import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.Node;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.TestStepFinished;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.clinval.workflows.service.AcceptanceResult;
import org.clinval.workflows.service.ScenarioStatus;

/**
 * Listens to one Cucumber run and keeps each scenario's outcome: its feature's name, tags, status
 * and, when it did not pass, the first step that did not, with its message.
 */
public final class ScenarioCollector implements ConcurrentEventListener {

    private final Map<URI, String> features = new ConcurrentHashMap<>();
    private final Map<UUID, String> firstProblem = new ConcurrentHashMap<>();
    private final List<AcceptanceResult.Scenario> scenarios = new ArrayList<>();
    private final List<String> runErrors = new ArrayList<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceParsed.class, this::parsed);
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
        publisher.registerHandlerFor(TestCaseFinished.class, this::caseFinished);
        publisher.registerHandlerFor(Envelope.class, this::message);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    /**
     * Returns why the run itself failed (a feature file that is not Gherkin, a glue error), naming
     * the file where Cucumber does; empty when it ran.
     */
    public List<String> runErrors() {
        synchronized (runErrors) {
            return List.copyOf(runErrors);
        }
    }

    private void message(Envelope e) {
        e.getParseError()
                .ifPresent(
                        p -> {
                            synchronized (runErrors) {
                                runErrors.add(
                                        p.getSource().getUri().map(u -> u + ": ").orElse("")
                                                + p.getMessage());
                            }
                        });
    }

    private void runFinished(TestRunFinished e) {
        Throwable t = e.getResult().getError();
        if (t != null) {
            synchronized (runErrors) {
                runErrors.add(t.getMessage() == null ? t.toString() : t.getMessage());
            }
        }
    }

    /** Returns the scenarios in the order they finished. */
    public List<AcceptanceResult.Scenario> scenarios() {
        synchronized (scenarios) {
            return List.copyOf(scenarios);
        }
    }

    private void parsed(TestSourceParsed e) {
        for (Node n : e.getNodes()) {
            if (n instanceof Node.Feature f) {
                features.put(e.getUri(), f.getName().orElse(""));
            }
        }
    }

    private void stepFinished(TestStepFinished e) {
        Result r = e.getResult();
        if (r.getStatus() == Status.PASSED) {
            return;
        }
        String step =
                e.getTestStep() instanceof PickleStepTestStep p
                        ? p.getStep().getKeyword() + p.getStep().getText()
                        : e.getTestStep() instanceof HookTestStep h
                                ? h.getHookType().name().toLowerCase(java.util.Locale.ROOT)
                                        + " hook "
                                        + h.getCodeLocation()
                                : e.getTestStep().getCodeLocation();
        String what =
                switch (r.getStatus()) {
                    case UNDEFINED -> "undefined step: " + step.strip();
                    case PENDING -> "pending step: " + step.strip();
                    case AMBIGUOUS -> "ambiguous step: " + step.strip();
                    case SKIPPED -> "skipped: " + step.strip();
                    default -> step.strip();
                };
        if (r.getError() != null && r.getStatus() != Status.UNDEFINED) {
            String m = r.getError().getMessage();
            what += ": " + (m == null ? r.getError().getClass().getSimpleName() : m.strip());
        }
        String message = what;
        firstProblem.compute(
                e.getTestCase().getId(),
                (id, earlier) ->
                        earlier != null && !earlier.startsWith("skipped: ") ? earlier : message);
    }

    private void caseFinished(TestCaseFinished e) {
        TestCase t = e.getTestCase();
        ScenarioStatus status = ScenarioStatus.valueOf(e.getResult().getStatus().name());
        String message =
                status == ScenarioStatus.PASSED
                        ? ""
                        : firstProblem.getOrDefault(t.getId(), status.key());
        AcceptanceResult.Scenario s =
                new AcceptanceResult.Scenario(
                        features.getOrDefault(t.getUri(), ""),
                        t.getUri().toString(),
                        t.getLocation().getLine(),
                        t.getName(),
                        t.getTags(),
                        status,
                        message);
        synchronized (scenarios) {
            scenarios.add(s);
        }
    }
}
