package org.clinval.imaging.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.phantom.PhantomGenerator;
import org.clinval.imaging.testing.TorchFixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per call of the prediction API (preprocessing, engine, decoding) at batch 1 and 8: the
 * built-in classifier on the PyTorch engine (256 × 256 phantoms), and the same small CNN as
 * TorchScript on the PyTorch engine beside its ONNX export on ONNX Runtime (32 × 32; made by
 * src/test/python/make_test_models.py). Baseline: the built-in classifier at batch 1.
 *
 * <p>Run: {@code tools/bench InferenceBenchmark imaging}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InferenceBenchmark {

    @Param({"1", "8"})
    int batch;

    private ImageModel classifier;
    private ImagePredictor classifierPredictor;
    private ImageModel torchscript;
    private ImagePredictor torchscriptPredictor;
    private ImageModel onnx;
    private ImagePredictor onnxPredictor;
    private List<ImageSlice> phantoms;
    private List<ImageSlice> small;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        classifier = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER);
        classifierPredictor = classifier.newPredictor();
        PhantomGenerator g =
                PhantomGenerator.builder().setSeed(77_001).setSize(256).setPrevalence(0.5).build();
        phantoms = new ArrayList<>();
        small = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            phantoms.add(ImageSlice.of(g.generateCase(i).image(), 0));
            small.add(new ImageSlice(TorchFixtures.image(i % 3), 32, 32, 0.7, 0.7));
        }
        Path dir = TorchFixtures.dir();
        torchscript = Models.load(descriptor(dir, "torchscript", ".pt"));
        torchscriptPredictor = torchscript.newPredictor();
        onnx = Models.load(descriptor(dir, "onnx", ".onnx"));
        onnxPredictor = onnx.newPredictor();
    }

    private static Path descriptor(Path dir, String format, String ext) throws Exception {
        Path yaml = dir.resolve("bench-" + format + ".yaml");
        Files.writeString(
                yaml,
                "name: tiny_classifier\nversion: \"0.1\"\ntask: classification\nformat: "
                        + format
                        + "\nfile: tiny_classifier"
                        + ext
                        + "\ninput: {channels: 1, height: 32, width: 32}\npreprocessing:\n"
                        + "  - window: {lower: -1000, upper: 400}\n"
                        + "  - rescale: {lower: -1000, upper: 400}\n"
                        + "output: {kind: logit, classes: 2, positive_index: 1}\n"
                        + "threshold: 0.5\n");
        return yaml;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        classifierPredictor.close();
        classifier.close();
        torchscriptPredictor.close();
        torchscript.close();
        onnxPredictor.close();
        onnx.close();
    }

    @Benchmark
    public List<Prediction> classifier_builtInPyTorch() throws Exception {
        return classifierPredictor.predictAll(phantoms);
    }

    @Benchmark
    public List<Prediction> smallCnn_torchScriptBaseline() throws Exception {
        return torchscriptPredictor.predictAll(small);
    }

    @Benchmark
    public List<Prediction> smallCnn_onnxRuntime() throws Exception {
        return onnxPredictor.predictAll(small);
    }
}
