package org.clinval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.clinval.features.demo.DemoFeatures;
import org.clinval.features.testing.RunFolderFixture;
import org.clinval.risk.results.CucumberReport;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.workflows.service.AcceptanceResult;
import org.clinval.workflows.service.ScenarioStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with real Cucumber over run folders written by the workflow's own analysis types
 * ({@link RunFolderFixture}): 181/200 malignant cases marked, 274/303 benign unmarked, NPV 274/293,
 * 3 of 506 cases quarantined. Expected intervals are R 4.2.2's, named at each assertion.
 */
class AcceptanceRunTest {

    @TempDir Path dir;
    Path passing;

    @BeforeEach
    void setUp() throws IOException {
        passing = RunFolderFixture.in(dir.resolve("run-pass")).write();
    }

    private AcceptanceResult run(Path run, String feature) throws IOException {
        Path features = Files.createDirectories(dir.resolve("features-" + System.nanoTime()));
        Files.writeString(features.resolve("criteria.feature"), feature, StandardCharsets.UTF_8);
        return AcceptanceRun.run(run, features, run);
    }

    private static String feature(String... steps) {
        return "Feature: Criteria\n\n  Scenario: The criterion\n    Given the validation study of this run\n    "
                + String.join("\n    ", steps)
                + "\n";
    }

    private static AcceptanceResult.Scenario only(AcceptanceResult r) {
        assertThat(r.scenarios()).hasSize(1);
        return r.scenarios().get(0);
    }

    @Test
    void theDemoCriteriaPassOnAPassingRunAndTheReportsCarryTagsAndMeasurements() throws Exception {
        Path features = DemoFeatures.writeTo(dir.resolve("features"));
        AcceptanceResult r = AcceptanceRun.run(passing, features, passing);

        assertThat(r.passed()).isTrue();
        assertThat(r.scenarios()).hasSize(14).allMatch(AcceptanceResult.Scenario::passed);
        assertThat(r.json()).isEqualTo(passing.resolve("cucumber.json").toAbsolutePath());
        assertThat(r.html()).exists();
        assertThat(Files.readString(r.html())).contains("<html").contains("REQ-PERF-001");
        // The risk check's reader sees every scenario with its tags and status.
        CucumberReport report = CucumberReport.read(r.json());
        assertThat(report.scenarios()).hasSize(14).allMatch(ScenarioResult::passed);
        assertThat(report.scenarios().get(0).tags())
                .containsExactly("@performance", "@REQ-PERF-001");
        // Each measuring step attached its measurement: value, CI, method, level, counts.
        JsonNode firstStep =
                new ObjectMapper()
                        .readTree(r.json().toFile())
                        .get(0)
                        .path("elements")
                        .get(1)
                        .path("steps")
                        .get(0);
        JsonNode embedding = firstStep.path("embeddings").get(0);
        assertThat(embedding.path("mime_type").asText()).isEqualTo("application/json");
        String first =
                new String(
                        Base64.getDecoder().decode(embedding.path("data").asText()),
                        StandardCharsets.UTF_8);
        assertThat(firstStep.path("output").get(0).asText())
                .startsWith("met: required: sensitivity >= 0.8500; measured: sensitivity 0.9050");
        assertThat(first)
                .contains("\"quantity\" : \"sensitivity\"")
                .contains("\"successes\" : 181")
                .contains("\"trials\" : 200")
                .contains("\"method\" : \"Clopper-Pearson\"")
                .contains("\"level\" : 0.95")
                // binom.test(181, 200)$conf.int: 0.8556233600 0.9418303903 (R 4.2.2)
                .contains("0.85562336002")
                .contains("\"met\" : true");
    }

    @Test
    void aFailingCriterionStatesTheMeasuredValueItsIntervalAndWhatWasRequired() throws Exception {
        AcceptanceResult r = run(passing, feature("Then the sensitivity is at least 0.95"));

        assertThat(r.passed()).isFalse();
        AcceptanceResult.Scenario s = only(r);
        assertThat(s.status()).isEqualTo(ScenarioStatus.FAILED);
        // binom.test(181, 200)$conf.int: 0.8556233600 0.9418303903 (R 4.2.2)
        assertThat(s.message())
                .isEqualTo(
                        "Then the sensitivity is at least 0.95: required: sensitivity >= 0.9500;"
                                + " measured: sensitivity 0.9050 (181/200) in all cases, 95%"
                                + " Clopper-Pearson CI 0.8556 to 0.9418");
    }

    @Test
    void theLowerBoundIsThatOfTheStatedMethodAndLevel() throws Exception {
        AcceptanceResult r =
                run(
                        passing,
                        feature(
                                "Then the negative predictive value is at least 0.90",
                                "And the lower bound of its 95% Wilson interval is at least 0.91"));
        // prop.test(274, 293, correct = FALSE)$conf.int: 0.9009481151 0.9580963089 (R 4.2.2)
        assertThat(only(r).message())
                .isEqualTo(
                        "And the lower bound of its 95% Wilson interval is at least 0.91: required:"
                                + " lower bound of the 95% Wilson interval of the NPV >= 0.9100;"
                                + " measured: NPV 0.9352 (274/293) in all cases, 95% Wilson CI"
                                + " 0.9009 to 0.9581");
    }

    @Test
    void aSubgroupBelowItsGoalFailsTheSubgroupCriterionNamingIt() throws Exception {
        Path worse = RunFolderFixture.in(dir.resolve("run-worse")).missing(7).write();
        AcceptanceResult r =
                run(
                        worse,
                        feature(
                                "Then in every site subgroup with at least 30 positives the lower"
                                        + " bound of the 95% Clopper-Pearson interval of the"
                                        + " sensitivity is at least 0.75"));
        // binom.test(52, 65)$conf.int: 0.6823120281 0.8889841651 (R 4.2.2)
        assertThat(only(r).message())
                .contains("not met in 1 of 3: sensitivity 0.8000 (52/65) in site A")
                .contains("95% Clopper-Pearson CI 0.6823 to 0.8890")
                .doesNotContain("site B");
    }

    @Test
    void undefinedValuesFailWithTheirReasonInsteadOfPassing() throws Exception {
        AcceptanceResult noPositives =
                run(passing, feature("Then for the site \"E\" the sensitivity is at least 0.5"));
        assertThat(only(noPositives).message())
                .contains(
                        "sensitivity undefined (sensitivity is undefined: its denominator is 0 (no"
                                + " positive cases in site E (3 cases)))");
        AcceptanceResult noCases =
                run(passing, feature("Then for the site \"Z\" the sensitivity is at least 0.5"));
        assertThat(only(noCases).message()).contains("no case has site Z");
        AcceptanceResult nothingToCheck =
                run(
                        passing,
                        feature(
                                "Then in every site subgroup with at least 500 positives the"
                                        + " sensitivity is at least 0.5"));
        assertThat(only(nothingToCheck).message())
                .contains(
                        "no site subgroup with at least 500 positives: the criterion verifies nothing")
                .contains("A (65)");
        AcceptanceResult noPrior =
                run(
                        passing,
                        feature("Then the lower bound of its 95% Wilson interval is at least 0.5"));
        assertThat(only(noPrior).message()).contains("'its' refers to nothing");
    }

    @Test
    void nonInferiorityOfTheAucIsAStrictBoundOnTheDeLongInterval() throws Exception {
        AcceptanceResult r =
                run(
                        passing,
                        feature(
                                "Then the AUC is non-inferior to 0.99 with a margin of 0.01 at the"
                                        + " 95% level"));
        assertThat(only(r).message())
                .contains(
                        "required: lower bound of the 95% DeLong interval of the AUC > 0.9900 -"
                                + " 0.0100 = 0.9800")
                .contains("measured: AUC 0.9")
                .contains("95% DeLong CI");
        assertThat(
                        run(
                                        passing,
                                        feature(
                                                "Then the AUC is non-inferior to 0.90 with a margin of 0.05 at the 95% level"))
                                .passed())
                .isTrue();
    }

    @Test
    void quarantineCriteriaCountEveryCaseInAndNeedTheQuarantineList() throws Exception {
        AcceptanceResult share =
                run(passing, feature("Then at most 0.5% of cases were quarantined"));
        // binom.test(3, 506)$conf.int: 0.001224345039 0.017228129319 (R 4.2.2)
        assertThat(only(share).message())
                .contains("required: quarantined share <= 0.0050")
                .contains("quarantined share 0.0059 (3/506)")
                .contains("95% Clopper-Pearson CI 0.0012 to 0.0172");
        assertThat(
                        run(
                                        passing,
                                        feature(
                                                "Then at most 2% of cases were quarantined",
                                                "And every quarantined case has a reason"))
                                .passed())
                .isTrue();
        assertThat(only(run(passing, feature("Then no case was quarantined"))).message())
                .contains("3 quarantined, e.g. q-001 (q-001/IM001.dcm: not a DICOM file)");

        Path without = RunFolderFixture.in(dir.resolve("run-noq")).withoutQuarantineList().write();
        assertThat(
                        only(run(without, feature("Then every quarantined case has a reason")))
                                .message())
                .contains("quarantine.csv is missing: whether cases were quarantined is unknown");

        Files.writeString(
                passing.resolve("quarantine.csv"), "case_id,reason\nq-001,\nq-002,unreadable\n");
        assertThat(
                        only(run(passing, feature("Then every quarantined case has a reason")))
                                .message())
                .contains("1 of 2 have none: q-001 (quarantine.csv line 2)");
    }

    @Test
    void anEditedAuditTrailOrAChangedInputFailsTheIntegrityCriteria() throws Exception {
        String criteria =
                feature(
                        "Then the audit trail of the run verifies from the first entry to the last",
                        "And every input locked for the study still has its locked SHA-256",
                        "And the metrics were computed from these case results");
        assertThat(run(passing, criteria).passed()).isTrue();

        Path trail = passing.resolve("audit-trail.jsonl");
        Files.writeString(
                trail, Files.readString(trail).replace("3 files unchanged", "4 files unchanged"));
        assertThat(only(run(passing, criteria)).message())
                .contains("audit-trail.jsonl does not verify: entry 2 was edited");

        Path other = RunFolderFixture.in(dir.resolve("run-other")).write();
        Files.writeString(dir.resolve("inputs-run-other/model.json"), "another model\n");
        assertThat(
                        only(run(
                                        other,
                                        criteria.replace(
                                                "Then the audit trail of the run verifies from the first entry to the last\n    And",
                                                "Then")))
                                .message())
                .contains("1 of 3 locked inputs differ")
                .contains("model.json changed");
    }

    @Test
    void anUndefinedStepOrAFolderWithoutScenariosDoesNotPass() throws Exception {
        AcceptanceResult undefined = run(passing, feature("Then the moon is full"));
        assertThat(only(undefined).status()).isEqualTo(ScenarioStatus.UNDEFINED);
        assertThat(only(undefined).message()).isEqualTo("undefined step: Then the moon is full");
        assertThat(undefined.passed()).isFalse();

        AcceptanceResult empty = run(passing, "Feature: Nothing yet\n");
        assertThat(empty.scenarios()).isEmpty();
        assertThat(empty.passed()).isFalse();
        assertThat(empty.summary())
                .isEqualTo("no scenario ran: the acceptance criteria verified nothing");

        AcceptanceResult noRun =
                run(
                        passing,
                        "Feature: F\n  Scenario: S\n    Then the sensitivity is at least 0.5\n");
        assertThat(only(noRun).message()).contains("no study run: begin the scenario with");
    }

    @Test
    void aFeatureFileThatIsNotGherkinIsAnErrorNamingIt() throws Exception {
        assertThatThrownBy(() -> run(passing, "Feature F\n  this is not Gherkin\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the acceptance criteria could not be run")
                .hasMessageContaining("criteria.feature")
                .hasMessageContaining("(1:1): expected: #EOF, #Language, #TagLine, #FeatureLine");
        assertThatThrownBy(() -> AcceptanceRun.run(passing, dir.resolve("nowhere"), passing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nowhere: no such features folder or file");
    }

    @Test
    void runsInOneJvmDoNotSeeEachOther() throws Exception {
        Path worse = RunFolderFixture.in(dir.resolve("run-worse")).missing(7).write();
        String criterion = feature("Then the sensitivity is at least 0.9");
        AcceptanceResult a = run(passing, criterion);
        AcceptanceResult b = run(worse, criterion);
        AcceptanceResult again = run(passing, criterion);

        assertThat(a.passed()).isTrue();
        assertThat(b.passed()).isFalse();
        assertThat(only(b).message()).contains("(174/200)");
        assertThat(again.passed()).isTrue();
        assertThat(Files.readString(worse.resolve("cucumber.json"))).contains("174/200");
        assertThat(Files.readString(passing.resolve("cucumber.json"))).doesNotContain("174/200");
    }

    @Test
    void cucumberSettingsFromTheEnvironmentCannotLeaveACriterionOut() throws Exception {
        System.setProperty("cucumber.filter.tags", "@nothing");
        System.setProperty("cucumber.filter.name", "nothing");
        try {
            AcceptanceResult r = run(passing, feature("Then the sensitivity is at least 0.95"));
            assertThat(only(r).status()).isEqualTo(ScenarioStatus.FAILED);
        } finally {
            System.clearProperty("cucumber.filter.tags");
            System.clearProperty("cucumber.filter.name");
        }
    }
}
