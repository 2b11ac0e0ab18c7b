package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
}
