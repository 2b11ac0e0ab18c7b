package org.clinval.workflows.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.validation.Interval;
import org.clinval.validation.binary.DiagnosticAccuracy;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.interval.Proportion;
import org.clinval.validation.subgroup.SubgroupResult;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis of the fixture's 60 cases against R: every expected value comes from {@code
 * src/test/resources/reference/study_analysis.csv}, written by {@code
 * workflows/src/test/r/study_analysis.R} (R 4.2.2, pROC 1.18.0; the calls are in its header).
 */
class StudyAnalysisTest {

    private static final double EXACT = 1e-9;

    @TempDir Path dir;
    Path protocolFile;

    /** One reference row: group, measure, method, x, n, estimate, lower, upper. */
    record Ref(
            String group,
            String measure,
            String method,
            long x,
            long n,
            double estimate,
            double lower,
            double upper) {}

    static List<Ref> reference() throws IOException {
        List<Ref> out = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                StudyAnalysisTest.class.getResourceAsStream(
                                        "/reference/study_analysis.csv"),
                                StandardCharsets.UTF_8))) {
            r.lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("group,"))
                    .forEach(
                            l -> {
                                String[] f = l.split(",");
                                out.add(
                                        new Ref(
                                                f[0],
                                                f[1],
                                                f[2],
                                                Long.parseLong(f[3]),
                                                Long.parseLong(f[4]),
                                                Double.parseDouble(f[5]),
                                                Double.parseDouble(f[6]),
                                                Double.parseDouble(f[7])));
                            });
        }
        return out;
    }

    @BeforeEach
    void protocol() throws IOException {
        protocolFile = StudyFixture.in(dir).write();
    }

    private StudyProtocol protocol(String from, String to) throws Exception {
        Files.writeString(protocolFile, Files.readString(protocolFile).replace(from, to));
        return ProtocolReader.read(protocolFile);
    }

    private static Proportion proportion(DiagnosticAccuracy a, String measure) {
        return switch (measure) {
            case "sensitivity" -> a.sensitivity();
            case "specificity" -> a.specificity();
            case "ppv" -> a.ppv();
            case "npv" -> a.npv();
            case "accuracy" -> a.accuracy();
            default -> throw new IllegalArgumentException(measure);
        };
    }

    private static void assertInterval(Interval actual, Ref ref, double tolerance) {
        assertThat(actual.lower()).as(ref.toString()).isCloseTo(ref.lower(), within(tolerance));
        assertThat(actual.upper()).as(ref.toString()).isCloseTo(ref.upper(), within(tolerance));
    }

    @Test
    void everyProportionAucAndSubgroupAgreesWithR() throws Exception {
        // R: binom.test(x, n)$conf.int, prop.test(x, n, correct = FALSE)$conf.int,
        //    ci.auc(roc(label, score, levels = c(0, 1), direction = '<'), method = 'delong')
        StudyResults r =
                StudyAnalysis.analyse(
                        ProtocolReader.read(protocolFile), StudyFixture.caseResults());
        int checked = 0;
        for (Ref ref : reference()) {
            if (ref.method().startsWith("bootstrap")) continue;
            DiagnosticAccuracy accuracy;
            java.util.Optional<org.clinval.validation.roc.AucEstimate> auc;
            if (ref.group().equals("all")) {
                accuracy = r.accuracy();
                auc = r.auc();
            } else {
                String[] g = ref.group().split("=");
                SubgroupResult s =
                        r.subgroups().get(g[0]).stream()
                                .filter(x -> x.value().equals(g[1]))
                                .findFirst()
                                .orElseThrow();
                accuracy = s.accuracy();
                auc = s.auc();
            }
            if (ref.measure().equals("auc")) {
                assertThat(auc.orElseThrow().auc()).isCloseTo(ref.estimate(), within(EXACT));
                assertInterval(auc.get().ci().orElseThrow(), ref, EXACT);
            } else {
                Proportion p = proportion(accuracy, ref.measure());
                assertThat(p.successes()).isEqualTo(ref.x());
                assertThat(p.trials()).isEqualTo(ref.n());
                assertThat(p.estimate().getAsDouble()).isCloseTo(ref.estimate(), within(EXACT));
                assertInterval(
                        p.interval(BinomialInterval.parse(ref.method())).orElseThrow(), ref, EXACT);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(6 * (5 * 2 + 1)); // all, 3 sites, 2 sexes
    }

    @Test
    void endpointsAreJudgedOnTheReferenceValues() throws Exception {
        // R: binom.test(18, 20)$conf.int -> [0.683017285980918, 0.987651472829705];
        //    ci.auc(r, method = 'delong') lower 0.878121342553732
        StudyResults r =
                StudyAnalysis.analyse(
                        ProtocolReader.read(protocolFile), StudyFixture.caseResults());
        EndpointResult ep1 = r.endpoints().get(0);
        assertThat(ep1.estimate().getAsDouble()).isEqualTo(0.9);
        assertThat(ep1.ci().orElseThrow().lower()).isCloseTo(0.683017285980918, within(EXACT));
        assertThat(ep1.numerator()).hasValue(18);
        assertThat(ep1.denominator()).hasValue(20);
        assertThat(ep1.reasons())
                .containsExactly(
                        "sensitivity 0.9 >= 0.8",
                        "the lower bound of its 95% clopper_pearson interval 0.683 >= 0.6");
        assertThat(ep1.verdict()).isEqualTo(Verdict.PASS);
        EndpointResult ep2 = r.endpoints().get(1);
        assertThat(ep2.estimate().getAsDouble()).isCloseTo(0.94, within(EXACT));
        assertThat(ep2.ci().orElseThrow().lower()).isCloseTo(0.878121342553732, within(EXACT));
        assertThat(ep2.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.accuracy().matrix().tp()).isEqualTo(18);
        assertThat(r.accuracy().matrix().fp()).isEqualTo(4);
    }

    @Test
    void aFailedPrimaryFailsTheStudyAndAFailedSecondaryDoesNot() throws Exception {
        StudyResults strict =
                StudyAnalysis.analyse(
                        protocol("estimate_min: 0.8", "estimate_min: 0.95"),
                        StudyFixture.caseResults());
        assertThat(strict.endpoints().get(0).reasons()).first().isEqualTo("sensitivity 0.9 < 0.95");
        assertThat(strict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(strict.failures()).extracting(e -> e.endpoint().id()).containsExactly("EP1");

        Files.writeString(
                protocolFile,
                Files.readString(protocolFile).replace("estimate_min: 0.95", "estimate_min: 0.8"));
        StudyResults secondary =
                StudyAnalysis.analyse(
                        protocol("ci_lower_min: 0.8", "ci_lower_min: 0.9"),
                        StudyFixture.caseResults());
        assertThat(secondary.endpoints().get(1).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(secondary.endpoints().get(1).reasons())
                .containsExactly(
                        "the lower bound of its 95% DeLong (Sun & Xu 2014 fast algorithm) interval 0.8781 < 0.9");
        assertThat(secondary.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theBootstrapIntervalIsSeededAndAgreesWithRWithinMonteCarloError() throws Exception {
        // R: set.seed(20261121); ci.auc(r, method = 'bootstrap', boot.n = 20000, boot.stratified =
        // TRUE)
        //    -> [0.8675, 0.99125]; 2000 replicates here: the 2.5% quantile's Monte Carlo SE is
        // ~0.002.
        protocol("ci_method: delong", "ci_method: bootstrap_percentile");
        StudyProtocol p = protocol("replicates: 200", "replicates: 2000");
        StudyResults r = StudyAnalysis.analyse(p, StudyFixture.caseResults());
        Ref ref =
                reference().stream()
                        .filter(x -> x.method().equals("bootstrap_percentile"))
                        .findFirst()
                        .orElseThrow();
        EndpointResult ep2 = r.endpoints().get(1);
        assertThat(ep2.method()).isEqualTo("percentile stratified bootstrap");
        assertThat(ep2.seed()).hasValue(7);
        assertThat(ep2.replicates()).hasValue(2000);
        assertInterval(ep2.ci().orElseThrow(), ref, 0.01);
        assertInterval(r.aucBootstrap().orElseThrow().percentile(), ref, 0.01);
        StudyResults again = StudyAnalysis.analyse(p, StudyFixture.caseResults());
        assertThat(again.endpoints().get(1).ci()).isEqualTo(ep2.ci());
        assertThat(MetricsJson.text(again, "x")).isEqualTo(MetricsJson.text(r, "x"));
    }

    @Test
    void undefinedEstimatesFailWithTheReasonShown() throws Exception {
        StudyProtocol p = protocol("measure: sensitivity", "measure: specificity");
        List<CaseResult> onlyPositive =
                StudyFixture.caseResults().stream()
                        .filter(c -> c.label().equals("malignant"))
                        .toList();
        StudyResults r = StudyAnalysis.analyse(p, onlyPositive);
        EndpointResult spec = r.endpoints().get(0);
        assertThat(spec.estimate()).isEmpty();
        assertThat(spec.ci()).isEmpty();
        assertThat(spec.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(spec.reasons())
                .containsExactly(
                        "specificity is undefined: its denominator is 0, so it cannot reach 0.8",
                        "the lower bound of its 95% clopper_pearson interval is undefined (specificity is"
                                + " undefined: its denominator is 0), so it cannot reach 0.6");
        EndpointResult auc = r.endpoints().get(1);
        assertThat(auc.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(auc.reasons().get(0))
                .contains("AUC is undefined: the study has 20 positive and 0 negative cases");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        String json = MetricsJson.text(r, "x");
        assertThat(json)
                .doesNotContain("NaN")
                .contains("\"undefined\" : \"specificity is undefined");
    }

    @Test
    void inconsistentCaseResultsAreRefusedNamingTheCase() throws Exception {
        StudyProtocol p = ProtocolReader.read(protocolFile);
        List<CaseResult> cases = new ArrayList<>(StudyFixture.caseResults());
        CaseResult c = cases.get(3);
        cases.set(
                3,
                new CaseResult(
                        c.caseId(),
                        c.site(),
                        c.manufacturer(),
                        c.sex(),
                        c.ageBand(),
                        c.label(),
                        c.score(),
                        !c.prediction()));
        assertThatThrownBy(() -> StudyAnalysis.analyse(p, cases))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("case case-004: prediction 0 disagrees with score");
        cases.set(
                3,
                new CaseResult(
                        c.caseId(),
                        c.site(),
                        c.manufacturer(),
                        c.sex(),
                        c.ageBand(),
                        "unknown",
                        c.score(),
                        c.prediction()));
        assertThatThrownBy(() -> StudyAnalysis.analyse(p, cases))
                .hasMessage(
                        "labels other than the positive class 'malignant' must be one negative label: found benign, unknown");
        assertThatThrownBy(() -> StudyAnalysis.analyse(p, List.of()))
                .hasMessage("there are no case results to analyse");
    }

    @Test
    void caseResultsRoundTripAndBadRowsNameLineAndColumn() throws Exception {
        Path f = dir.resolve("case-results.csv");
        CaseResultsCsv.write(f, StudyFixture.caseResults());
        assertThat(CaseResultsCsv.read(f)).isEqualTo(StudyFixture.caseResults());
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(5, lines.get(5).replaceFirst(",[0-9.]+,([01])$", ",high,$1"));
        Files.write(f, lines);
        assertThatThrownBy(() -> CaseResultsCsv.read(f))
                .hasMessage(f + ", line 6, column score: 'high' is not a number");
        // a comment line and a row cut short: the line is the file's, the cause named
        lines.set(5, lines.get(5).replace(",high,", ",0.5,"));
        lines.add(2, "# re-exported by hand");
        lines.set(8, lines.get(8).substring(0, lines.get(8).lastIndexOf(',')));
        Files.write(f, lines);
        assertThatThrownBy(() -> CaseResultsCsv.read(f))
                .hasMessage(f + " line 9: 7 fields, but the header has 8");
        // one byte of another encoding: where it is, not only that it is there
        lines.set(8, lines.get(8) + ",1");
        lines.set(4, lines.get(4).replaceFirst("^([^,]*),", "$1X,"));
        Files.write(f, lines);
        byte[] bytes = Files.readAllBytes(f);
        int column = lines.get(4).indexOf("X,") + 1;
        int start = 0;
        for (int i = 0; i < 4; i++) start += lines.get(i).length() + 1;
        bytes[start + column - 1] = (byte) 0xE9;
        Files.write(f, bytes);
        assertThatThrownBy(() -> CaseResultsCsv.read(f))
                .hasMessage(
                        f
                                + " line 5: not UTF-8 text (byte 0xE9 at position "
                                + column
                                + " of the line); save the file as UTF-8");
    }

    @Test
    void metricsJsonCarriesTheChoicesAndVerdicts() throws Exception {
        StudyResults r =
                StudyAnalysis.analyse(
                        ProtocolReader.read(protocolFile), StudyFixture.caseResults());
        @SuppressWarnings("unchecked")
        Map<String, Object> m =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(MetricsJson.text(r, "abc"), Map.class);
        assertThat(m.get("verdict")).isEqualTo("PASS");
        assertThat(m.get("operating_point").toString())
                .contains("rule=>=")
                .contains("positive_class=malignant");
        assertThat(m.get("statistics").toString())
                .contains("bootstrap_seed=7")
                .contains("bootstrap_replicates=200");
        assertThat(m.get("provenance").toString()).contains("case_results_sha256=abc");
        assertThat((List<?>) m.get("endpoints")).hasSize(2);
        assertThat(m.get("subgroups").toString()).contains("site=").contains("sex=");
    }
}
