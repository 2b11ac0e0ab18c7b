package org.clinval.workflows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.workflows.testing.StudyFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task of a protocol, its blocks, its references and the measures that fit it. */
class TaskProtocolTest {

    private static final String AUC =
            """
                  measure: auc
                  ci_lower_min: 0.8
                  ci_method: delong
            """;

    @TempDir Path dir;

    private Path protocol;

    @BeforeEach
    void folders() throws Exception {
        Files.createDirectories(dir.resolve("truth/seg"));
        Files.writeString(dir.resolve("truth/lesions.csv"), "case_id,x,y,z,radius\n");
    }

    /** Returns the problems after {@code task} lines are added and EP2's criterion replaced. */
    private List<String> problems(String top, String dataset, String criterion) throws Exception {
        protocol = StudyFixture.in(dir).write();
        String text =
                Files.readString(protocol)
                        .replace("  deidentify: false\n", "  deidentify: false\n" + dataset)
                        .replace(AUC, criterion);
        Files.writeString(protocol, top + text);
        return ProtocolReader.check(protocol).stream()
                .map(p -> p.path() + ": " + p.what())
                .toList();
    }

    private static String criterion(String... lines) {
        StringBuilder s = new StringBuilder();
        for (String l : lines) s.append("      ").append(l).append('\n');
        return s.toString();
    }

    @Test
    void aClassificationProtocolNamesNoTask() throws Exception {
        assertThat(problems("", "", AUC)).isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(p.segmentation()).isEmpty();
        assertThat(p.detection()).isEmpty();
        assertThat(p.dataset().referenceMasks()).isEmpty();
    }

    @Test
    void aSegmentationProtocolReadsItsBlockAndReference() throws Exception {
        assertThat(
                        problems(
                                "task: segmentation\nsegmentation:\n  label: 1\n"
                                        + "  surface_tolerance_mm: 2.0\n",
                                "  reference_masks: truth/seg\n",
                                criterion(
                                        "measure: hd95_median",
                                        "estimate_max: 5",
                                        "ci_upper_max: 6",
                                        "ci_method: bootstrap_percentile")))
                .isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.task()).isEqualTo(Task.SEGMENTATION);
        assertThat(p.segmentation().orElseThrow().label()).contains("1");
        assertThat(p.segmentation().orElseThrow().surfaceToleranceMm()).hasValue(2.0);
        assertThat(p.dataset().referenceMasks()).contains(dir.resolve("truth/seg"));
        Criterion c = p.endpoints().get(1).criterion();
        assertThat(c.measure()).isEqualTo(Measure.HD95_MEDIAN);
        assertThat(c.estimateMax()).hasValue(5.0);
        assertThat(c.ciUpperMax()).hasValue(6.0);
        assertThat(c.describe())
                .isEqualTo(
                        "hd95_median <= 5 and upper bound of its 95% bootstrap_percentile"
                                + " interval <= 6");
    }

    @Test
    void aDetectionProtocolReadsItsBlockAndLesions() throws Exception {
        assertThat(
                        problems(
                                "task: detection\ndetection:\n  min_candidate_voxels: 3\n",
                                "  lesions: truth/lesions.csv\n",
                                criterion(
                                        "measure: sensitivity_at_fp",
                                        "fp_per_scan: 1.0",
                                        "estimate_min: 0.85",
                                        "ci_method: bootstrap_percentile")))
                .isEmpty();
        StudyProtocol p = ProtocolReader.read(protocol);
        assertThat(p.task()).isEqualTo(Task.DETECTION);
        assertThat(p.detection().orElseThrow().minCandidateVoxels()).isEqualTo(3);
        assertThat(p.dataset().lesions()).contains(dir.resolve("truth/lesions.csv"));
        assertThat(p.endpoints().get(1).criterion().fpPerScan()).hasValue(1.0);
    }

    @Test
    void aMeasureOfAnotherTaskNamesItsEndpoint() throws Exception {
        assertThat(
                        problems(
                                "",
                                "",
                                criterion(
                                        "measure: dice_mean",
                                        "estimate_min: 0.9",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.measure: endpoint EP2: dice_mean is a segmentation"
                                + " measure, but the protocol's task is classification (measures"
                                + " of every task: sensitivity, specificity, ppv, npv, accuracy,"
                                + " auc)");
        assertThat(
                        problems(
                                "task: detection\n",
                                "  lesions: truth/lesions.csv\n",
                                criterion(
                                        "measure: hd95_mean",
                                        "estimate_max: 4",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.measure: endpoint EP2: hd95_mean is a segmentation"
                                + " measure, but the protocol's task is detection (measures of"
                                + " every task: sensitivity, specificity, ppv, npv, accuracy,"
                                + " auc)");
    }

    @Test
    void eachReferenceBelongsToItsTask() throws Exception {
        assertThat(problems("task: segmentation\n", "", AUC))
                .containsExactly(
                        "dataset.reference_masks: is required by task: segmentation (the folder"
                                + " of the reference DICOM SEG files, one per case)");
        assertThat(problems("task: detection\n", "", AUC))
                .containsExactly(
                        "dataset.lesions: is required by task: detection (the CSV of the"
                                + " reference lesions: case_id,x,y,z,radius)");
        assertThat(problems("", "  lesions: truth/lesions.csv\n", AUC))
                .containsExactly(
                        "dataset.lesions: is only for task: detection; this protocol's task is"
                                + " classification");
        assertThat(problems("segmentation:\n  label: 1\n", "", AUC))
                .containsExactly(
                        "segmentation: is only for task: segmentation; this protocol's task is"
                                + " classification");
        assertThat(problems("task: segmentation\n", "  reference_masks: truth/none\n", AUC))
                .singleElement()
                .asString()
                .startsWith("dataset.reference_masks: 'truth/none' is not a folder");
        assertThat(problems("task: tracking\n", "", AUC))
                .singleElement()
                .asString()
                .startsWith("task: 'tracking' is not one of");
    }

    @Test
    void boundsFollowTheDirectionOfTheMeasure() throws Exception {
        String seg = "task: segmentation\nsegmentation:\n  surface_tolerance_mm: 1\n";
        String masks = "  reference_masks: truth/seg\n";
        assertThat(
                        problems(
                                seg,
                                masks,
                                criterion(
                                        "measure: hd95_median",
                                        "estimate_min: 0.5",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.estimate_min: is not a bound of hd95_median, where"
                                + " smaller is better: state estimate_max or ci_upper_max");
        assertThat(
                        problems(
                                seg,
                                masks,
                                criterion(
                                        "measure: dice_mean",
                                        "estimate_max: 0.9",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.estimate_max: is not a bound of dice_mean, where"
                                + " larger is better: state estimate_min or ci_lower_min (maxima"
                                + " are for hd95_median, hd95_mean, assd_mean, fp_per_scan_mean)");
        assertThat(
                        problems(
                                seg,
                                masks,
                                criterion("measure: assd_mean", "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.estimate_max: or ci_upper_max is required: a"
                                + " criterion of assd_mean needs a maximum");
        assertThat(
                        problems(
                                seg,
                                masks,
                                criterion(
                                        "measure: dice_mean",
                                        "estimate_min: 1.5",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly("endpoints[1].criterion.estimate_min: 1.5 is above the maximum 1");
        assertThat(
                        problems(
                                seg,
                                masks,
                                criterion(
                                        "measure: dice_mean",
                                        "estimate_min: 0.9",
                                        "ci_method: clopper_pearson")))
                .containsExactly(
                        "endpoints[1].criterion.ci_method: clopper_pearson is not an interval"
                                + " method for dice_mean (one of bootstrap_percentile,"
                                + " bootstrap_bca)");
    }

    @Test
    void theFpRateBelongsToSensitivityAtFp() throws Exception {
        String det = "task: detection\n";
        String lesions = "  lesions: truth/lesions.csv\n";
        assertThat(
                        problems(
                                det,
                                lesions,
                                criterion(
                                        "measure: sensitivity_at_fp",
                                        "estimate_min: 0.8",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly("endpoints[1].criterion.fp_per_scan: is required");
        assertThat(
                        problems(
                                det,
                                lesions,
                                criterion(
                                        "measure: froc_cpm",
                                        "fp_per_scan: 1",
                                        "estimate_min: 0.8",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.fp_per_scan: is only for sensitivity_at_fp, not"
                                + " froc_cpm");
        assertThat(
                        problems(
                                det,
                                lesions,
                                criterion(
                                        "measure: lesion_sensitivity",
                                        "estimate_min: 0.8",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.ci_method: bootstrap_percentile is not an interval"
                                + " method for lesion_sensitivity (one of wilson, clopper_pearson,"
                                + " jeffreys)");
    }

    @Test
    void surfaceDiceNeedsATolerance() throws Exception {
        assertThat(
                        problems(
                                "task: segmentation\n",
                                "  reference_masks: truth/seg\n",
                                criterion(
                                        "measure: surface_dice_mean",
                                        "estimate_min: 0.8",
                                        "ci_method: bootstrap_percentile")))
                .containsExactly(
                        "endpoints[1].criterion.measure: endpoint EP2: surface_dice_mean needs"
                                + " segmentation.surface_tolerance_mm: without a tolerance the"
                                + " surface Dice is undefined in every case");
    }
}
