package org.clinval.imaging.benchmark;

import java.util.concurrent.TimeUnit;
import org.clinval.imaging.explain.ExplanationMap;
import org.clinval.imaging.explain.GradCam;
import org.clinval.imaging.explain.Lime;
import org.clinval.imaging.explain.Occlusion;
import org.clinval.imaging.model.BuiltInModel;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.Models;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.phantom.PhantomGenerator;
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
 * Time per case of each explanation method beside plain inference, on one 256 × 256 phantom with
 * the built-in classifier (PyTorch engine, one intra-op thread), with the settings a study uses
 * ({@code StudyExplainer} in streaming-inference): Grad-CAM on the predicted class; occlusion with
 * a 32-pixel patch every 16 pixels (225 occluded images + the original); LIME on a 16 × 16 grid
 * with 300 samples. Occlusion and LIME send 8 perturbed images per engine call. Baseline: one
 * prediction of the same image.
 *
 * <p>Run: {@code tools/bench ExplanationBenchmark imaging}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExplanationBenchmark {

    private ImageModel model;
    private ImagePredictor predictor;
    private ImageSlice slice;
    private Occlusion occlusion;
    private Lime lime;
    private Occlusion occlusionOnePerCall;
    private Lime limeOnePerCall;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        model = Models.builtIn(BuiltInModel.NODULE_CLASSIFIER);
        predictor = model.newPredictor();
        PhantomGenerator g =
                PhantomGenerator.builder().setSeed(77_001).setSize(256).setPrevalence(1).build();
        slice = ImageSlice.of(g.generateCase(0).image(), 0);
        occlusion = Occlusion.builder().setPatch(32).setStride(16).setFillHu(-850).build();
        occlusionOnePerCall =
                Occlusion.builder().setPatch(32).setStride(16).setFillHu(-850).optBatch(1).build();
        lime =
                Lime.builder()
                        .setCells(16)
                        .setSamples(300)
                        .setSeed(20261205)
                        .setFillHu(-850)
                        .build();
        limeOnePerCall =
                Lime.builder()
                        .setCells(16)
                        .setSamples(300)
                        .setSeed(20261205)
                        .setFillHu(-850)
                        .optBatch(1)
                        .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        predictor.close();
        model.close();
    }

    @Benchmark
    public Prediction perCase_inferenceBaseline() throws Exception {
        return predictor.predict(slice);
    }

    @Benchmark
    public ExplanationMap perCase_gradCam() throws Exception {
        return GradCam.explain(model, slice);
    }

    @Benchmark
    public ExplanationMap perCase_occlusion() throws Exception {
        return occlusion.explain(predictor, slice);
    }

    @Benchmark
    public ExplanationMap perCase_lime() throws Exception {
        return lime.explain(predictor, slice);
    }

    /** Occlusion with one perturbed image per engine call. */
    @Benchmark
    public ExplanationMap perCase_occlusionOnePerCall() throws Exception {
        return occlusionOnePerCall.explain(predictor, slice);
    }

    /** LIME with one perturbed image per engine call. */
    @Benchmark
    public ExplanationMap perCase_limeOnePerCall() throws Exception {
        return limeOnePerCall.explain(predictor, slice);
    }
}
