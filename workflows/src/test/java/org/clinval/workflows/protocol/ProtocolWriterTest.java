package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.interval.BinomialInterval;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drafted protocol is read back by {@link ProtocolReader} (schema, rules, paths, files) into the
 * values it was drafted from, whatever characters its text values hold.
 */
class ProtocolWriterTest {

    @TempDir Path dir;
    Path study;
    Path outside;

    @BeforeEach
    void files() throws Exception {
        study = Files.createDirectories(dir.resolve("study"));
        outside = Files.createDirectories(dir.resolve("site-export"));
        Files.createDirectories(study.resolve("model"));
        Files.writeString(study.resolve("model/m.yaml"), "output: {kind: logit}\n");
        Files.createDirectories(study.resolve("features"));
        Files.createDirectories(outside.resolve("dicom"));
        Files.writeString(outside.resolve("truth.csv"), "case_id,label\n");
    }

    private ProtocolDraft draft(
            String title, String positive, List<String> roots, Map<String, String> notes) {
        return new ProtocolDraft(
                "CLV-1",
                title,
                ProtocolDraft.INTENDED_USE,
                new ProtocolDraft.DeviceText("tiny", "1", "model/m.yaml", "ab".repeat(32)),
                outside.resolve("dicom").toString(),
                outside.resolve("truth.csv").toString(),
                List.of("CT", "MR"),
                new OperatingPoint(0.5, ThresholdRule.GE, positive, Direction.HIGHER),
                ProtocolDraft.placeholderEndpoints(),
                new Subgroups(List.of("site", "age_band"), 30, OptionalDouble.empty()),
                ProtocolDraft.placeholderStatistics(),
                "features",
                roots,
                notes);
    }

    private StudyProtocol readBack(ProtocolDraft d) throws Exception {
        Path file = study.resolve("protocol.yaml");
        Files.writeString(file, ProtocolWriter.write(d));
        return ProtocolReader.read(file);
    }

    @Test
    void everyDraftedValueIsReadBackAsDrafted() throws Exception {
        StudyProtocol p = readBack(draft("A title", "1", List.of(outside.toString()), Map.of()));

        assertThat(p.id()).isEqualTo("CLV-1");
        assertThat(p.title()).isEqualTo("A title");
        assertThat(p.intendedUse()).startsWith("REPLACE: who uses the device");
        assertThat(p.device())
                .isEqualTo(
                        new Device(
                                "tiny",
                                "1",
                                study.resolve("model/m.yaml").toRealPath(),
                                "ab".repeat(32)));
        assertThat(p.dataset())
                .isEqualTo(
                        new Dataset(
                                outside.resolve("dicom").toRealPath(),
                                outside.resolve("truth.csv").toRealPath(),
                                true,
                                false,
                                List.of("CT", "MR")));
        assertThat(p.operatingPoint())
                .isEqualTo(new OperatingPoint(0.5, ThresholdRule.GE, "1", Direction.HIGHER));
        assertThat(p.endpoints()).isEqualTo(ProtocolDraft.placeholderEndpoints());
        assertThat(p.subgroups())
                .isEqualTo(new Subgroups(List.of("site", "age_band"), 30, OptionalDouble.empty()));
        assertThat(p.statistics())
                .isEqualTo(
                        new StatisticalMethods(
                                BinomialInterval.CLOPPER_PEARSON,
                                ConfidenceLevel.of(0.95),
                                2000,
                                20261121));
        assertThat(p.features()).contains(study.resolve("features").toRealPath());
    }

    @Test
    void thePlaceholderEndpointsAreSensitivityAndSpecificityPrimaryAndTheAucSecondary() {
        List<Endpoint> e = ProtocolDraft.placeholderEndpoints();

        assertThat(e)
                .extracting(x -> x.criterion().describe())
                .containsExactly(
                        "sensitivity >= 0.8 and lower bound of its 95% clopper_pearson interval >="
                                + " 0.7",
                        "specificity >= 0.8 and lower bound of its 95% clopper_pearson interval >="
                                + " 0.7",
                        "auc >= 0.85 and lower bound of its 95% delong interval >= 0.75");
        assertThat(e)
                .extracting(Endpoint::role)
                .containsExactly(
                        EndpointRole.PRIMARY, EndpointRole.PRIMARY, EndpointRole.SECONDARY);
        assertThat(e)
                .extracting(Endpoint::requirements)
                .containsExactly(
                        List.of("REQ-TODO-EP1"), List.of("REQ-TODO-EP2"), List.of("REQ-TODO-EP3"));
    }

    @Test
    void pathsOutsideTheStudyNeedTheAllowedRootsTheDraftLists() throws Exception {
        assertThatThrownBy(() -> readBack(draft("t", "1", List.of(), Map.of())))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("dataset.dicom")
                .hasMessageContaining("list a folder that holds it under allowed_roots");
    }

    @Test
    void textThatLooksLikeYamlStaysTheTextItWas() throws Exception {
        String title = "Line one\nline two: \"quoted\" # not a comment \\ [x] {y} &a *b !!str";
        for (String positive : List.of("1", "yes", "true", "null", "0x1F", "1e3", "~", "- a")) {
            StudyProtocol p =
                    readBack(draft(title, positive, List.of(outside.toString()), Map.of()));
            assertThat(p.title()).isEqualTo(title);
            assertThat(p.operatingPoint().positiveClass()).isEqualTo(positive);
        }
    }

    @Test
    void notesGoAboveTheirKeyAsOneCommentLineWhateverTheyHold() throws Exception {
        ProtocolDraft d =
                draft(
                        "t",
                        "1",
                        List.of(outside.toString()),
                        Map.of(
                                "dataset.modalities", "found in 120 headers",
                                "operating_point.positive_class", "labels 0 and 1\nid: HIJACK"));
        String yaml = ProtocolWriter.write(d);

        assertThat(yaml)
                .contains("  # found in 120 headers\n  modalities: [\"CT\", \"MR\"]\n")
                .contains("  # labels 0 and 1 id: HIJACK\n  positive_class: \"1\"\n");
        assertThat(readBack(d).id()).isEqualTo("CLV-1");
    }

    @Test
    void numbersAreWrittenAsTheyReadAndNonFiniteOnesAreRefused() {
        assertThat(ProtocolWriter.num(0.8)).isEqualTo("0.8");
        assertThat(ProtocolWriter.num(400.0)).isEqualTo("400");
        assertThat(ProtocolWriter.num(-1000)).isEqualTo("-1000");
        assertThat(ProtocolWriter.num(1e-7)).isEqualTo("0.0000001");
        assertThatThrownBy(() -> ProtocolWriter.num(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a protocol number is not finite: NaN");
    }
}
