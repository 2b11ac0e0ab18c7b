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
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.mrmc.GallasAnalysis;
import org.clinval.validation.mrmc.ObuchowskiRockette;
import org.clinval.validation.mrmc.OrAnalysis;
import org.clinval.validation.mrmc.OrCovariance;
import org.clinval.validation.mrmc.OrEstimate;
import org.clinval.validation.mrmc.OrFactors;
import org.clinval.validation.mrmc.ProportionAnalysis;
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
        return direct(skipCases, List.of("aided", "unaided"));
    }

    /** The study with its modalities in {@code order}. */
    private ReaderStudy direct(List<String> skipCases, List<String> order) throws Exception {
        ReaderStudy.Builder b = ReaderStudy.builder(Direction.HIGHER);
        List<String> lines = Files.readAllLines(dir.resolve("readers/reads.csv"));
        for (String modality : order) {
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

    private static ProportionAnalysis.Estimate of(
            List<ProportionAnalysis.Estimate> e, String modality, boolean difference) {
        return e.stream()
                .filter(x -> x.modality().equals(modality) && x.minus().isPresent() == difference)
                .findFirst()
                .orElseThrow();
    }

    private static void sameAs(ReaderStudyResults.MrmcValue v, ProportionAnalysis.Estimate e) {
        assertThat(v.estimate().getAsDouble()).isCloseTo(e.estimate(), within(1e-12));
        assertThat(e.test().ci()).as(e.test().undefinedReason().orElse("")).isPresent();
        assertThat(v.se().getAsDouble()).isCloseTo(Math.sqrt(e.variance()), within(1e-12));
        assertThat(v.ci().get().lower()).isCloseTo(e.test().ci().get().lower(), within(1e-12));
        assertThat(v.ci().get().upper()).isCloseTo(e.test().ci().get().upper(), within(1e-12));
    }

    @Test
    void sensitivityAndSpecificityAreThoseOfProportionAnalysisOnTheSameReads() throws Exception {
        StudyProtocol p = protocol(ReaderReads.THRESHOLD_BLOCK, ReaderReads.SENSITIVITY_ENDPOINT);
        ReaderStudyResults r =
                ReaderStudyAnalysis.analyse(p, StudyFixture.caseResults(), inputs(), LEVEL);
        // The study built with the unaided modality first, as the reads file lists it: its
        // difference is unaided - aided, so ours must be its negative.
        ReaderStudy unaidedFirst = direct(List.of(), List.of("unaided", "aided"));
        int checked = 0;
        for (ProportionAnalysis.Measure m : ProportionAnalysis.Measure.values()) {
            ReaderStudyResults.Proportion x =
                    (m == ProportionAnalysis.Measure.SENSITIVITY
                                    ? r.sensitivity()
                                    : r.specificity())
                            .orElseThrow();
            List<ProportionAnalysis.Estimate> e =
                    ProportionAnalysis.analyse(unaidedFirst, m, 50, ThresholdRule.GE, LEVEL);
            sameAs(x.aided(), of(e, "aided", false));
            sameAs(x.unaided(), of(e, "unaided", false));
            ProportionAnalysis.Estimate d = of(e, "unaided", true);
            assertThat(d.minus()).contains("aided");
            assertThat(x.difference().estimate().getAsDouble())
                    .isCloseTo(-d.estimate(), within(1e-12));
            assertThat(x.difference().ci().get().lower())
                    .isCloseTo(-d.test().ci().get().upper(), within(1e-12));
            assertThat(x.difference().ci().get().upper())
                    .isCloseTo(-d.test().ci().get().lower(), within(1e-12));
            assertThat(x.difference().statistic().getAsDouble())
                    .isCloseTo(-d.test().statistic().getAsDouble(), within(1e-12));
            assertThat(x.difference().p().getAsDouble())
                    .isCloseTo(d.test().p().getAsDouble(), within(1e-12));
            assertThat(x.difference().df()).isEmpty();
            for (int i = 0; i < 5; i++) {
                assertThat(x.perReader().get(i).aided().getAsDouble())
                        .isCloseTo(
                                of(e, "aided", false).perReader().get(i).getAsDouble(),
                                within(1e-15));
                assertThat(x.perReader().get(i).unaided().getAsDouble())
                        .isCloseTo(
                                of(e, "unaided", false).perReader().get(i).getAsDouble(),
                                within(1e-15));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(2);
        // Fully crossed: the sensitivity is the share of the positive cases' reads at 50 or more,
        // counted here from the file's text.
        List<String> lines = Files.readAllLines(dir.resolve("readers/reads.csv"));
        int[] hits = new int[2];
        int[] reads = new int[2];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int i = Integer.parseInt(f[1].substring(5)) - 1;
            if (i >= StudyFixture.POSITIVES) continue;
            int m = f[2].equals("aided") ? 0 : 1;
            reads[m]++;
            if (Double.parseDouble(f[3]) >= 50) hits[m]++;
        }
        ReaderStudyResults.Proportion sens = r.sensitivity().orElseThrow();
        assertThat(reads).containsExactly(100, 100);
        assertThat(sens.aided().estimate().getAsDouble()).isCloseTo(hits[0] / 100.0, within(1e-12));
        assertThat(sens.unaided().estimate().getAsDouble())
                .isCloseTo(hits[1] / 100.0, within(1e-12));
        assertThat(sens.cases()).isEqualTo(20);
        assertThat(r.specificity().orElseThrow().cases()).isEqualTo(40);
        // The seeded reads make aided readers more sensitive, as the fixture intends.
        assertThat(sens.difference().estimate().getAsDouble()).isPositive();
        // Without a threshold there is no proportion.
        ReaderStudyResults none =
                ReaderStudyAnalysis.analyse(
                        protocol(ReaderReads.BLOCK, ReaderReads.ENDPOINT),
                        StudyFixture.caseResults(),
                        inputs(),
                        LEVEL);
        assertThat(none.sensitivity()).isEmpty();
        assertThat(none.specificity()).isEmpty();
    }

    @Test
    void theRuleDecidesAScoreOnTheThreshold() throws Exception {
        // 0/1 reads: threshold 1 with >= calls a 1 positive; with > nothing is positive.
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261206L);
        StringBuilder csv = new StringBuilder("reader,case,modality,score\n");
        for (String modality : List.of("unaided", "aided")) {
            double hit = modality.equals("aided") ? 0.85 : 0.7;
            for (int r = 1; r <= 4; r++) {
                for (int i = 0; i < StudyFixture.CASES; i++) {
                    boolean positive = i < StudyFixture.POSITIVES;
                    boolean call =
                            positive ? random.nextDouble() < hit : random.nextDouble() < 0.15;
                    csv.append(
                            "R"
                                    + r
                                    + ","
                                    + StudyFixture.caseId(i)
                                    + ","
                                    + modality
                                    + ","
                                    + (call ? 1 : 0)
                                    + "\n");
                }
            }
        }
        Path pf = StudyFixture.in(dir).write();
        ReaderReads.write(dir, csv.toString());
        String block = ReaderReads.BLOCK + "  threshold: 1\n";
        ReaderReads.addTo(pf, block, ReaderReads.SENSITIVITY_ENDPOINT);
        StudyProtocol ge = ProtocolReader.read(pf);
        ReaderStudyResults r =
                ReaderStudyAnalysis.analyse(ge, StudyFixture.caseResults(), inputs(), LEVEL);
        assertThat(r.sensitivity().get().aided().estimate().getAsDouble()).isBetween(0.75, 0.95);
        List<ProportionAnalysis.Estimate> e =
                ProportionAnalysis.analyse(
                        direct(List.of()),
                        ProportionAnalysis.Measure.SENSITIVITY,
                        1,
                        ThresholdRule.GE,
                        LEVEL);
        sameAs(r.sensitivity().get().difference(), of(e, "aided", true));
        Files.writeString(
                pf,
                Files.readString(pf).replace("threshold: 1\n", "threshold: 1\n  rule: \">\"\n"));
        ReaderStudyResults gt =
                ReaderStudyAnalysis.analyse(
                        ProtocolReader.read(pf), StudyFixture.caseResults(), inputs(), LEVEL);
        assertThat(gt.sensitivity().get().aided().estimate().getAsDouble()).isZero();
        assertThat(gt.specificity().get().unaided().estimate().getAsDouble()).isEqualTo(1.0);
        // Every call alike: the variance is 0, so the interval and test are undefined with the
        // reason.
        ReaderStudyResults.MrmcValue d = gt.sensitivity().get().difference();
        assertThat(d.estimate().getAsDouble()).isZero();
        assertThat(d.ci()).isEmpty();
        assertThat(d.p()).isEmpty();
        assertThat(d.undefinedReason()).get().asString().startsWith("the variance estimate is 0");
        StudyResults s =
                StudyAnalysis.analyse(
                        ProtocolReader.read(pf),
                        StudyFixture.caseResults(),
                        TaskInputs.NONE.withReaders(inputs()));
        String text = MetricsJson.text(s, "0".repeat(64));
        assertThat(text).doesNotContain("NaN");
        JsonNode sens = new ObjectMapper().readTree(text).get("reader_study").get("sensitivity");
        assertThat(sens.get("difference").get("ci").isNull()).isTrue();
        assertThat(sens.get("difference").get("z").isNull()).isTrue();
        assertThat(sens.get("difference").get("undefined").asText()).startsWith("the variance");
        assertThat(s.endpoints().get(2).passed()).isFalse();
    }

    @Test
    void theSensitivityEndpointIsJudgedOnTheDifferenceAtItsOwnLevel() throws Exception {
        StudyProtocol p =
                protocol(
                        ReaderReads.THRESHOLD_BLOCK,
                        ReaderReads.SENSITIVITY_ENDPOINT.replace("level: 0.95", "level: 0.9"));
        StudyResults s =
                StudyAnalysis.analyse(
                        p, StudyFixture.caseResults(), TaskInputs.NONE.withReaders(inputs()));
        EndpointResult e = s.endpoints().get(2);
        assertThat(e.endpoint().criterion().measure().key())
                .isEqualTo("reader_sensitivity_difference");
        ReaderStudyResults at90 =
                ReaderStudyAnalysis.analyse(
                        p, StudyFixture.caseResults(), inputs(), ConfidenceLevel.of(0.9));
        ReaderStudyResults.MrmcValue d = at90.sensitivity().get().difference();
        assertThat(e.estimate()).isEqualTo(d.estimate());
        assertThat(e.ci()).isEqualTo(d.ci());
        assertThat(e.ci())
                .isNotEqualTo(s.readerStudy().get().sensitivity().get().difference().ci());
        assertThat(e.ci()).isNotEqualTo(at90.difference().ci());
        assertThat(e.passed()).isEqualTo(d.ci().get().lower() >= -0.1);
        assertThat(e.reasons())
                .singleElement()
                .asString()
                .startsWith("the lower bound of its 90% U-statistic MRMC, normal interval");

        StudyProtocol strict =
                protocol(
                        ReaderReads.THRESHOLD_BLOCK,
                        ReaderReads.SENSITIVITY_ENDPOINT
                                .replace(
                                        "reader_sensitivity_difference",
                                        "reader_specificity_difference")
                                .replace("ci_lower_min: -0.1", "estimate_min: 0.5"));
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
                .startsWith("reader_specificity_difference ")
                .endsWith(" < 0.5");
    }

    @Test
    void theRunsMetricsCarryTheReadersSensitivityAndSpecificity() throws Exception {
        StudyProtocol p = protocol(ReaderReads.THRESHOLD_BLOCK, ReaderReads.SENSITIVITY_ENDPOINT);
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.copy(dir.resolve("readers/reads.csv"), run.resolve(ReadsCopy.FILE));
        CaseResultsCsv.write(run.resolve("case-results.csv"), StudyFixture.caseResults());
        StudyResults s =
                new MetricsAnalysisService().analyse(p, run.resolve("case-results.csv"), run);
        String text = Files.readString(run.resolve("metrics.json"));
        assertThat(text).doesNotContain("NaN");
        JsonNode rs = new ObjectMapper().readTree(text).get("reader_study");
        assertThat(rs.get("threshold").asDouble()).isEqualTo(50.0);
        assertThat(rs.get("rule").asText()).isEqualTo(">=");
        ReaderStudyResults r = s.readerStudy().orElseThrow();
        for (String key : List.of("sensitivity", "specificity")) {
            ReaderStudyResults.Proportion x =
                    (key.equals("sensitivity") ? r.sensitivity() : r.specificity()).orElseThrow();
            JsonNode j = rs.get(key);
            assertThat(j.get("method").asText()).contains("uStat11");
            assertThat(j.get("difference_of").asText()).isEqualTo("aided - unaided");
            assertThat(j.get("estimate").get("aided").get("estimate").asDouble())
                    .isEqualTo(x.aided().estimate().getAsDouble());
            assertThat(j.get("estimate").get("unaided").get("ci").get(0).asDouble())
                    .isEqualTo(x.unaided().ci().get().lower());
            assertThat(j.get("difference").get("estimate").asDouble())
                    .isEqualTo(x.difference().estimate().getAsDouble());
            assertThat(j.get("difference").get("ci").get(1).asDouble())
                    .isEqualTo(x.difference().ci().get().upper());
            assertThat(j.get("difference").get("z").asDouble())
                    .isEqualTo(x.difference().statistic().getAsDouble());
            assertThat(j.get("difference").get("p").asDouble())
                    .isEqualTo(x.difference().p().getAsDouble());
            assertThat(j.get("per_reader")).hasSize(5);
            assertThat(j.get("per_reader").get(0).get(key + "_aided").asDouble())
                    .isEqualTo(x.perReader().get(0).aided().getAsDouble());
        }
        JsonNode ep = new ObjectMapper().readTree(text).get("endpoints").get(2);
        assertThat(ep.get("measure").asText()).isEqualTo("reader_sensitivity_difference");
        assertThat(ep.get("criterion").get("ci_method").asText()).isEqualTo("mrmc");
    }

    @Test
    void withoutPositiveCasesTheSensitivityIsNullWithItsReason() throws Exception {
        StudyProtocol p = protocol(ReaderReads.THRESHOLD_BLOCK, ReaderReads.SENSITIVITY_ENDPOINT);
        List<CaseResult> cases =
                StudyFixture.caseResults().stream()
                        .filter(c -> c.label().equals("benign"))
                        .toList();
        StudyResults s = StudyAnalysis.analyse(p, cases, TaskInputs.NONE.withReaders(inputs()));
        ReaderStudyResults r = s.readerStudy().orElseThrow();
        assertThat(r.sensitivity().get().undefinedReason())
                .get()
                .asString()
                .contains("has no scored positive case");
        assertThat(s.endpoints().get(2).passed()).isFalse();
        String text = MetricsJson.text(s, "0".repeat(64));
        assertThat(text).doesNotContain("NaN");
        JsonNode sens = new ObjectMapper().readTree(text).get("reader_study").get("sensitivity");
        assertThat(sens.get("difference").get("estimate").isNull()).isTrue();
        assertThat(sens.get("undefined").asText()).contains("positive");
    }
}
