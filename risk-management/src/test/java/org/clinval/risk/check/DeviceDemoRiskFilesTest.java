package org.clinval.risk.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinval.risk.Acceptability;
import org.clinval.risk.ControlKind;
import org.clinval.risk.Hazard;
import org.clinval.risk.Requirement;
import org.clinval.risk.RiskControl;
import org.clinval.risk.RiskManagementFile;
import org.clinval.risk.ScenarioRef;
import org.clinval.risk.results.ResultsSource;
import org.clinval.risk.results.ScenarioResult;
import org.clinval.risk.results.ScenarioStatus;
import org.clinval.risk.testing.Fixtures;
import org.clinval.risk.testing.SmallFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo risk files of the segmentation and detection devices are valid, name what their
 * protocols and acceptance criteria name, and are judged by the scenarios of a run.
 *
 * <p>The scenarios of the devices' acceptance criteria are written out here as the features module
 * has them ({@code nodule-segmentation.feature}, {@code nodule-detection.feature}: names and tags,
 * with the feature's own tags). Evidence a study run does not hold (labelling, usability,
 * integrity, monitoring) is stood in for by one scenario per referenced tag.
 */
class DeviceDemoRiskFilesTest {

    private static final String SEG_URI = "file:features/nodule-segmentation.feature";
    private static final String SEG_NAME =
            "Segmentation performance of the nodule U-Net on the locked test set";
    private static final String DICE =
            "The masks overlap the reference well enough for volumetric" + " follow-up";
    private static final List<ScenarioResult> SEGMENTATION =
            List.of(
                    scenario(
                            SEG_URI,
                            SEG_NAME,
                            DICE,
                            11,
                            "@REQ-SEG-001",
                            "@RCM-SEG-001",
                            "@HAZ-SEG-001",
                            "@performance",
                            "@segmentation"),
                    scenario(
                            SEG_URI,
                            SEG_NAME,
                            "The contours lie close to the reference boundary",
                            16,
                            "@REQ-SEG-002",
                            "@RCM-SEG-001",
                            "@HAZ-SEG-001",
                            "@performance",
                            "@segmentation"),
                    scenario(
                            SEG_URI,
                            SEG_NAME,
                            "No scanner is left behind",
                            20,
                            "@REQ-SEG-003",
                            "@RCM-SEG-002",
                            "@HAZ-SEG-002",
                            "@performance",
                            "@segmentation"));

    private static final String DET_URI = "file:features/nodule-detection.feature";
    private static final String DET_NAME =
            "Detection performance of the nodule detector on the locked test set";
    private static final String CPM = "Few nodules are missed across the FROC operating range";
    private static final String AT_ONE_FP = "Few nodules are missed at one false positive per scan";
    private static final List<ScenarioResult> DETECTION =
            List.of(
                    scenario(
                            DET_URI,
                            DET_NAME,
                            CPM,
                            11,
                            "@REQ-DET-001",
                            "@RCM-DET-001",
                            "@HAZ-DET-001",
                            "@performance",
                            "@detection"),
                    scenario(
                            DET_URI,
                            DET_NAME,
                            AT_ONE_FP,
                            15,
                            "@REQ-DET-001",
                            "@RCM-DET-001",
                            "@HAZ-DET-001",
                            "@performance",
                            "@detection"),
                    scenario(
                            DET_URI,
                            DET_NAME,
                            "Nodules are found at the locked operating threshold",
                            19,
                            "@REQ-DET-002",
                            "@RCM-DET-002",
                            "@HAZ-DET-002",
                            "@performance",
                            "@detection"));

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"segmentation", "detection"})
    void filesAreValidAndNameTheIdsOfTheirProtocolAndCriteria(String device) {
        RiskManagementFile f = Fixtures.read(Fixtures.demo(dir, device));
        List<ScenarioResult> criteria = criteria(device);
        Set<String> tags = new LinkedHashSet<>();
        criteria.forEach(s -> tags.addAll(s.tags()));
        assertThat(f.requirements().stream().map(Requirement::tag))
                .containsAll(tags.stream().filter(t -> t.startsWith("@REQ-")).toList());
        assertThat(f.register().controls().stream().map(c -> "@" + c.id()))
                .containsAll(tags.stream().filter(t -> t.startsWith("@RCM-")).toList());
        assertThat(f.register().hazards().stream().map(h -> "@" + h.id()))
                .containsAll(tags.stream().filter(t -> t.startsWith("@HAZ-")).toList());
        assertThat(f.register().controls().stream().map(RiskControl::kind).distinct())
                .containsExactlyInAnyOrder(ControlKind.values());
        assertThat(f.register().hazards().stream().map(Hazard::hazard).toList())
                .anyMatch(h -> h.contains("wrong patient"))
                .anyMatch(h -> h.contains("other than the validated one"))
                .anyMatch(h -> h.contains("health information"))
                .anyMatch(h -> h.contains("outside the intended use"))
                .anyMatch(h -> h.contains("automation bias"));
    }

    /** One scale and one matrix for every demo device; shared requirements worded once. */
    @ParameterizedTest
    @ValueSource(strings = {"segmentation", "detection"})
    void planLevelsAndSharedRequirementsAreTheClassifiers(String device) {
        RiskManagementFile f = Fixtures.read(Fixtures.demo(dir.resolve(device), device));
        RiskManagementFile classifier = Fixtures.read(Fixtures.demo(dir.resolve("classifier")));
        assertThat(f.plan().id()).isNotEqualTo(classifier.plan().id());
        assertThat(f.plan().severity()).isEqualTo(classifier.plan().severity());
        assertThat(f.plan().probability()).isEqualTo(classifier.plan().probability());
        assertThat(f.plan().matrix()).isEqualTo(classifier.plan().matrix());
        assertThat(f.plan().definitions()).isEqualTo(classifier.plan().definitions());
        assertThat(f.plan().overall().maxInvestigate())
                .isEqualTo(classifier.plan().overall().maxInvestigate());
        assertThat(f.plan().overall().acceptUnacceptableWithBenefitRisk())
                .isEqualTo(classifier.plan().overall().acceptUnacceptableWithBenefitRisk());
        List<String> shared = new ArrayList<>();
        for (Requirement r : f.requirements()) {
            classifier
                    .requirement(r.id())
                    .ifPresent(
                            c -> {
                                assertThat(r.text()).as(r.id()).isEqualTo(c.text());
                                shared.add(r.id());
                            });
        }
        assertThat(shared)
                .containsExactlyInAnyOrder(
                        "REQ-TRC-001",
                        "REQ-AUD-001",
                        "REQ-MOD-001",
                        "REQ-PHI-001",
                        "REQ-DATA-001",
                        "REQ-DATA-002",
                        "REQ-INP-001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"segmentation", "detection"})
    void everyTaggedScenarioPassedGivesEffectiveControlsAndAnAcceptableOverallRisk(String device) {
        RiskManagementFile f = Fixtures.read(Fixtures.demo(dir, device));
        RiskCheckReport r = RiskCheck.check(f, results(f, criteria(device), Set.of()));

        assertThat(r.gaps()).isEmpty();
        assertThat(r.controls()).isNotEmpty().allMatch(ControlAssessment::effective);
        assertThat(r.risks()).noneMatch(RiskAssessment::raised);
        for (RiskAssessment a : r.risks()) {
            assertThat(a.residual()).as(a.id()).isEqualTo(a.hazard().residual());
            assertThat(a.residualAcceptability()).as(a.id()).isEqualTo(a.claimedAcceptability());
        }
        String prefix = device.equals("segmentation") ? "HAZ-SEG-" : "HAZ-DET-";
        List<String> investigate =
                device.equals("segmentation")
                        ? List.of(prefix + "001", prefix + "002", prefix + "003")
                        : List.of(prefix + "001", prefix + "003", prefix + "004");
        assertThat(r.risks())
                .filteredOn(a -> a.residualAcceptability() == Acceptability.INVESTIGATE)
                .extracting(RiskAssessment::id)
                .containsExactlyElementsOf(investigate);
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.ACCEPTABLE);
        assertThat(r.risks()).hasSize(device.equals("segmentation") ? 9 : 10);
        assertThat(r.overall().residualCounts())
                .containsExactly(
                        Map.entry(Acceptability.ACCEPTABLE, r.risks().size() - 3),
                        Map.entry(Acceptability.INVESTIGATE, 3),
                        Map.entry(Acceptability.UNACCEPTABLE, 0));
        assertThat(r.overall().statement())
                .startsWith("The overall residual risk is acceptable by plan " + f.plan().id());
    }

    /** A run of the device alone: its criteria verify the performance controls, tag by tag. */
    @ParameterizedTest
    @ValueSource(strings = {"segmentation", "detection"})
    void theCriteriaOfARunVerifyThePerformanceControls(String device) {
        RiskManagementFile f = Fixtures.read(Fixtures.demo(dir, device));
        List<ScenarioResult> criteria = criteria(device);
        RiskCheckReport r =
                RiskCheck.check(
                        f,
                        SmallFiles.results(
                                "run-" + device, criteria.toArray(ScenarioResult[]::new)));

        String rcm = device.equals("segmentation") ? "RCM-SEG-" : "RCM-DET-";
        for (String id : List.of(rcm + "001", rcm + "002")) {
            ControlAssessment c = r.control(id).orElseThrow();
            assertThat(c.effective()).as(id + " " + c.reasons()).isTrue();
        }
        for (String tag : requirementTags(criteria)) {
            assertThat(r.requirements().stream().filter(e -> tag.equals("@" + e.subject())))
                    .as(tag)
                    .isNotEmpty()
                    .allMatch(EvidenceCheck::passed);
        }
        assertThat(r.gaps()).noneMatch(g -> g.kind() == GapKind.UNKNOWN_TAG);
        assertThat(r.gaps()).noneMatch(g -> g.kind() == GapKind.SCENARIO_NOT_PASSED);
        // What a study run holds no evidence of stays a gap, and its controls are not effective.
        assertThat(r.gaps())
                .anyMatch(
                        g ->
                                g.kind() == GapKind.SCENARIO_NOT_FOUND
                                        && g.subject().equals(rcm + "003"));
        assertThat(r.overall().verdict()).isNotEqualTo(OverallVerdict.ACCEPTABLE);
    }

    @Test
    void failedMissedNoduleScenariosLeaveTheMissedNoduleRiskAtItsInitialLevel() {
        RiskManagementFile f = Fixtures.read(Fixtures.demo(dir, "detection"));
        RiskCheckReport r = RiskCheck.check(f, results(f, DETECTION, Set.of(CPM, AT_ONE_FP)));

        ControlAssessment c = r.control("RCM-DET-001").orElseThrow();
        assertThat(c.effective()).isFalse();
        assertThat(c.implementation()).noneMatch(EvidenceCheck::passed);
        assertThat(c.effectiveness()).noneMatch(EvidenceCheck::passed);
        RiskAssessment h = r.risk("HAZ-DET-001").orElseThrow();
        assertThat(h.hazard().residual().label()).isEqualTo("S4/P2");
        assertThat(h.residual()).isEqualTo(h.hazard().initial());
        assertThat(h.residual().label()).isEqualTo("S4/P4");
        assertThat(h.residualAcceptability()).isEqualTo(Acceptability.UNACCEPTABLE);
        assertThat(h.notEffective()).containsExactly("RCM-DET-001");
        assertThat(r.risks())
                .filteredOn(RiskAssessment::raised)
                .extracting(RiskAssessment::id)
                .containsExactly("HAZ-DET-001");
        assertThat(r.gaps())
                .extracting(Gap::kind, Gap::subject)
                .containsOnly(
                        tuple(GapKind.SCENARIO_NOT_PASSED, "RCM-DET-001"),
                        tuple(GapKind.SCENARIO_NOT_PASSED, "REQ-DET-001"));
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        assertThat(r.overall().reasons())
                .containsExactly(
                        "HAZ-DET-001: the residual risk S4/P4 with RCM-DET-001 not effective is"
                                + " unacceptable and the plan accepts no unacceptable residual"
                                + " risk");
    }

    @Test
    void failedOverlapLeavesTheContourReviewAloneAndRaisesTheVolumeRisk() {
        RiskManagementFile f = Fixtures.read(Fixtures.demo(dir, "segmentation"));
        RiskCheckReport r = RiskCheck.check(f, results(f, SEGMENTATION, Set.of(DICE)));

        assertThat(r.control("RCM-SEG-001").orElseThrow().effective()).isFalse();
        assertThat(r.control("RCM-SEG-004").orElseThrow().effective()).isTrue();
        // S4/P4 → P2 with both controls; with the contour review alone, P3.
        RiskAssessment h = r.risk("HAZ-SEG-001").orElseThrow();
        assertThat(h.residual().label()).isEqualTo("S4/P3");
        assertThat(h.residualAcceptability()).isEqualTo(Acceptability.INVESTIGATE);
        assertThat(h.raised()).isTrue();
        assertThat(r.risks())
                .filteredOn(RiskAssessment::raised)
                .extracting(RiskAssessment::id)
                .containsExactly("HAZ-SEG-001");
        assertThat(r.overall().verdict()).isEqualTo(OverallVerdict.NOT_ACCEPTABLE);
        assertThat(r.overall().reasons())
                .containsExactly(
                        "HAZ-SEG-001: the residual risk S4/P3 with RCM-SEG-001 not effective is"
                                + " above the S4/P2 its reduction rationale was written for");
    }

    private static List<ScenarioResult> criteria(String device) {
        return device.equals("segmentation") ? SEGMENTATION : DETECTION;
    }

    private static List<String> requirementTags(List<ScenarioResult> scenarios) {
        Set<String> out = new LinkedHashSet<>();
        scenarios.forEach(
                s -> s.tags().stream().filter(t -> t.startsWith("@REQ-")).forEach(out::add));
        return List.copyOf(out);
    }

    /**
     * Returns the device's criteria, those named in {@code failed} failed, and one passed scenario
     * for every other tag the file refers to.
     */
    private static Optional<ResultsSource> results(
            RiskManagementFile f, List<ScenarioResult> criteria, Set<String> failed) {
        List<ScenarioResult> out = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (ScenarioResult s : criteria) {
            ScenarioStatus status =
                    failed.contains(s.name()) ? ScenarioStatus.FAILED : ScenarioStatus.PASSED;
            out.add(
                    new ScenarioResult(
                            s.featureUri(),
                            s.featureName(),
                            s.name(),
                            s.line(),
                            s.tags(),
                            status,
                            status == ScenarioStatus.FAILED
                                    ? Optional.of("below the goal")
                                    : Optional.empty()));
            covered.addAll(s.tags());
        }
        assertThat(out)
                .extracting(ScenarioResult::name)
                .as("scenarios to fail")
                .containsAll(failed);
        List<ScenarioRef> refs = new ArrayList<>();
        for (RiskControl c : f.register().controls()) {
            refs.addAll(c.implementation());
            refs.addAll(c.effectiveness());
        }
        f.requirements().forEach(r -> refs.addAll(r.verifiedBy()));
        for (ScenarioRef ref : refs) {
            String tag = ref.tag().orElseThrow(() -> new AssertionError("untagged " + ref));
            if (covered.add(tag)) {
                out.add(SmallFiles.passed("Evidence for " + tag, tag));
            }
        }
        return SmallFiles.results("run-all", out.toArray(ScenarioResult[]::new));
    }

    private static ScenarioResult scenario(
            String uri, String feature, String name, int line, String... tags) {
        return new ScenarioResult(
                uri, feature, name, line, List.of(tags), ScenarioStatus.PASSED, Optional.empty());
    }
}
