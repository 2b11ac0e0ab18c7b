package org.clinval.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.clinval.features.testing.RunFolderFixture;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.workflows.protocol.CiMethod;
import org.clinval.workflows.protocol.Criterion;
import org.clinval.workflows.protocol.Endpoint;
import org.clinval.workflows.protocol.EndpointRole;
import org.clinval.workflows.protocol.Measure;
import org.clinval.workflows.protocol.ProtocolDraft;
import org.clinval.workflows.protocol.Subgroups;
import org.clinval.workflows.service.AcceptanceResult;
import org.clinval.workflows.service.ScenarioStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drafted criteria run with real Cucumber over the run folders of {@link RunFolderFixture}
 * (sensitivity 181/200, specificity 274/303, sites D and E too small to inform): every step they
 * use is defined, and each scenario passes or fails as its endpoint does.
 */
class AcceptanceTemplateTest {

    @TempDir Path dir;

    private static final Subgroups SUBGROUPS =
            new Subgroups(List.of("site", "manufacturer"), 30, OptionalDouble.empty());

    private AcceptanceResult run(Path run, String feature) throws Exception {
        Path features = Files.createDirectories(dir.resolve("features-" + System.nanoTime()));
        Files.writeString(
                features.resolve(AcceptanceTemplate.FILE_NAME), feature, StandardCharsets.UTF_8);
        return AcceptanceRun.run(run, features, run);
    }

    @Test
    void theDraftedCriteriaOfThePlaceholderEndpointsAllRunAndPassOnAPassingRun() throws Exception {
        Path run = RunFolderFixture.in(dir.resolve("run")).write();
        String feature =
                AcceptanceTemplate.write("CLV-1", ProtocolDraft.placeholderEndpoints(), SUBGROUPS);

        AcceptanceResult r = run(run, feature);

        assertThat(r.scenarios())
                .extracting(AcceptanceResult.Scenario::name)
                .containsExactly(
                        "EP1 Sensitivity at the operating point",
                        "EP2 Specificity at the operating point",
                        "EP3 Area under the ROC curve",
                        "Every site subgroup too small to inform is listed",
                        "Every scanner manufacturer subgroup too small to inform is listed",
                        "The results come from the locked inputs and the trail is intact",
                        "Every case set aside is quarantined with its reason");
        assertThat(r.scenarios()).allMatch(AcceptanceResult.Scenario::passed);
        assertThat(feature)
                .contains(
                        "  Scenario: EP1 Sensitivity at the operating point\n"
                                + "    Then the sensitivity at the operating point is at least"
                                + " 0.8\n"
                                + "    And the lower bound of its 95% Clopper-Pearson interval is"
                                + " at least 0.7\n")
                .contains(
                        "  Scenario: EP3 Area under the ROC curve\n"
                                + "    Then the AUC is at least 0.85\n"
                                + "    And the lower bound of its 95% DeLong interval is at least"
                                + " 0.75\n")
                .contains("  # @REQ-…   (the protocol's EP1 verifies REQ-TODO-EP1)\n");
    }

    @Test
    void anEndpointThatIsMissedFailsItsOwnScenarioOnly() throws Exception {
        // 59 more misses: sensitivity 122/200 = 0.61 < 0.8
        Path run = RunFolderFixture.in(dir.resolve("run-fail")).missing(59).write();
        String feature =
                AcceptanceTemplate.write("CLV-1", ProtocolDraft.placeholderEndpoints(), SUBGROUPS);

        AcceptanceResult r = run(run, feature);

        assertThat(r.failures())
                .extracting(AcceptanceResult.Scenario::name)
                .containsExactly("EP1 Sensitivity at the operating point");
        assertThat(r.failures().get(0).status()).isEqualTo(ScenarioStatus.FAILED);
        assertThat(r.failures().get(0).message())
                .startsWith(
                        "Then the sensitivity at the operating point is at least 0.8: required:"
                                + " sensitivity >= 0.8000; measured: sensitivity 0.6100 (122/200)");
    }

    @Test
    void aBoundWithoutAnEstimateIsMeasuredAgainstTheBoundAndABootstrapBoundHasNoStep() {
        ConfidenceLevel l = ConfidenceLevel.of(0.975);
        Endpoint npv =
                new Endpoint(
                        "EP4",
                        EndpointRole.SECONDARY,
                        "NPV",
                        new Criterion(
                                Measure.NPV,
                                OptionalDouble.empty(),
                                OptionalDouble.of(0.9),
                                CiMethod.WILSON,
                                l),
                        List.of("REQ-9"),
                        List.of());
        Endpoint auc =
                new Endpoint(
                        "EP5",
                        EndpointRole.SECONDARY,
                        "AUC",
                        new Criterion(
                                Measure.AUC,
                                OptionalDouble.empty(),
                                OptionalDouble.of(0.8),
                                CiMethod.BOOTSTRAP_BCA,
                                l),
                        List.of("REQ-9"),
                        List.of());

        String feature =
                AcceptanceTemplate.write(
                        "CLV-1",
                        List.of(npv, auc),
                        new Subgroups(List.of(), 30, OptionalDouble.empty()));

        assertThat(feature)
                .contains(
                        "  Scenario: EP4 NPV\n"
                                + "    Then the negative predictive value at the operating point is"
                                + " at least 0.9\n"
                                + "    And the lower bound of its 97.5% Wilson interval is at least"
                                + " 0.9\n")
                .contains(
                        "  # EP5 (secondary): lower bound of its 97.5% bootstrap_bca interval >="
                                + " 0.8\n"
                                + "  # Its bootstrap_bca interval has no step: the run's report"
                                + " shows it.\n\n")
                .doesNotContain("Scenario: EP5")
                .doesNotContain("Scenario Outline");
    }
}
