package org.clinval.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clinval.reports.demo.DemoStudy;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class ModelTest {

    static final String SHA = "3d4bb7c2bbbb1991d2b9ee0e8fd97f6771da6bc2c87a0d5ae5387882fb5448de";

    @Test
    void acceptsUpperCaseDigestsAndStoresThemInLowerCase() {
        DeviceInfo d = new DeviceInfo("NoduleScore", "2.3.0", SHA.toUpperCase(), SHA);
        assertThat(d.modelSha256()).isEqualTo(SHA);
    }

    @Test
    void rejectsDigestsThatAreNotSha256() {
        assertThatThrownBy(() -> new DeviceInfo("N", "1", SHA.substring(1), SHA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model SHA-256 is not a SHA-256 digest")
                .hasMessageContaining(SHA.substring(1));
        assertThatThrownBy(() -> new DeviceInfo("N", "1", SHA, SHA.replace('3', 'g')))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("descriptor SHA-256");
    }

    @Test
    void requiresEveryCaseToBeAccountedFor() {
        assertThat(new DatasetInfo("set", SHA, 604, 600, 4).casesIn()).isEqualTo(604);
        assertThatThrownBy(() -> new DatasetInfo("set", SHA, 604, 600, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cases are not accounted for: 604 in, but 600 results + 3 quarantined");
    }

    @Test
    void anUndefinedEndpointHasAReasonNoIntervalAndCannotPass() {
        EndpointResult undefined =
                endpoint(
                        OptionalDouble.empty(),
                        Optional.empty(),
                        false,
                        Optional.of("no positives"));
        assertThat(undefined.isDefined()).isFalse();
        assertThatThrownBy(
                        () ->
                                endpoint(
                                        OptionalDouble.empty(),
                                        Optional.empty(),
                                        false,
                                        Optional.empty()))
                .hasMessage("EP-01 has neither an estimate nor an undefined reason");
        assertThatThrownBy(
                        () ->
                                endpoint(
                                        OptionalDouble.of(0.9),
                                        Optional.empty(),
                                        true,
                                        Optional.of("x")))
                .hasMessage("EP-01 has an estimate and an undefined reason");
        assertThatThrownBy(
                        () ->
                                endpoint(
                                        OptionalDouble.empty(),
                                        Optional.of(new Interval(0, 1)),
                                        false,
                                        Optional.of("x")))
                .hasMessage("EP-01 is undefined but has an interval");
        assertThatThrownBy(
                        () ->
                                endpoint(
                                        OptionalDouble.empty(),
                                        Optional.empty(),
                                        true,
                                        Optional.of("x")))
                .hasMessage("EP-01 is undefined and cannot pass");
        assertThatThrownBy(
                        () ->
                                endpoint(
                                        OptionalDouble.of(Double.NaN),
                                        Optional.empty(),
                                        false,
                                        Optional.empty()))
                .hasMessage("EP-01 estimate is not finite: NaN");
    }

    @Test
    void rejectsALevelOutsideTheUnitInterval() {
        assertThatThrownBy(
                        () ->
                                new EndpointResult(
                                        "EP-01",
                                        "t",
                                        "m",
                                        OptionalDouble.of(0.5),
                                        Optional.empty(),
                                        "Wilson",
                                        95,
                                        "c",
                                        true,
                                        true,
                                        List.of(),
                                        List.of(),
                                        Optional.empty()))
                .hasMessage("EP-01 confidence level is not in (0, 1): 95.0");
    }

    @Test
    void copiesListsSoTheReportCannotChangeAfterwards() {
        List<String> requirements = new java.util.ArrayList<>(List.of("REQ-1"));
        EndpointResult e =
                new EndpointResult(
                        "EP-01",
                        "t",
                        "m",
                        OptionalDouble.of(0.5),
                        Optional.empty(),
                        "Wilson",
                        0.95,
                        "c",
                        true,
                        true,
                        requirements,
                        List.of(),
                        Optional.empty());
        requirements.add("REQ-2");
        assertThat(e.requirementIds()).containsExactly("REQ-1");
        assertThatThrownBy(() -> e.requirementIds().add("REQ-3"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theReportChecksItsCountsAgainstTheDataset() {
        ValidationReport r = DemoStudy.generate(1).report();
        ConfusionMatrix short1 =
                new ConfusionMatrix(
                        r.matrix().tp() - 1, r.matrix().fp(), r.matrix().tn(), r.matrix().fn());
        assertThatThrownBy(
                        () ->
                                new ValidationReport(
                                        r.study(),
                                        r.device(),
                                        r.dataset(),
                                        r.operatingPoint(),
                                        r.endpoints(),
                                        r.verdict(),
                                        short1,
                                        r.roc(),
                                        r.subgroups(),
                                        r.quarantine(),
                                        r.signatures(),
                                        r.auditExcerpt()))
                .hasMessage("confusion matrix counts 599 cases but the dataset has 600 results");
        assertThatThrownBy(
                        () ->
                                new ValidationReport(
                                        r.study(),
                                        r.device(),
                                        r.dataset(),
                                        r.operatingPoint(),
                                        r.endpoints(),
                                        r.verdict(),
                                        r.matrix(),
                                        r.roc(),
                                        r.subgroups(),
                                        r.quarantine().subList(1, 4),
                                        r.signatures(),
                                        r.auditExcerpt()))
                .hasMessage("quarantine lists 3 cases but the dataset has 4 quarantined");
    }

    @Test
    void namesTheMissingOrBlankField() {
        Instant t = Instant.EPOCH;
        assertThatThrownBy(() -> new StudyInfo("CV-1", " ", "use", "run", t, "v", SHA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study title is blank");
        assertThatThrownBy(() -> new SignatureRow("u", "Name", "Approval", null, SHA))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("u signature time is missing");
        assertThatThrownBy(() -> new AuditRow(0, t, "u", "a", "o", "r"))
                .hasMessage("audit sequence is not positive: 0");
        assertThatThrownBy(() -> new CaseRow("CASE-1", "A", "V", 2, 0.5, 1, SHA, SHA))
                .hasMessage("CASE-1 label is not 0 or 1: 2");
        assertThatThrownBy(() -> new CaseRow("CASE-1", "A", "V", 1, Double.NaN, 1, SHA, SHA))
                .hasMessage("CASE-1 score is not finite: NaN");
    }

    private static EndpointResult endpoint(
            OptionalDouble estimate,
            Optional<Interval> ci,
            boolean passed,
            Optional<String> reason) {
        return new EndpointResult(
                "EP-01",
                "Sensitivity",
                "sensitivity",
                estimate,
                ci,
                "Wilson score",
                0.95,
                "lower 95% bound >= 0.80",
                true,
                passed,
                List.of("REQ-1"),
                List.of("RC-1"),
                reason);
    }
}
