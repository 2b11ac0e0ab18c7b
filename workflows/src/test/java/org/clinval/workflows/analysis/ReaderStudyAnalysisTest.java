package org.clinval.workflows.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.mrmc.GallasAnalysis;
import org.clinval.validation.mrmc.ObuchowskiRockette;
import org.clinval.validation.mrmc.OrAnalysis;
import org.clinval.validation.mrmc.OrCovariance;
import org.clinval.validation.mrmc.OrEstimate;
import org.clinval.validation.mrmc.OrFactors;
import org.clinval.validation.mrmc.ReaderStudy;
import org.clinval.validation.mrmc.UstatEstimate;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.readers.ReadsCopy;
import org.clinval.workflows.readers.ReadsFile;
import org.clinval.workflows.testing.ReaderReads;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis of a reader-study arm is wired to the statistics: its numbers are those of {@link
 * ObuchowskiRockette} and {@link GallasAnalysis} called directly on the same reads (the statistics
 * themselves are checked against iMRMC and RJafroc in the validation module).
 */
class ReaderStudyAnalysisTest {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);

    @TempDir Path dir;

    private StudyProtocol protocol(String block, String endpoint) throws Exception {
        Path p = StudyFixture.in(dir).write();
        ReaderReads.write(dir);
        ReaderReads.addTo(p, block, endpoint);
        return ProtocolReader.read(p);
    }

    private static String gallas() {
        return ReaderReads.BLOCK
                .replace("obuchowski_rockette", "gallas")
                .replace("  covariance: jackknife\n", "");
    }

    private ReaderInputs inputs() {
        return new ReaderInputs(
                ReadsFile.read(dir.resolve("readers/reads.csv"), "unaided", "aided"), Map.of());
    }

    /** The study built here, independently of the wiring, from the reads file's text. */
    private ReaderStudy direct(List<String> skipCases) throws Exception {
        ReaderStudy.Builder b = ReaderStudy.builder(Direction.HIGHER);
        List<String> lines = Files.readAllLines(dir.resolve("readers/reads.csv"));
        for (String modality : List.of("aided", "unaided")) {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (!f[2].equals(modality) || skipCases.contains(f[1])) continue;
                b.addScore(f[0], f[1], f[2], Double.parseDouble(f[3]));
                int i = Integer.parseInt(f[1].substring(5)) - 1;
                b.setTruth(f[1], i < StudyFixture.POSITIVES);
            }
        }
        return b.build();
    }

    private static OrEstimate single(OrAnalysis or, String modality) {
        return or.single().stream().filter(e -> e.modality().equals(modality)).findFirst().get();
    }

    @Test
    void obuchowskiRocketteNumbersAreThoseOfTheStatisticsOnTheSameReads() throws Exception {
        StudyProtocol p = protocol(ReaderReads.BLOCK, ReaderReads.ENDPOINT);
        ReaderStudyResults r =
                ReaderStudyAnalysis.analyse(p, StudyFixture.caseResults(), inputs(), LEVEL);
        OrAnalysis or =
                ObuchowskiRockette.analyse(
                        direct(List.of()),
                        OrFactors.RANDOM_READERS_RANDOM_CASES,
                        OrCovariance.JACKKNIFE,
                        LEVEL);
        OrEstimate d = or.differences().get(0);
        assertThat(d.modality()).isEqualTo("aided");
        assertThat(d.minus()).contains("unaided");
        assertThat(r.difference().estimate().getAsDouble()).isCloseTo(d.estimate(), within(1e-12));
        assertThat(r.difference().ci().get().lower())
                .isCloseTo(d.test().ci().get().lower(), within(1e-12));
        assertThat(r.difference().ci().get().upper())
                .isCloseTo(d.test().ci().get().upper(), within(1e-12));
        assertThat(r.difference().p().getAsDouble())
                .isCloseTo(d.test().p().getAsDouble(), within(1e-12));
        assertThat(r.difference().df().getAsDouble())
                .isCloseTo(d.test().df().getAsDouble(), within(1e-12));
        assertThat(r.aided().estimate().getAsDouble())
                .isCloseTo(single(or, "aided").estimate(), within(1e-12));
        assertThat(r.unaided().estimate().getAsDouble())
                .isCloseTo(single(or, "unaided").estimate(), within(1e-12));
        assertThat(r.unaided().ci().get().lower())
                .isCloseTo(single(or, "unaided").test().ci().get().lower(), within(1e-12));
        assertThat(r.components().get("var_r")).isCloseTo(or.varR(), within(1e-15));
        assertThat(r.components().get("cov2")).isCloseTo(or.cov2(), within(1e-15));
        assertThat(r.perReader()).hasSize(5);
        assertThat(r.perReader().get(0).aided().getAsDouble())
                .isCloseTo(or.aucs().get(0).get(0), within(1e-15));
        assertThat(r.perReader().get(0).unaided().getAsDouble())
                .isCloseTo(or.aucs().get(1).get(0), within(1e-15));
        // The seeded reads make aided reading better, as the fixture intends.
        assertThat(r.difference().estimate().getAsDouble()).isPositive();
        assertThat(r.readsIn()).isEqualTo(600);
        assertThat(r.readsAnalysed()).isEqualTo(600);
        assertThat(r.positives()).isEqualTo(20);
        assertThat(r.negatives()).isEqualTo(40);
        assertThat(r.method()).contains("Obuchowski-Rockette (jackknife covariances");
    }

    @Test
    void gallasNumbersAreThoseOfTheStatisticsOnTheSameReads() throws Exception {
        StudyProtocol p = protocol(gallas(), ReaderReads.ENDPOINT);
        ReaderStudyResults r =
                ReaderStudyAnalysis.analyse(p, StudyFixture.caseResults(), inputs(), LEVEL);
        List<UstatEstimate> g = GallasAnalysis.analyse(direct(List.of()), LEVEL);
        UstatEstimate d = g.get(2);
        assertThat(d.modality()).isEqualTo("aided");
        assertThat(d.minus()).contains("unaided");
        assertThat(r.difference().estimate().getAsDouble()).isCloseTo(d.estimate(), within(1e-12));
        assertThat(r.difference().ci().get().lower())
                .isCloseTo(d.bdg().ci().get().lower(), within(1e-12));
        assertThat(r.difference().p().getAsDouble())
                .isCloseTo(d.bdg().p().getAsDouble(), within(1e-12));
        assertThat(r.difference().df()).isEqualTo(d.bdg().df());
        assertThat(r.unaided().estimate().getAsDouble())
                .isCloseTo(g.get(1).estimate(), within(1e-12));
        assertThat(r.components().get("variance_difference"))
                .isCloseTo(d.variance(), within(1e-15));
        // Fully crossed: the reader-averaged AUC is the mean of the readers' AUCs.
        double mean =
                r.perReader().stream()
                        .mapToDouble(a -> a.aided().getAsDouble())
                        .average()
                        .getAsDouble();
        assertThat(r.aided().estimate().getAsDouble()).isCloseTo(mean, within(1e-12));
    }

    @Test
    void readsOfQuarantinedCasesAreExcludedWithTheReasonAndEveryReadIsCountedOnce()
            throws Exception {
        StudyProtocol p = protocol(ReaderReads.BLOCK, ReaderReads.ENDPOINT);
        List<CaseResult> cases = new ArrayList<>(StudyFixture.caseResults());
        cases.removeIf(c -> c.caseId().equals("case-003") || c.caseId().equals("case-050"));
        cases.removeIf(c -> c.caseId().equals("case-051"));
        ReaderInputs in =
                new ReaderInputs(
                        inputs().reads(),
                        Map.of(
                                "case-003", "unreadable pixel data",
                                "case-050", "unreadable pixel data"));
        ReaderStudyResults r = ReaderStudyAnalysis.analyse(p, cases, in, LEVEL);
        assertThat(r.readsIn()).isEqualTo(600);
        assertThat(r.readsAnalysed()).isEqualTo(570);
        assertThat(r.excluded())
                .containsExactly(
                        new ReaderStudyResults.Exclusion(
                                "case quarantined: unreadable pixel data", 20, 2),
                        new ReaderStudyResults.Exclusion(
                                "case has no result in the case results", 10, 1));
        assertThat(r.positives()).isEqualTo(19);
        assertThat(r.negatives()).isEqualTo(38);
        OrAnalysis or =
                ObuchowskiRockette.analyse(
                        direct(List.of("case-003", "case-050", "case-051")),
                        OrFactors.RANDOM_READERS_RANDOM_CASES,
                        OrCovariance.JACKKNIFE,
                        LEVEL);
        assertThat(r.difference().estimate().getAsDouble())
                .isCloseTo(or.differences().get(0).estimate(), within(1e-12));
    }

    @Test
    void theEndpointIsJudgedOnTheDifferenceAtItsOwnLevel() throws Exception {
        StudyProtocol p =
                protocol(
                        ReaderReads.BLOCK,
                        ReaderReads.ENDPOINT.replace("level: 0.95", "level: 0.9"));
        StudyResults s =
                StudyAnalysis.analyse(
                        p, StudyFixture.caseResults(), TaskInputs.NONE.withReaders(inputs()));
        EndpointResult e = s.endpoints().get(2);
        ReaderStudyResults at90 =
                ReaderStudyAnalysis.analyse(
                        p, StudyFixture.caseResults(), inputs(), ConfidenceLevel.of(0.9));
        assertThat(e.ci()).isEqualTo(at90.difference().ci());
        assertThat(e.ci()).isNotEqualTo(s.readerStudy().get().difference().ci());
        boolean pass = at90.difference().ci().get().lower() >= -0.05;
        assertThat(e.passed()).isEqualTo(pass);
        assertThat(e.reasons())
                .singleElement()
                .asString()
                .startsWith("the lower bound of its 90%" + " Obuchowski-Rockette");
        assertThat(e.positives()).isEqualTo(20);

        StudyProtocol strict =
                protocol(
                        ReaderReads.BLOCK,
                        ReaderReads.ENDPOINT.replace("ci_lower_min: -0.05", "estimate_min: 0.5"));
        EndpointResult f =
                StudyAnalysis.analyse(
                                strict,
                                StudyFixture.caseResults(),
                                TaskInputs.NONE.withReaders(inputs()))
                        .endpoints()
                        .get(2);
        assertThat(f.passed()).isFalse();
        assertThat(f.reasons())
                .singleElement()
                .asString()
                .startsWith("reader_auc_difference 0.")
                .endsWith(" < 0.5");
    }

    @Test
    void anUndefinedAnalysisIsNullWithItsReasonAndFailsTheEndpoint() throws Exception {
        StudyProtocol p = protocol(ReaderReads.BLOCK, ReaderReads.ENDPOINT);
        // Every positive case quarantined: no AUC.
        List<CaseResult> cases =
                StudyFixture.caseResults().stream()
                        .filter(c -> c.label().equals("benign"))
                        .toList();
        StudyResults s = StudyAnalysis.analyse(p, cases, TaskInputs.NONE.withReaders(inputs()));
        ReaderStudyResults r = s.readerStudy().orElseThrow();
        assertThat(r.undefinedReason()).get().asString().contains("has no scored positive case");
        assertThat(r.difference().estimate()).isEmpty();
        assertThat(s.endpoints().get(2).passed()).isFalse();
        JsonNode j = new ObjectMapper().readTree(MetricsJson.text(s, "0".repeat(64)));
        JsonNode rs = j.get("reader_study");
        assertThat(rs.get("difference").get("estimate").isNull()).isTrue();
        assertThat(rs.get("difference").get("undefined").asText()).contains("positive");
        assertThat(rs.get("reads").get("excluded").asInt()).isEqualTo(200);
        assertThat(MetricsJson.text(s, "0".repeat(64))).doesNotContain("NaN");
    }

    @Test
    void theRunsMetricsCarryTheReaderStudyBlock() throws Exception {
        StudyProtocol p = protocol(ReaderReads.BLOCK, ReaderReads.ENDPOINT);
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.copy(dir.resolve("readers/reads.csv"), run.resolve(ReadsCopy.FILE));
        List<CaseResult> cases = new ArrayList<>(StudyFixture.caseResults());
        cases.removeIf(c -> c.caseId().equals("case-010"));
        CaseResultsCsv.write(run.resolve("case-results.csv"), cases);
        Files.writeString(
                run.resolve("quarantine.csv"),
                "case_id,reason\ncase-010,no image\n",
                StandardCharsets.UTF_8);
        StudyResults s =
                new MetricsAnalysisService().analyse(p, run.resolve("case-results.csv"), run);
        JsonNode rs =
                new ObjectMapper()
                        .readTree(run.resolve("metrics.json").toFile())
                        .get("reader_study");
        assertThat(rs.get("design").asText()).isEqualTo("fully_crossed");
        assertThat(rs.get("analysis").asText()).isEqualTo("obuchowski_rockette");
        assertThat(rs.get("readers")).hasSize(5);
        assertThat(rs.get("cases").get("positive").asInt()).isEqualTo(19);
        assertThat(rs.get("cases").get("negative").asInt()).isEqualTo(40);
        assertThat(rs.get("reads").get("in").asInt()).isEqualTo(600);
        assertThat(rs.get("reads").get("analysed").asInt()).isEqualTo(590);
        assertThat(rs.get("reads").get("excluded_by_reason").get(0).get("reason").asText())
                .isEqualTo("case quarantined: no image");
        assertThat(rs.get("difference").get("estimate").asDouble())
                .isEqualTo(s.readerStudy().get().difference().estimate().getAsDouble());
        assertThat(rs.get("difference").get("ci")).hasSize(2);
        assertThat(rs.get("difference").get("p").isNumber()).isTrue();
        assertThat(rs.get("difference").get("df").isNumber()).isTrue();
        assertThat(rs.get("auc").get("aided").get("ci")).hasSize(2);
        assertThat(rs.get("auc").get("unaided").get("estimate").isNumber()).isTrue();
        assertThat(rs.get("per_reader").get(0).get("auc_aided").isNumber()).isTrue();
        assertThat(rs.get("variance_components").get("var_r").isNumber()).isTrue();
        JsonNode ep =
                new ObjectMapper()
                        .readTree(run.resolve("metrics.json").toFile())
                        .get("endpoints")
                        .get(2);
        assertThat(ep.get("measure").asText()).isEqualTo("reader_auc_difference");
        assertThat(ep.get("criterion").get("ci_method").asText()).isEqualTo("mrmc");
    }
}
