package org.clinval.imaging.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.testing.TorchFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 3D model made outside the project (src/test/python/make_test_models.py: one fixed 3×3×3
 * convolution and a sigmoid, torch.jit.trace and torch.onnx.export, patch 8 × 32 × 32) segments a
 * 13 × 56 × 28 volume by sliding window. Expected values: that script's numpy sliding window after
 * MONAI's documented sliding_window_inference (padding, windows, importance map, weighted mean),
 * with the network evaluated by PyTorch, in sliding3d.csv.
 */
class SlidingWindowSegmenterTest {

    private static final int SLICES = 13, ROWS = 56, COLUMNS = 28;

    private static Path models;
    private static List<String[]> expected;

    @TempDir static Path dir;

    @BeforeAll
    static void makeModels() throws Exception {
        models = TorchFixtures.dir();
        expected = TorchFixtures.rows(models.resolve("sliding3d.csv"));
    }

    /** The volume of make_test_models.py: integer HU, so the DICOM round trip is exact. */
    static float hu(int s, int r, int c) {
        return -1000f + 15f * ((7 * r + 13 * c + 31 * s) % 97);
    }

    private static SeriesVolume volume(String caseId) throws Exception {
        return SeriesVolume.read(
                caseId,
                Fixtures.write(
                        dir.resolve(caseId),
                        caseId,
                        Fixtures.stack(SLICES, 0, 2.5),
                        ROWS,
                        COLUMNS,
                        0.7,
                        0.8,
                        SlidingWindowSegmenterTest::hu));
    }

    private static Path descriptor(String format, String extra) throws Exception {
        String ext = format.equals("onnx") ? ".onnx" : ".pt";
        Path file = Files.createTempFile(dir, "seg3d-" + format, ".yaml");
        Files.writeString(
                file,
                "name: tiny-segmenter-3d\nversion: \"0.1\"\ntask: segmentation\nformat: "
                        + format
                        + "\nfile: "
                        + models.toAbsolutePath().resolve("tiny_segmenter3d" + ext)
                        + "\ninput: {channels: 1, depth: 8, height: 32, width: 32}\n"
                        + "preprocessing:\n"
                        + "  - window: {lower: -1000, upper: 400}\n"
                        + "  - rescale: {lower: -1000, upper: 400}\n"
                        + "  - standardize: {mean: 0.3, std: 0.5}\n"
                        + "output: {kind: probability, classes: 1, positive_index: 0}\n"
                        + "threshold: 0.5\n"
                        + extra);
        return file;
    }

    // Reference: sliding_window(model, hu, overlap, blending) in make_test_models.py, a numpy
    // transcription of MONAI's sliding_window_inference(roi_size=(8, 32, 32), sw_batch_size,
    // overlap, mode, sigma_scale=0.125, padding_mode="constant") with -1000 HU padding.
    @ParameterizedTest
    @CsvSource({
        "torchscript, 0.5, gaussian, 4",
        "onnx, 0.5, gaussian, 3",
        "torchscript, 0.25, constant, 1",
        "onnx, 0.25, constant, 4"
    })
    void equalsTheReferenceSlidingWindowVoxelByVoxel(
            String format, double overlap, String blending, int batch) throws Exception {
        Path yaml =
                descriptor(
                        format,
                        "inference: {overlap: " + overlap + ", blending: " + blending + "}\n");
        SeriesVolume v = volume("case-" + format + "-" + blending);
        try (ImageModel m = Models.load(yaml);
                ImagePredictor p = m.newPredictor()) {
            ProbabilityVolume prob = new VolumeSegmenter(m.descriptor(), p, batch).segment(v);
            int compared = 0;
            double worst = 0;
            for (String[] row : expected) {
                if (Double.parseDouble(row[0]) != overlap || !row[1].equals(blending)) continue;
                int s = Integer.parseInt(row[2]), r = Integer.parseInt(row[3]);
                int c = Integer.parseInt(row[4]);
                worst = Math.max(worst, Math.abs(prob.at(s, r, c) - Double.parseDouble(row[5])));
                compared++;
            }
            assertThat(compared).isEqualTo(SLICES * ROWS * COLUMNS);
            assertThat(worst).as("largest difference from the reference").isLessThan(1e-5);
        }
    }

    @Test
    void theBlendingMattersSoTheComparisonCanTellThemApart() {
        double differs = 0;
        int n = SLICES * ROWS * COLUMNS;
        List<String[]> g = expected.stream().filter(r -> r[1].equals("gaussian")).toList();
        List<String[]> k = expected.stream().filter(r -> r[1].equals("constant")).toList();
        assertThat(g).hasSize(n);
        assertThat(k).hasSize(n);
        for (int i = 0; i < n; i++) {
            differs =
                    Math.max(
                            differs,
                            Math.abs(
                                    Double.parseDouble(g.get(i)[5])
                                            - Double.parseDouble(k.get(i)[5])));
        }
        assertThat(differs).isGreaterThan(1e-3);
    }

    @Test
    void withoutAnInferenceKeyTheDefaultsAreHalfOverlapAndGaussian() throws Exception {
        try (ImageModel m = Models.load(descriptor("torchscript", ""));
                ImagePredictor p = m.newPredictor()) {
            assertThat(m.descriptor().inference())
                    .hasValue(org.clinval.imaging.model.SlidingWindow.DEFAULT);
            assertThatThrownBy(
                            () ->
                                    p.predict(
                                            new ImageSlice(
                                                    TorchFixtures.image(0), 32, 32, 0.7, 0.7)))
                    .isInstanceOf(ModelRunException.class)
                    .hasMessageContaining("takes 3D patches (1, 8, 32, 32)");
        }
    }
}
