package org.clinval.imaging.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.phantom.PhantomStudyWriter;
import org.clinval.imaging.volume.ProbabilityVolume;
import org.clinval.imaging.volume.SeriesVolume;
import org.clinval.imaging.volume.VolumeGeometry;
import org.clinval.imaging.volume.VolumeSegmenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Slice-wise inference over a whole series, as a segmentation or detection study runs it: the
 * built-in nodule U-Net over a 24-slice 256 × 256 phantom chest CT volume through {@link
 * VolumeSegmenter} (batches of 4 and 8 slices), beside a loop calling the predictor one slice at a
 * time. Slices per second = 24 / time. And the 3D path: the test fixture's Conv3d segmenter
 * (TorchScript, patches of 8 × 32 × 32, made by src/test/python/make_test_models.py) by sliding
 * window over the same 24 × 256 × 256 volume, overlap 0.5 with Gaussian blending (MONAI's
 * defaults), beside the same model with no overlap (constant blending): the cost of the windows and
 * the blending for a model whose own compute is tiny.
 *
 * <p>Run: {@code tools/bench VolumeInferenceBenchmark imaging}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 5, time = 4)
public class VolumeInferenceBenchmark {

    static final int SLICES = 24;

    private ImageModel model;
    private ImagePredictor predictor;
    private SeriesVolume volume;
    private VolumeSegmenter batch4;
    private VolumeSegmenter batch8;
    private ImageModel model3d;
    private ImagePredictor predictor3d;
    private ImageModel model3dNoOverlap;
    private ImagePredictor predictor3dNoOverlap;
    private VolumeSegmenter sliding;
    private VolumeSegmenter tiled;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("clinval-volume-bench-");
        PhantomStudyWriter.write(
                PhantomGenerator.builder()
                        .setSeed(77_002)
                        .setSize(256)
                        .setPrevalence(1)
                        .optSlices(SLICES)
                        .build(),
                1,
                dir);
        List<Path> files;
        try (Stream<Path> cases = Files.list(dir.resolve("dicom"));
                Stream<Path> f = Files.list(cases.findFirst().orElseThrow())) {
            files = f.sorted().toList();
        }
        volume = SeriesVolume.read("C0001", files);
        model = Models.builtIn(BuiltInModel.NODULE_UNET);
        predictor = model.newPredictor();
        batch4 = new VolumeSegmenter(model.descriptor(), predictor, 4);
        batch8 = new VolumeSegmenter(model.descriptor(), predictor, 8);
        Path fixtures = org.clinval.imaging.testing.TorchFixtures.dir();
        model3d = Models.load(descriptor3d(dir, fixtures, "overlap: 0.5, blending: gaussian"));
        predictor3d = model3d.newPredictor();
        sliding = new VolumeSegmenter(model3d.descriptor(), predictor3d, 8);
        model3dNoOverlap =
                Models.load(descriptor3d(dir, fixtures, "overlap: 0.0, blending: constant"));
        predictor3dNoOverlap = model3dNoOverlap.newPredictor();
        tiled = new VolumeSegmenter(model3dNoOverlap.descriptor(), predictor3dNoOverlap, 8);
    }

    private static Path descriptor3d(Path dir, Path fixtures, String inference) throws Exception {
        Path yaml = Files.createTempFile(dir, "seg3d", ".yaml");
        Files.writeString(
                yaml,
                "name: tiny-segmenter-3d\nversion: \"0.1\"\ntask: segmentation\nformat: torchscript\n"
                        + "file: "
                        + fixtures.toAbsolutePath().resolve("tiny_segmenter3d.pt")
                        + "\ninput: {channels: 1, depth: 8, height: 32, width: 32}\n"
                        + "preprocessing:\n"
                        + "  - window: {lower: -1000, upper: 400}\n"
                        + "  - rescale: {lower: -1000, upper: 400}\n"
                        + "output: {kind: probability, classes: 1, positive_index: 0}\n"
                        + "threshold: 0.5\n"
                        + "inference: {"
                        + inference
                        + "}\n");
        return yaml;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        predictor.close();
        model.close();
        predictor3d.close();
        model3d.close();
        predictor3dNoOverlap.close();
        model3dNoOverlap.close();
    }

    /** 3D: non-overlapping patches, constant weights. */
    @Benchmark
    public ProbabilityVolume slidingWindow3d_tiledBaseline() throws Exception {
        return tiled.segment(volume);
    }

    /** 3D: MONAI's default sliding window, overlap 0.5 and Gaussian blending. */
    @Benchmark
    public ProbabilityVolume slidingWindow3d_overlapGaussian() throws Exception {
        return sliding.segment(volume);
    }

    /** One predictor call per slice. */
    @Benchmark
    public List<Prediction> volume_sliceLoopBaseline() throws Exception {
        VolumeGeometry g = volume.geometry();
        List<Prediction> out = new ArrayList<>(SLICES);
        for (int s = 0; s < g.slices(); s++) {
            out.addAll(
                    predictor.predictAll(
                            List.of(
                                    new ImageSlice(
                                            volume.slice(s),
                                            g.rows(),
                                            g.columns(),
                                            g.rowSpacing(),
                                            g.columnSpacing()))));
        }
        return out;
    }

    /** The study's segmenter, 4 slices a call (its default). */
    @Benchmark
    public ProbabilityVolume volume_segmenterBatch4() throws Exception {
        return batch4.segment(volume);
    }

    /** The same, 8 slices a call. */
    @Benchmark
    public ProbabilityVolume volume_segmenterBatch8() throws Exception {
        return batch8.segment(volume);
    }
}
