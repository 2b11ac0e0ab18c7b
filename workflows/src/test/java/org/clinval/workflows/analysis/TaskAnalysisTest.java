package org.clinval.workflows.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.validation.detection.Candidate;
import org.clinval.validation.detection.Froc;
import org.clinval.validation.detection.FrocResult;
import org.clinval.validation.detection.Lesion;
import org.clinval.validation.detection.MatchedDetections;
import org.clinval.validation.segmentation.EmptyMasks;
import org.clinval.validation.segmentation.SegmentationMetric;
import org.clinval.workflows.local.MetricsAnalysisService;
import org.clinval.workflows.protocol.ProtocolReader;
import org.clinval.workflows.protocol.StudyProtocol;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segmentation and detection analysis of small hand-made run folders. */
class TaskAnalysisTest {

    private static final String AUC =
            """
                  measure: auc
                  ci_lower_min: 0.8
                  ci_method: delong
            """;

    private static final String HEADER =
            "case_id,site,manufacturer,sex,age_band,label,score,prediction";

    @TempDir Path dir;

    private StudyProtocol protocol(String top, String dataset, String criterion) throws Exception {
        Files.createDirectories(dir.resolve("truth/seg"));
        Files.writeString(dir.resolve("truth/lesions.csv"), "case_id,x,y,z,radius\n");
        Path p = StudyFixture.in(dir).write();
        Files.writeString(
                p,
                top
                        + Files.readString(p)
                                .replace("  deidentify: false\n", "  deidentify: false\n" + dataset)
                                .replace(AUC, criterion));
        return ProtocolReader.read(p);
    }

    private StudyProtocol segmentation(String criterion) throws Exception {
        return protocol(
                "task: segmentation\nsegmentation:\n  surface_tolerance_mm: 2\n",
                "  reference_masks: truth/seg\n",
                criterion);
    }

    private Path segmentationRun() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path file = run.resolve("case-results.csv");
        Files.writeString(
                file,
                HEADER
                        + ",dice,iou,hd,hd95,hd95_pooled,assd,surface_dice,empty,reference_voxels,"
                        + "predicted_voxels\n"
                        + "c1,A,X,F,60-74,malignant,0.9,1,0.9,0.8182,3,2.5,2.2,1.0,0.95,neither,1500,1400\n"
                        + "c2,B,X,M,60-74,malignant,0.8,1,0.8,0.6667,5,4.0,3.5,1.5,0.85,neither,12000,11000\n"
                        + "c3,A,Y,F,60-74,malignant,0.3,0,0.0,0.0,,,,,0.0,prediction,500,0\n"
                        + "c4,B,Y,M,60-74,benign,0.1,0,1.0,1.0,0,0,0,0,1.0,both,0,0\n"
                        + "c5,A,X,M,60-74,malignant,0.95,1,0.95,0.9048,2,1.5,1.4,0.6,0.98,neither,800,850\n"
                        + "c6,B,Y,F,60-74,benign,0.6,1,0.0,0.0,,,,,0.0,reference,0,30\n");
        return file;
    }

    @Test
    void segmentationAggregatesAgreeWithNumpy() throws Exception {
        StudyProtocol p =
                segmentation(
                        "      measure: hd95_median\n"
                                + "      estimate_max: 2\n"
                                + "      ci_method: bootstrap_percentile\n");
        Path file = segmentationRun();
        StudyResults r = new MetricsAnalysisService().analyse(p, file, file.getParent());
        SegmentationResults s = r.segmentation().orElseThrow();
        // numpy 1.24: np.mean([.9,.8,0,1,.95,0]) = 0.6083333333333334,
        // np.median(...) = 0.8500000000000001 (numpy adds the middle two, then halves)
        assertThat(s.means().get(SegmentationMetric.DICE).estimate().getAsDouble())
                .isCloseTo(0.6083333333333334, within(1e-15));
        assertThat(s.medians().get(SegmentationMetric.DICE).estimate().getAsDouble())
                .isCloseTo(0.85, within(1e-15));
        // np.mean([2.5,4.0,0,1.5]) = 2.0, np.median(...) = 2.0: the two cases with one empty
        // mask have no HD95, counted as undefined
        assertThat(s.means().get(SegmentationMetric.HD95).estimate()).hasValue(2.0);
        assertThat(s.medians().get(SegmentationMetric.HD95).estimate()).hasValue(2.0);
        assertThat(s.summary().metric(SegmentationMetric.HD95).nUndefined()).isEqualTo(2);
        assertThat(s.summary().metric(SegmentationMetric.HD95).undefinedReasons())
                .containsEntry("prediction mask is empty: surface distances are undefined", 1)
                .containsEntry("reference mask is empty: surface distances are undefined", 1);
        assertThat(s.summary().emptyMasks())
                .containsEntry(EmptyMasks.NEITHER, 3)
                .containsEntry(EmptyMasks.PREDICTION, 1)
                .containsEntry(EmptyMasks.REFERENCE, 1)
                .containsEntry(EmptyMasks.BOTH, 1);
        CaseAggregate dice = s.means().get(SegmentationMetric.DICE);
        assertThat(dice.bootstrap().orElseThrow().seed()).isEqualTo(7);
        assertThat(dice.bootstrap().orElseThrow().replicates()).isEqualTo(200);
        assertThat(dice.percentile().orElseThrow().lower()).isLessThan(0.6083333333333334);
        assertThat(dice.percentile().orElseThrow().upper()).isGreaterThan(0.6083333333333334);
        // site A: np.mean([.9, 0, .95]) = 0.6166666666666667; site B: np.mean([.8, 1, 0]) = 0.6
        assertThat(s.subgroups().get("site"))
                .extracting(g -> g.group(), g -> g.n())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", 3),
                        org.assertj.core.groups.Tuple.tuple("B", 3));
        assertThat(s.subgroups().get("site").get(0).value().estimate().getAsDouble())
                .isCloseTo(0.6166666666666667, within(1e-15));
        assertThat(s.subgroups().get("site").get(1).value().estimate().getAsDouble())
                .isCloseTo(0.6, within(1e-15));
        assertThat(s.sizeBands())
                .extracting(g -> g.group())
                .containsExactly(
                        "0 voxels (empty reference)",
                        "1-999 voxels",
                        "1000-9999 voxels",
                        "10000-99999 voxels");
        // The endpoint: the median HD95 2.0 <= 2 passes, inclusive.
        EndpointResult ep2 = r.endpoints().get(1);
        assertThat(ep2.estimate()).hasValue(2.0);
        assertThat(ep2.passed()).isTrue();
        assertThat(ep2.reasons()).first().isEqualTo("hd95_median 2 <= 2");
        JsonNode json =
                new ObjectMapper().readTree(file.getParent().resolve("metrics.json").toFile());
        assertThat(json.path("task").asText()).isEqualTo("segmentation");
        assertThat(json.at("/segmentation/metrics/dice/mean/estimate").asDouble())
                .isCloseTo(0.6083333333333334, within(1e-15));
        assertThat(json.at("/segmentation/metrics/hd95/mean/undefined").isMissingNode()).isTrue();
        assertThat(json.at("/segmentation/empty_masks/reference").asInt()).isEqualTo(1);
        assertThat(json.at("/confusion_matrix/tp").asInt()).isEqualTo(3);
    }

    @Test
    void aFailingSegmentationEndpointFailsTheStudy() throws Exception {
        StudyProtocol p =
                segmentation(
                        "      measure: dice_mean\n"
                                + "      estimate_min: 0.7\n"
                                + "      ci_method: bootstrap_percentile\n");
        Path file = segmentationRun();
        List<CaseResult> cases = CaseResultsCsv.read(file);
        StudyResults r = StudyAnalysis.analyse(p, cases, TaskInputs.read(p, file, cases));
        assertThat(r.endpoints().get(1).passed()).isFalse();
        assertThat(r.endpoints().get(1).reasons()).containsExactly("dice_mean 0.6083 < 0.7");
    }

    @Test
    void aMalformedSegmentationCellIsNamed() throws Exception {
        Path file = segmentationRun();
        Files.writeString(file, Files.readString(file).replace("0.95,neither", "high,neither"));
        assertThatThrownBy(() -> SegmentationCasesCsv.read(file))
                .hasMessage(file + ", line 2, column surface_dice: 'high' is not a number");
        Files.writeString(file, Files.readString(file).replace("high,neither", "0.95,nobody"));
        assertThatThrownBy(() -> SegmentationCasesCsv.read(file))
                .hasMessage(
                        file
                                + ", line 2, column empty: 'nobody' is not one of neither,"
                                + " prediction, reference, both");
        Files.writeString(file, Files.readString(file).replace("0.95,nobody", "0.95,neither"));
        Files.writeString(
                file,
                Files.readString(file)
                        .replace("0.0,,,,,0.0,prediction", "0.0,,4,,,0.0,prediction"));
        assertThatThrownBy(() -> SegmentationCasesCsv.read(file))
                .hasMessageContaining(
                        "line 4, column hd95: is given, but with empty = prediction,");
    }

    private Path detectionRun() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path file = run.resolve("case-results.csv");
        Files.writeString(
                file,
                HEADER
                        + "\n"
                        + "s1,A,X,F,60-74,malignant,0.9,1\n"
                        + "s2,B,X,M,60-74,malignant,0.8,1\n"
                        + "s3,A,Y,F,60-74,benign,0.6,1\n"
                        + "s4,B,Y,M,60-74,benign,0.0,0\n");
        Files.writeString(
                run.resolve("candidates.csv"),
                "case_id,x,y,z,score\n"
                        + "s1,1,0,0,0.9\n"
                        + "s1,0,1,0,0.7\n"
                        + "s1,50,0,0,0.4\n"
                        + "s2,30,30,30,0.8\n"
                        + "s3,0,0,0,0.6\n");
        Files.writeString(
                run.resolve("lesions.csv"),
                "case_id,x,y,z,radius\n" + "s1,0,0,0,5\n" + "s2,10,10,10,3\n");
        return file;
    }

    @Test
    void detectionMatchesTheValidationFrocAndAHandCount() throws Exception {
        StudyProtocol p =
                protocol(
                        "task: detection\n",
                        "  lesions: truth/lesions.csv\n",
                        "      measure: lesion_sensitivity\n"
                                + "      estimate_min: 0.5\n"
                                + "      ci_method: clopper_pearson\n");
        Path file = detectionRun();
        StudyResults r = new MetricsAnalysisService().analyse(p, file, file.getParent());
        DetectionResults d = r.detection().orElseThrow();
        FrocResult expected =
                Froc.of(
                        MatchedDetections.of(
                                List.of(
                                        new Candidate("s1", 1, 0, 0, 0.9),
                                        new Candidate("s1", 0, 1, 0, 0.7),
                                        new Candidate("s1", 50, 0, 0, 0.4),
                                        new Candidate("s2", 30, 30, 30, 0.8),
                                        new Candidate("s3", 0, 0, 0, 0.6)),
                                List.of(
                                        new Lesion("s1", 0, 0, 0, 5),
                                        new Lesion("s2", 10, 10, 10, 3)),
                                4));
        assertThat(d.froc().sensitivityAtFp()).isEqualTo(expected.sensitivityAtFp());
        assertThat(d.froc().cpm()).isEqualTo(expected.cpm());
        // By hand: the lesion on s1 is hit twice (0.9 counts, 0.7 is neither TP nor FP); the
        // lesion on s2 is missed; FPs 0.8, 0.6, 0.4 over N = 4 scans (s4 has nothing): the
        // curve is (0, 1/2), (1/4, 1/2), (1/2, 1/2), (3/4, 1/2), so every rate reads 1/2.
        assertThat(d.froc().cpm()).hasValue(0.5);
        assertThat(d.froc().scans()).isEqualTo(4);
        assertThat(d.froc().falsePositives()).isEqualTo(3);
        // At threshold >= 0.5: accepted 0.9, 0.7, 0.8, 0.6; 1 of 2 lesions hit; 2 FPs / 4 scans.
        assertThat(d.candidatesAccepted()).isEqualTo(4);
        assertThat(d.lesionSensitivity().successes()).isEqualTo(1);
        assertThat(d.lesionSensitivity().trials()).isEqualTo(2);
        assertThat(d.fpPerScan().estimate()).hasValue(0.5);
        // Diameters 10 mm (s1, hit) and 6 mm (s2, missed).
        assertThat(d.sizeBands())
                .filteredOn(b -> b.sensitivity().trials() > 0)
                .extracting(b -> b.group(), b -> b.sensitivity().successes())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("6-10 mm", 0L),
                        org.assertj.core.groups.Tuple.tuple("10-20 mm", 1L));
        assertThat(r.endpoints().get(1).passed()).isTrue();
        assertThat(r.endpoints().get(1).numerator()).hasValue(1);
        assertThat(r.endpoints().get(1).denominator()).hasValue(2);
        JsonNode json =
                new ObjectMapper().readTree(file.getParent().resolve("metrics.json").toFile());
        assertThat(json.at("/detection/froc/cpm/estimate").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/detection/operating_point/lesion_sensitivity/successes").asInt())
                .isEqualTo(1);
    }

    @Test
    void aCandidateOfAnUnknownCaseIsNamed() throws Exception {
        Path file = detectionRun();
        Files.writeString(
                file.getParent().resolve("candidates.csv"), "case_id,x,y,z,score\ns9,1,0,0,0.9\n");
        StudyProtocol p = protocol("task: detection\n", "  lesions: truth/lesions.csv\n", AUC);
        List<CaseResult> cases = CaseResultsCsv.read(file);
        assertThatThrownBy(() -> TaskInputs.read(p, file, cases))
                .hasMessage(
                        file.getParent().resolve("candidates.csv")
                                + ", line 2, column case_id: case 's9' is not one of the case"
                                + " results");
    }
}
