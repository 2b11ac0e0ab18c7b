package org.clinval.imaging.model.internal;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.clinval.common.Sha256;
import org.clinval.imaging.model.ImageModel;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelFormat;
import org.clinval.imaging.model.ModelLoadException;
import org.clinval.imaging.model.ModelRunException;

/** A model run by a DJL engine: a built-in block with its parameters, TorchScript or ONNX. */
public final class DjlImageModel implements ImageModel {

    private final ModelDescriptor descriptor;
    private final Model model;
    private final String sha256;
    private final String source;

    private DjlImageModel(ModelDescriptor descriptor, Model model, String sha256, String source) {
        this.descriptor = descriptor;
        this.model = model;
        this.sha256 = sha256;
        this.source = source;
    }

    /**
     * Loads a model whose weights are {@code weights} (already read), checking their SHA-256
     * against the descriptor's. {@code weightsFile} locates TorchScript and ONNX files for their
     * engines; {@code source} names the weights in messages.
     */
    public static DjlImageModel load(
            ModelDescriptor d, byte[] weights, Path weightsFile, String source)
            throws ModelLoadException {
        String actual = Sha256.of(weights);
        if (d.sha256().isPresent() && !d.sha256().get().equals(actual)) {
            throw new ModelLoadException(
                    "weights file "
                            + source
                            + " has SHA-256 "
                            + actual
                            + " but its descriptor expects "
                            + d.sha256().get()
                            + ": the file was changed or replaced");
        }
        Engines.configure();
        Model model =
                d.format() == ModelFormat.DJL
                        ? djl(d, weights, source)
                        : engineFile(d, weightsFile, source);
        LibtorchLogLevel.apply(model.getNDManager().getEngine());
        DjlImageModel m = new DjlImageModel(d, model, actual, source);
        try {
            m.dryRun();
        } catch (ModelLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
        return m;
    }

    /** Reads a weights file and loads it. */
    public static DjlImageModel load(ModelDescriptor d, Path weightsFile)
            throws ModelLoadException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(weightsFile);
        } catch (IOException e) {
            throw new ModelLoadException(
                    "cannot read weights file " + weightsFile + " of model " + d.name() + ": " + e,
                    e);
        }
        return load(d, bytes, weightsFile, weightsFile.toString());
    }

    private static Model djl(ModelDescriptor d, byte[] weights, String source)
            throws ModelLoadException {
        Model model = Model.newInstance(d.name(), Device.cpu(), "PyTorch");
        try {
            Block block =
                    Architectures.build(
                            d.architecture().orElseThrow(),
                            d.input().channels(),
                            d.output().classes());
            InputShape in = d.input();
            block.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, in.channels(), in.height(), in.width()));
            block.loadParameters(
                    model.getNDManager(), new DataInputStream(new ByteArrayInputStream(weights)));
            block.freezeParameters(true);
            model.setBlock(block);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException(
                    "weights file "
                            + source
                            + " does not hold parameters of architecture "
                            + d.architecture().orElseThrow()
                            + ": "
                            + firstLine(e),
                    e);
        }
    }

    private static Model engineFile(ModelDescriptor d, Path file, String source)
            throws ModelLoadException {
        String ext = d.format() == ModelFormat.ONNX ? ".onnx" : ".pt";
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)) {
            throw new ModelLoadException(
                    "weights file " + source + " of format " + d.format() + " must end in " + ext);
        }
        Criteria.Builder<Tensor, Tensor> b =
                Criteria.builder()
                        .setTypes(Tensor.class, Tensor.class)
                        .optModelPath(file.toAbsolutePath())
                        .optEngine(d.format().engine())
                        .optDevice(Device.cpu())
                        .optTranslator(new TensorTranslator());
        if (d.format() == ModelFormat.ONNX) {
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
                    "cannot load "
                            + d.format().name().toLowerCase(Locale.ROOT)
                            + " model file "
                            + source
                            + ": "
                            + firstLine(e),
                    e);
        }
    }

    /** Runs zeros of the declared input shape, so that a mismatch fails at load, not later. */
    private void dryRun() throws ModelLoadException {
        InputShape in = descriptor.input();
        long[] shape =
                in.volumetric()
                        ? new long[] {1, 1, in.depth().getAsInt(), in.height(), in.width()}
                        : new long[] {1, in.channels(), in.height(), in.width()};
        Tensor zeros = new Tensor(new float[in.channels() * in.spatialSize()], shape);
        try (DjlImagePredictor p = newPredictor()) {
            OutputDecoder.probabilities(descriptor, p.run(zeros), 1);
        } catch (ModelRunException e) {
            throw new ModelLoadException(
                    "model file "
                            + source
                            + " does not fit its descriptor's input "
                            + in
                            + " and output ("
                            + descriptor.task().name().toLowerCase(Locale.ROOT)
                            + ", "
                            + descriptor.output().classes()
                            + " classes): "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public String weightsSha256() {
        return sha256;
    }

    @Override
    public DjlImagePredictor newPredictor() {
        return new DjlImagePredictor(this, model.newPredictor(new TensorTranslator()));
    }

    /** Returns the DJL model, for explanation methods that need the network itself. */
    public Model djlModel() {
        return model;
    }

    /** Returns where the weights came from. */
    public String source() {
        return source;
    }

    @Override
    public void close() {
        model.close();
    }

    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
