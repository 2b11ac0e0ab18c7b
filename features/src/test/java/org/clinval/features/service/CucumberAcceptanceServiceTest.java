package org.clinval.features.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.features.demo.DemoFeatures;
import org.clinval.features.testing.RunFolderFixture;
import org.clinval.workflows.service.AcceptanceResult;
import org.clinval.workflows.service.AcceptanceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow's acceptance step as the app wires it, with real Cucumber over run folders written
 * by the workflow's analysis: a failing scenario is reported as not passed, which is what sends the
 * study down the deviation path (see the workflow's process test for the gateway).
 */
class CucumberAcceptanceServiceTest {

    @TempDir Path dir;

    private final AcceptanceService service = new CucumberAcceptanceService();

    @Test
    void aPassingRunMeetsTheDemoCriteriaAndTheReportsLandInTheRunFolder() throws Exception {
        Path run = RunFolderFixture.in(dir.resolve("run")).write();
        AcceptanceResult r = service.verify(run, DemoFeatures.writeTo(dir.resolve("features")));

        assertThat(r.passed()).isTrue();
        assertThat(run.resolve(AcceptanceService.CUCUMBER_JSON)).isEqualTo(r.json()).exists();
        assertThat(run.resolve(AcceptanceService.CUCUMBER_HTML)).isEqualTo(r.html()).exists();
    }

    @Test
    void aFailingAcceptanceScenarioIsReportedAsNotPassedWithItsReason() throws Exception {
        // 7 more malignant cases of site A unmarked: site A's sensitivity is 52/65, whose 95%
        // Clopper-Pearson lower bound, binom.test(52, 65) in R 4.2.2, is 0.6823 < 0.75.
        Path run = RunFolderFixture.in(dir.resolve("run")).missing(7).write();
        AcceptanceResult r = service.verify(run, DemoFeatures.writeTo(dir.resolve("features")));

        assertThat(r.passed()).isFalse();
        assertThat(r.failures())
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.name())
                                    .isEqualTo(
                                            "Sensitivity holds at every site with informative data");
                            assertThat(f.tags()).contains("@REQ-SUB-001");
                            assertThat(f.message()).contains("site A").contains("0.6823");
                        });
        assertThat(r.toJson()).contains("\"passed\" : false").contains("\"status\" : \"failed\"");
        assertThat(Files.readString(r.json())).contains("\"status\":\"failed\"");
    }
}
