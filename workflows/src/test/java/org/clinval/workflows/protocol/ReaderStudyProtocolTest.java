package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.clinval.validation.ThresholdRule;
import org.clinval.validation.mrmc.OrCovariance;
import org.clinval.validation.mrmc.OrFactors;
import org.clinval.workflows.testing.ReaderReads;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code reader_study} block and the {@code reader_auc_difference} measure. */
class ReaderStudyProtocolTest {

    @TempDir Path dir;

    private Path protocol;

    @BeforeEach
    void reads() throws Exception {
        ReaderReads.write(dir);
    }

    private List<String> problems(String block, String endpoint) throws Exception {
        protocol = StudyFixture.in(dir).write();
        ReaderReads.addTo(protocol, block, endpoint);
        return ProtocolReader.check(protocol).stream()
                .map(p -> p.path() + ": " + p.what())
                .toList();
    }

    private List<String> problems(String block) throws Exception {
        return problems(block, ReaderReads.ENDPOINT);
    }

    @Test
    void aValidBlockIsRead() throws Exception {
        assertThat(problems(ReaderReads.BLOCK)).isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        ReaderStudySettings r = p.readerStudy().orElseThrow();
        assertThat(r.reads()).isEqualTo(dir.resolve("readers/reads.csv").toAbsolutePath());
        assertThat(r.unaided()).isEqualTo("unaided");
        assertThat(r.aided()).isEqualTo("aided");
        assertThat(r.analysis()).isEqualTo(ReaderStudySettings.Analysis.OBUCHOWSKI_ROCKETTE);
        assertThat(r.covariance()).contains(OrCovariance.JACKKNIFE);
        assertThat(r.factors()).isEqualTo(OrFactors.RANDOM_READERS_RANDOM_CASES);
        Criterion c = p.endpoints().get(2).criterion();
        assertThat(c.measure()).isEqualTo(Measure.READER_AUC_DIFFERENCE);
        assertThat(c.ciMethod()).isEqualTo(CiMethod.MRMC);
        assertThat(c.ciLowerMin()).hasValue(-0.05);
    }

    @Test
    void gallasTakesNoCovarianceAndFixedReadersNeedObuchowskiRockette() throws Exception {
        String gallas =
                ReaderReads.BLOCK
                        .replace("obuchowski_rockette", "gallas")
                        .replace("  covariance: jackknife\n", "");
        assertThat(problems(gallas)).isEmpty();
        ReaderStudySettings r = ProtocolReader.read(protocol).readerStudy().orElseThrow();
        assertThat(r.analysis()).isEqualTo(ReaderStudySettings.Analysis.GALLAS);
        assertThat(r.covariance()).isEmpty();
        assertThat(problems(ReaderReads.BLOCK.replace("readers: random", "readers: fixed")))
                .isEmpty();
        assertThat(ProtocolReader.read(protocol).readerStudy().orElseThrow().factors())
                .isEqualTo(OrFactors.FIXED_READERS_RANDOM_CASES);
        assertThat(problems(gallas.replace("readers: random", "readers: fixed")))
                .singleElement()
                .asString()
                .startsWith(
                        "reader_study.readers: fixed is only for analysis: obuchowski_rockette");
        assertThat(problems(gallas + "  covariance: delong\n"))
                .singleElement()
                .asString()
                .startsWith("reader_study.covariance: is only for analysis: obuchowski_rockette");
    }

    @Test
    void everyBadKeyOrValueIsNamedByItsPath() throws Exception {
        String b = ReaderReads.BLOCK;
        assertThat(problems(b.replace("analysis: obuchowski_rockette", "analysis: dbm")))
                .singleElement()
                .asString()
                .startsWith("reader_study.analysis: 'dbm' is not one of");
        assertThat(problems(b.replace("covariance: jackknife", "covariance: bootstrap")))
                .singleElement()
                .asString()
                .startsWith("reader_study.covariance: 'bootstrap' is not one of");
        assertThat(problems(b.replace("  covariance: jackknife\n", "")))
                .singleElement()
                .asString()
                .startsWith("reader_study.covariance");
        assertThat(problems(b.replace("readers: random", "readers: some")))
                .singleElement()
                .asString()
                .startsWith("reader_study.readers: 'some' is not one of");
        assertThat(problems(b.replace("cases: random", "cases: all")))
                .singleElement()
                .asString()
                .startsWith("reader_study.cases: 'all' is not one of");
        assertThat(
                        problems(
                                b.replace("readers: random", "readers: fixed")
                                        .replace("cases: random", "cases: fixed")))
                .singleElement()
                .asString()
                .startsWith("reader_study.cases: fixed with readers: fixed");
        assertThat(problems(b.replace("aided: aided", "aided: unaided")))
                .singleElement()
                .asString()
                .startsWith("reader_study.aided: 'unaided' is also the unaided modality");
        assertThat(problems(b.replace("readers/reads.csv", "readers/none.csv")))
                .singleElement()
                .asString()
                .startsWith("reader_study.reads: 'readers/none.csv'");
        assertThat(problems(b.replace("  unaided: unaided\n", "")))
                .singleElement()
                .asString()
                .startsWith("reader_study");
        assertThat(problems(b + "  raeders: random\n"))
                .singleElement()
                .asString()
                .contains("raeders");
    }

    @Test
    void theDifferenceTakesANegativeMarginOnlyInMinusOneToOne() throws Exception {
        assertThat(problems(ReaderReads.BLOCK, ReaderReads.ENDPOINT.replace("-0.05", "-1.5")))
                .singleElement()
                .asString()
                .startsWith("endpoints[2].criterion.ci_lower_min: -1.5");
        assertThat(
                        problems(
                                ReaderReads.BLOCK,
                                ReaderReads.ENDPOINT.replace(
                                        "ci_lower_min: -0.05", "estimate_min: -0.02")))
                .isEmpty();
        assertThat(
                        problems(
                                ReaderReads.BLOCK,
                                ReaderReads.ENDPOINT.replace(
                                        "level: 0.95", "level: 0.95\n      ci_method: delong")))
                .singleElement()
                .asString()
                .startsWith(
                        "endpoints[2].criterion.ci_method: delong is not an interval method for"
                                + " reader_auc_difference");
        // Another measure keeps its [0, 1] bounds.
        assertThat(
                        problems(
                                ReaderReads.BLOCK,
                                ReaderReads.ENDPOINT
                                        .replace("reader_auc_difference", "auc")
                                        .replace(
                                                "level: 0.95",
                                                "level: 0.95\n      ci_method: delong")))
                .singleElement()
                .asString()
                .startsWith("endpoints[2].criterion.ci_lower_min: -0.05 is below the minimum 0");
    }

    @Test
    void theMeasureNeedsAReaderStudy() throws Exception {
        assertThat(problems(""))
                .singleElement()
                .asString()
                .isEqualTo(
                        "endpoints[2].criterion.measure: endpoint EP3: reader_auc_difference needs"
                                + " a reader_study block: the readers' reads without (unaided)"
                                + " and with (aided) the device");
        assertThat(problems(ReaderReads.BLOCK, "")).isEmpty();
        assertThat(ProtocolReader.read(protocol).readerStudy()).isPresent();
    }

    @Test
    void aThresholdAndItsRuleAreRead() throws Exception {
        assertThat(problems(ReaderReads.BLOCK)).isEmpty();
        ReaderStudySettings none = ProtocolReader.read(protocol).readerStudy().orElseThrow();
        assertThat(none.threshold()).isEmpty();
        assertThat(none.hasThreshold()).isFalse();
        assertThat(
                        problems(
                                ReaderReads.THRESHOLD_BLOCK,
                                ReaderReads.ENDPOINT + ReaderReads.SENSITIVITY_ENDPOINT))
                .isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        ReaderStudySettings r = p.readerStudy().orElseThrow();
        assertThat(r.threshold()).hasValue(50.0);
        assertThat(r.rule()).isEqualTo(ThresholdRule.GE);
        Criterion c = p.endpoints().get(3).criterion();
        assertThat(c.measure()).isEqualTo(Measure.READER_SENSITIVITY_DIFFERENCE);
        assertThat(c.ciMethod()).isEqualTo(CiMethod.MRMC);
        assertThat(c.ciLowerMin()).hasValue(-0.1);
        // The rule defaults to >=; > is read; a binary threshold of 1 is a number like any other.
        assertThat(problems(ReaderReads.BLOCK + "  threshold: 1\n")).isEmpty();
        r = ProtocolReader.read(protocol).readerStudy().orElseThrow();
        assertThat(r.threshold()).hasValue(1.0);
        assertThat(r.rule()).isEqualTo(ThresholdRule.GE);
        assertThat(problems(ReaderReads.THRESHOLD_BLOCK.replace("\">=\"", "\">\""))).isEmpty();
        assertThat(ProtocolReader.read(protocol).readerStudy().orElseThrow().rule())
                .isEqualTo(ThresholdRule.GT);
        String specificity =
                ReaderReads.SENSITIVITY_ENDPOINT.replace(
                        "reader_sensitivity_difference", "reader_specificity_difference");
        assertThat(problems(ReaderReads.THRESHOLD_BLOCK, specificity)).isEmpty();
        assertThat(ProtocolReader.read(protocol).endpoints().get(2).criterion().measure())
                .isEqualTo(Measure.READER_SPECIFICITY_DIFFERENCE);
    }

    @Test
    void aBadThresholdOrRuleIsNamedByItsPath() throws Exception {
        String t = ReaderReads.THRESHOLD_BLOCK;
        assertThat(problems(t.replace("threshold: 50", "threshold: high")))
                .singleElement()
                .asString()
                .startsWith("reader_study.threshold: 'high' is not a number");
        assertThat(problems(t.replace("threshold: 50", "threshold: .nan")))
                .singleElement()
                .asString()
                .startsWith("reader_study.threshold:");
        assertThat(problems(t.replace("threshold: 50", "threshold: .inf")))
                .singleElement()
                .asString()
                .startsWith("reader_study.threshold:");
        assertThat(problems(t.replace("\">=\"", "\"=>\"")))
                .singleElement()
                .asString()
                .startsWith("reader_study.rule: '=>' is not one of");
        assertThat(problems(t.replace("\">=\"", "\"<\"")))
                .singleElement()
                .asString()
                .startsWith("reader_study.rule: '<' is not one of");
        assertThat(problems(ReaderReads.BLOCK + "  rule: \">\"\n"))
                .singleElement()
                .asString()
                .startsWith("reader_study.rule: is only with reader_study.threshold");
        assertThat(problems(t + "  treshold: 50\n"))
                .singleElement()
                .asString()
                .contains("treshold");
    }

    @Test
    void theProportionDifferencesNeedAThreshold() throws Exception {
        assertThat(problems(ReaderReads.BLOCK, ReaderReads.SENSITIVITY_ENDPOINT))
                .singleElement()
                .asString()
                .isEqualTo(
                        "endpoints[2].criterion.measure: endpoint EP4:"
                                + " reader_sensitivity_difference needs reader_study.threshold:"
                                + " the score at which a read is a positive call (binary 0/1"
                                + " reads: threshold 1)");
        String specificity =
                ReaderReads.SENSITIVITY_ENDPOINT.replace(
                        "reader_sensitivity_difference", "reader_specificity_difference");
        assertThat(problems(ReaderReads.BLOCK, specificity))
                .singleElement()
                .asString()
                .startsWith(
                        "endpoints[2].criterion.measure: endpoint EP4:"
                                + " reader_specificity_difference needs reader_study.threshold");
        assertThat(problems("", ReaderReads.SENSITIVITY_ENDPOINT))
                .singleElement()
                .asString()
                .startsWith(
                        "endpoints[2].criterion.measure: endpoint EP4:"
                                + " reader_sensitivity_difference needs a reader_study block");
        // Bounds of a difference of proportions lie in [-1, 1]; the interval is mrmc only.
        assertThat(
                        problems(
                                ReaderReads.THRESHOLD_BLOCK,
                                ReaderReads.SENSITIVITY_ENDPOINT.replace("-0.1", "-1.2")))
                .singleElement()
                .asString()
                .startsWith("endpoints[2].criterion.ci_lower_min: -1.2 is below the minimum -1");
        assertThat(
                        problems(
                                ReaderReads.THRESHOLD_BLOCK,
                                ReaderReads.SENSITIVITY_ENDPOINT.replace(
                                        "level: 0.95", "level: 0.95\n      ci_method: wilson")))
                .singleElement()
                .asString()
                .startsWith(
                        "endpoints[2].criterion.ci_method: wilson is not an interval method for"
                                + " reader_sensitivity_difference");
    }
}
