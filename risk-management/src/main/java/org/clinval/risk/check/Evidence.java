package org.clinval.risk.check;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clinval.risk.ScenarioRef;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.ScenarioResult;

/** Checks scenario references against the results of a run, by the rules of {@link ScenarioRef}. */
final class Evidence {

    private final Optional<ResultsSource> results;

    Evidence(Optional<ResultsSource> results) {
        this.results = results;
    }

    /** Returns whether {@code scenario} matches every part {@code ref} gives. */
    static boolean matches(ScenarioRef ref, ScenarioResult scenario) {
        if (ref.tag().isPresent() && !scenario.tags().contains(ref.tag().get())) {
            return false;
        }
        if (ref.feature().isPresent()) {
            String want = ref.feature().get().replace('\\', '/');
            String path = scenario.featurePath();
            if (!path.equals(want) && !path.endsWith("/" + want)) {
                return false;
            }
        }
        return ref.scenario().isEmpty() || ref.scenario().get().equals(scenario.name());
    }

    EvidenceCheck check(Purpose purpose, String subject, ScenarioRef ref) {
        if (results.isEmpty()) {
            return new EvidenceCheck(
                    purpose,
                    subject,
                    ref,
                    true,
                    List.of(),
                    EvidenceStatus.NO_RESULTS,
                    "not confirmed: no study run given");
        }
        ResultsSource r = results.get();
        if (ref.run().isPresent() && !ref.run().get().equals(r.runId())) {
            return new EvidenceCheck(
                    purpose,
                    subject,
                    ref,
                    true,
                    List.of(),
                    EvidenceStatus.OTHER_RUN,
                    "must come from run "
                            + ref.run().get()
                            + "; the results are of run "
                            + r.runId());
        }
        List<ScenarioResult> matched = r.scenarios().stream().filter(s -> matches(ref, s)).toList();
        if (matched.isEmpty()) {
            return new EvidenceCheck(
                    purpose,
                    subject,
                    ref,
                    true,
                    matched,
                    EvidenceStatus.NOT_FOUND,
                    "matches no scenario of run " + r.runId() + " (removed, renamed or untagged?)");
        }
        return judged(purpose, subject, ref, true, matched, r.runId());
    }

    /** Returns the check of scenarios found without a declared reference. */
    static EvidenceCheck judged(
            Purpose purpose,
            String subject,
            ScenarioRef ref,
            boolean declared,
            List<ScenarioResult> matched,
            String runId) {
        List<ScenarioResult> bad = matched.stream().filter(s -> !s.passed()).toList();
        if (bad.isEmpty()) {
            return new EvidenceCheck(
                    purpose,
                    subject,
                    ref,
                    declared,
                    matched,
                    EvidenceStatus.PASSED,
                    matched.size()
                            + (matched.size() == 1 ? " scenario" : " scenarios")
                            + " passed in run "
                            + runId);
        }
        return new EvidenceCheck(
                purpose,
                subject,
                ref,
                declared,
                matched,
                EvidenceStatus.NOT_PASSED,
                bad.size()
                        + " of "
                        + matched.size()
                        + (matched.size() == 1 ? " scenario" : " scenarios")
                        + " did not pass in run "
                        + runId
                        + ": "
                        + bad.stream().map(Evidence::describe).collect(Collectors.joining("; ")));
    }

    private static String describe(ScenarioResult s) {
        return s.describe()
                + " "
                + s.status().key()
                + s.failure().map(f -> " (" + f + ")").orElse("");
    }
}
