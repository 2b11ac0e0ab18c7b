package org.clinval.risk.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.results.ScenarioStatus;

/** A small plan (three levels per scale) and helpers to write registers and results in tests. */
public final class SmallFiles {

    /**
     * Matrix: S1 [acceptable, acceptable, investigate], S2 [acceptable, investigate, unacceptable],
     * S3 [investigate, unacceptable, unacceptable]; at most one residual risk in the investigate
     * region; unacceptable residual risks accepted on a benefit-risk analysis.
     */
    public static final String PLAN =
            """
            plan: {id: RMP-T, title: Test plan}
            severity:
              - {id: S1, name: minor, description: no intervention}
              - {id: S2, name: serious, description: intervention}
              - {id: S3, name: critical, description: permanent}
            probability:
              - {id: P1, name: rare, description: "< 1e-5"}
              - {id: P2, name: occasional, description: "1e-5 to 1e-3"}
              - {id: P3, name: frequent, description: ">= 1e-3"}
            acceptability:
              definitions: {acceptable: fine, investigate: reduce as far as possible, unacceptable: no}
              matrix:
                S1: [acceptable, acceptable, investigate]
                S2: [acceptable, investigate, unacceptable]
                S3: [investigate, unacceptable, unacceptable]
            overall_residual_risk:
              method: all together
              max_investigate: 1
              accept_unacceptable_with_benefit_risk: true
            """;

    public static final String REQUIREMENTS =
            """
            requirements:
              - {id: REQ-A, text: a, source: s, verified_by: [{tag: "@REQ-A"}]}
              - {id: REQ-B, text: b, source: s, verified_by: [{tag: "@REQ-B"}]}
            """;

    private SmallFiles() {}

    /**
     * Writes the plan, the requirements and {@code register} (after its header) into {@code dir}.
     */
    public static Path write(Path dir, String register) {
        return write(dir, REQUIREMENTS, register);
    }

    /** Writes the plan, {@code requirements} and {@code register} into {@code dir}. */
    public static Path write(Path dir, String requirements, String register) {
        Fixtures.write(dir, "plan.yaml", PLAN);
        Fixtures.write(dir, "requirements.yaml", requirements);
        return Fixtures.write(
                dir,
                "risk-file.yaml",
                "risk_file: {id: RMF-T, title: Test, plan: plan.yaml, requirements:"
                        + " requirements.yaml}\n"
                        + register);
    }

    /** Returns a passed scenario of {@code features/t.feature} with {@code tags}. */
    public static ScenarioResult passed(String name, String... tags) {
        return scenario(name, ScenarioStatus.PASSED, tags);
    }

    /** Returns a scenario of {@code features/t.feature} with {@code status} and {@code tags}. */
    public static ScenarioResult scenario(String name, ScenarioStatus status, String... tags) {
        return new ScenarioResult(
                "file:features/t.feature",
                "T",
                name,
                3,
                List.of(tags),
                status,
                status == ScenarioStatus.FAILED ? Optional.of("boom") : Optional.empty());
    }

    /** Returns results of run {@code runId} holding {@code scenarios}. */
    public static Optional<ResultsSource> results(String runId, ScenarioResult... scenarios) {
        List<ScenarioResult> list = List.of(scenarios);
        return Optional.of(
                new ResultsSource() {
                    @Override
                    public String runId() {
                        return runId;
                    }

                    @Override
                    public String location() {
                        return "memory";
                    }

                    @Override
                    public List<ScenarioResult> scenarios() {
                        return list;
                    }
                });
    }
}
