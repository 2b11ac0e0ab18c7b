package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolReaderTest {

    @TempDir Path dir;

    private static InvalidProtocolException invalid(Path file) {
        try {
            ProtocolReader.read(file);
        } catch (InvalidProtocolException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the protocol was accepted: " + file);
    }

    @Test
    void readsAValidProtocolWithPathsResolvedAgainstItsFolder() throws Exception {
        Path file = StudyFixture.in(dir).write();
        StudyProtocol p = ProtocolReader.read(file);
        assertThat(p.id()).isEqualTo("TEST-STUDY-1");
        assertThat(p.dataset().dicom()).isEqualTo(dir.resolve("data/dicom").toAbsolutePath());
        assertThat(p.dataset().deidentify()).isFalse();
        assertThat(p.operatingPoint())
                .isEqualTo(
                        new OperatingPoint(0.5, ThresholdRule.GE, "malignant", Direction.HIGHER));
        assertThat(p.endpoints()).hasSize(2);
        Endpoint ep1 = p.endpoints().get(0);
        assertThat(ep1.role()).isEqualTo(EndpointRole.PRIMARY);
        assertThat(ep1.criterion().measure()).isEqualTo(Measure.SENSITIVITY);
        assertThat(ep1.criterion().estimateMin()).hasValue(0.8);
        assertThat(ep1.criterion().ciLowerMin()).hasValue(0.6);
        assertThat(ep1.criterion().ciMethod()).isEqualTo(CiMethod.CLOPPER_PEARSON);
        assertThat(ep1.criterion().describe())
                .isEqualTo(
                        "sensitivity >= 0.8 and lower bound of its 95% clopper_pearson interval >= 0.6");
        assertThat(ep1.requirements()).containsExactly("REQ-1");
        assertThat(ep1.riskControls()).containsExactly("RC-1");
        assertThat(p.endpoints().get(1).riskControls()).isEmpty();
        assertThat(p.primaryEndpoints()).containsExactly(ep1);
        assertThat(p.subgroups().attributes()).containsExactly("site", "sex");
        assertThat(p.statistics().ciMethod()).isEqualTo(BinomialInterval.CLOPPER_PEARSON);
        assertThat(p.statistics().bootstrapSeed()).isEqualTo(7);
        assertThat(p.features()).isEmpty();
    }

    @Test
    void theExampleProtocolOfTheDemoStudyIsValid() throws Exception {
        Path file = dir.resolve("demo-study.yaml");
        try (InputStream in =
                getClass().getResourceAsStream("/org/clinval/workflows/example/demo-study.yaml")) {
            Files.copy(in, file);
        }
        StudyProtocol p = ProtocolReader.read(file, dir, false);
        assertThat(p.id()).isEqualTo("CLV-DEMO-001");
        assertThat(p.endpoints())
                .extracting(Endpoint::id)
                .containsExactly("EP1", "EP2", "EP3", "EP4");
        assertThat(p.primaryEndpoints()).hasSize(2);
        assertThat(p.endpoints().get(2).criterion().ciMethod()).isEqualTo(CiMethod.DELONG);
        assertThat(p.features()).contains(dir.resolve("features"));
        assertThat(p.subgroups().maxCiWidth()).hasValue(0.30);
    }

    @Test
    void aProtocolWithFiveErrorsReportsAllFiveWithTheirPaths() throws Exception {
        Path file = StudyFixture.in(dir).write();
        String yaml =
                Files.readString(file)
                        .replace("rule: \">=\"", "rule: \"=>\"") // 1
                        .replace("ci_lower_min: 0.6", "ci_lower_min: 1.3") // 2
                        .replace("      ci_method: delong", "      ci_method: wilson") // 3
                        .replace("attributes: [site, sex]", "attributes: [site, scanner]") // 4
                        .replace("    seed: 7", "    seed: seven"); // 5
        Files.writeString(file, yaml);
        InvalidProtocolException e = invalid(file);
        assertThat(e.problems())
                .extracting(ProtocolProblem::toString)
                .containsExactly(
                        "operating_point.rule: '=>' is not one of '>=', '>'",
                        "endpoints[0].criterion.ci_lower_min: 1.3 is above the maximum 1",
                        "endpoints[1].criterion.ci_method: wilson is not an interval method for auc"
                                + " (one of delong, bootstrap_percentile, bootstrap_bca)",
                        "subgroups.attributes[1]: 'scanner' is not one of site, manufacturer, sex, age_band",
                        "statistics.bootstrap.seed: 'seven' is not a whole number");
        assertThat(e.getMessage()).contains("5 problems");
    }

    @Test
    void missingAndMisspeltKeysAndMissingFilesAreProblems() throws Exception {
        Path file = StudyFixture.in(dir).write();
        Files.delete(dir.resolve("data/ground-truth.csv"));
        String yaml =
                Files.readString(file)
                        .replace("title: Test study\n", "")
                        .replace("  deidentify: false", "  de_identify: false")
                        .replace("sha256: ", "sha256: 12")
                        .replace("role: secondary", "role: tertiary");
        Files.writeString(file, yaml);
        assertThat(invalid(file).problems())
                .extracting(ProtocolProblem::toString)
                .contains(
                        "title: is required",
                        "dataset.deidentify: is required",
                        "endpoints[1].role: 'tertiary' is not one of primary, secondary")
                .anySatisfy(
                        p -> assertThat(p).startsWith("dataset.de_identify: is not a known key"))
                .anySatisfy(
                        p ->
                                assertThat(p)
                                        .startsWith(
                                                "dataset.ground_truth: 'data/ground-truth.csv' is not a file"))
                .anySatisfy(
                        p ->
                                assertThat(p)
                                        .startsWith("device.sha256: '12")
                                        .endsWith("is not a SHA-256 (64 hexadecimal digits)"));
    }

    @Test
    void criteriaNeedAMinimumAndAPrimaryEndpointIsRequired() throws Exception {
        Path file = StudyFixture.in(dir).write();
        String yaml =
                Files.readString(file)
                        .replace("      estimate_min: 0.8\n      ci_lower_min: 0.6\n", "")
                        .replace("role: primary", "role: secondary");
        Files.writeString(file, yaml);
        assertThat(invalid(file).problems())
                .extracting(ProtocolProblem::toString)
                .containsExactly(
                        "endpoints[0].criterion.estimate_min: or ci_lower_min is required: a criterion"
                                + " needs a minimum");
        Files.writeString(
                file,
                Files.readString(StudyFixture.in(dir).write())
                        .replace("role: primary", "role: secondary"));
        assertThat(invalid(file).problems())
                .extracting(ProtocolProblem::toString)
                .containsExactly(
                        "endpoints: has no primary endpoint: the study would pass on nothing");
    }

    @Test
    void malformedYamlNamesItsLine() throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "id: X\ntitle: [unclosed\n");
        assertThat(invalid(file).getMessage()).contains("is not valid YAML at line 3");
        Files.writeString(file, "- just\n- a list\n");
        assertThat(invalid(file).problems().get(0).message())
                .isEqualTo("is a list, not a mapping of keys to values");
    }

    @Test
    void yamlTagsThatConstructObjectsAreRefused() throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "id: !!java.io.File [\"/etc/passwd\"]\n");
        assertThat(invalid(file).getMessage()).contains("is not valid YAML");
    }

    @Test
    void criterionRejectsAMethodThatDoesNotFitItsMeasure() {
        assertThatThrownBy(
                        () ->
                                new Criterion(
                                        Measure.AUC,
                                        java.util.OptionalDouble.of(0.9),
                                        java.util.OptionalDouble.empty(),
                                        CiMethod.WILSON,
                                        org.clinval.validation.ConfidenceLevel.of(0.95)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wilson is not an interval method for auc");
    }
}
