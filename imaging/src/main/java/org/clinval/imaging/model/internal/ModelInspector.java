package org.clinval.imaging.model.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelFormat;
import org.clinval.imaging.model.ModelInspection;
import org.clinval.imaging.model.ModelLoadException;

/**
 * Opens a TorchScript or ONNX file with the engine that will run it, reads the shapes it declares
 * and, when its input is known, runs zeros through it to measure its output: what a user's model
 * takes and gives, before anyone writes a descriptor for it.
 */
public final class ModelInspector {

    private ModelInspector() {}

    /** Returns the format of a weights file from its extension. */
    public static ModelFormat format(Path file) throws ModelLoadException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx")) return ModelFormat.ONNX;
        if (lower.endsWith(".pt")) return ModelFormat.TORCHSCRIPT;
        throw new ModelLoadException(
                "model file "
                        + file
                        + " is neither ONNX (.onnx) nor TorchScript (.pt): its format is unknown");
    }

    /** Inspects {@code file}; with {@code assumed}, runs the model on that input. */
    public static ModelInspection inspect(Path file, Optional<InputShape> assumed)
            throws ModelLoadException {
        ModelFormat format = format(file);
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("no such model file: " + file);
        }
        Engines.configure();
        try (Model model = load(file, format)) {
            List<List<Long>> declared =
                    format == ModelFormat.ONNX ? onnxShapes(file) : List.of(List.of(), List.of());
            List<Long> input = declared.get(0);
            Optional<InputShape> run = assumed;
            if (assumed.isPresent()) {
                agree(file, input, assumed.get());
            } else {
                run =
                        new ModelInspection(file, format, input, List.of(), Optional.empty())
                                .inputShape();
            }
            if (run.isEmpty()) {
                return new ModelInspection(file, format, input, declared.get(1), Optional.empty());
            }
            return new ModelInspection(file, format, input, zeros(model, file, run.get()), run);
        }
    }

    private static Model load(Path file, ModelFormat format) throws ModelLoadException {
        Criteria.Builder<Tensor, Tensor> b =
                Criteria.builder()
                        .setTypes(Tensor.class, Tensor.class)
                        .optModelPath(file.toAbsolutePath())
                        .optEngine(format.engine())
                        .optDevice(Device.cpu())
                        .optTranslator(new TensorTranslator());
        if (format == ModelFormat.ONNX) {
            b.optOption("interOpNumThreads", "1")
                    .optOption("intraOpNumThreads", Engines.onnxIntraOpThreads());
        }
        try {
            return b.build().loadModel();
        } catch (IOException
                | ModelNotFoundException
                | MalformedModelException
                | RuntimeException e) {
            throw new ModelLoadException(
                    "cannot open "
                            + (format == ModelFormat.ONNX ? "ONNX" : "TorchScript")
                            + " model file "
                            + file
                            + ": "
                            + reason(e),
                    e);
        }
    }

    /**
     * The shapes of the first input and the first output as an ONNX file declares them, read by
     * ONNX Runtime itself (DJL does not pass them on); an open axis is {@code -1}. Called after
     * DJL's engine has started: it creates the one ONNX Runtime environment of the process with its
     * thread settings, and fails if another was created before it.
     */
    private static List<List<Long>> onnxShapes(Path file) throws ModelLoadException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(file.toAbsolutePath().toString(), o)) {
            return List.of(shape(session.getInputInfo()), shape(session.getOutputInfo()));
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException(
                    "cannot open ONNX model file " + file + ": " + reason(e), e);
        }
    }

    private static List<Long> shape(Map<String, NodeInfo> nodes) {
        if (nodes.isEmpty()) return List.of();
        ValueInfo info = nodes.values().iterator().next().getInfo();
        if (!(info instanceof TensorInfo t)) return List.of();
        List<Long> out = new ArrayList<>();
        for (long v : t.getShape()) out.add(v < 0 ? -1L : v);
        return out;
    }

    /** The innermost message of {@code e} on one line: engines nest and wrap theirs. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static void agree(Path file, List<Long> declared, InputShape assumed)
            throws ModelLoadException {
        if (declared.isEmpty()) return;
        long[] want = {1, assumed.channels(), assumed.height(), assumed.width()};
        boolean fits = declared.size() == 4;
        for (int i = 1; fits && i < 4; i++) {
            fits = declared.get(i) < 0 || declared.get(i) == want[i];
        }
        if (!fits) {
            throw new ModelLoadException(
                    "model file "
                            + file
                            + " takes input "
                            + ModelInspection.show(declared)
                            + ", not (batch, "
                            + assumed.channels()
                            + ", "
                            + assumed.height()
                            + ", "
                            + assumed.width()
                            + ")");
        }
    }

    private static List<Long> zeros(Model model, Path file, InputShape in)
            throws ModelLoadException {
        long[] shape = {1, in.channels(), in.height(), in.width()};
        Tensor zeros = new Tensor(new float[in.channels() * in.height() * in.width()], shape);
        try (Predictor<Tensor, Tensor> p = model.newPredictor(new TensorTranslator())) {
            List<Long> out = new ArrayList<>();
            for (long v : p.predict(zeros).shape()) out.add(v);
            return out;
        } catch (TranslateException | RuntimeException e) {
            throw new ModelLoadException(
                    "model file "
                            + file
                            + " does not run on an input of shape "
                            + ModelInspection.show(List.of(shape[0], shape[1], shape[2], shape[3]))
                            + ": "
                            + reason(e),
                    e);
        }
    }
}
