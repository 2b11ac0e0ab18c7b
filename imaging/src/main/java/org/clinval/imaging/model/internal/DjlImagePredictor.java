package org.clinval.imaging.model.internal;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.model.Task;
import org.clinval.imaging.preprocess.Raster;

/** A DJL predictor behind {@link ImagePredictor}, confined to the thread that opened it. */
final class DjlImagePredictor implements ImagePredictor {

    private final DjlImageModel model;
    private final Predictor<Tensor, Tensor> predictor;
    private final Thread owner = Thread.currentThread();

    DjlImagePredictor(DjlImageModel model, Predictor<Tensor, Tensor> predictor) {
        this.model = model;
        this.predictor = predictor;
    }

    @Override
    public Prediction predict(ImageSlice image) throws ModelRunException {
        return predictAll(List.of(image)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<ImageSlice> images) throws ModelRunException {
        checkThread();
        check2d();
        if (images.isEmpty()) return List.of();
        ModelDescriptor d = model.descriptor();
        List<Raster> in = new ArrayList<>(images.size());
        for (ImageSlice s : images) in.add(InputEncoder.preprocess(d, s));
        return decode(in, images);
    }

    @Override
    public List<Prediction> predictPrepared(List<Raster> prepared) throws ModelRunException {
        checkThread();
        check2d();
        if (prepared.isEmpty()) return List.of();
        InputShape shape = model.descriptor().input();
        List<ImageSlice> grids = new ArrayList<>(prepared.size());
        for (Raster r : prepared) {
            if (r.rows() != shape.height() || r.columns() != shape.width()) {
                throw new ModelRunException(
                        "prepared input is "
                                + r.rows()
                                + " x "
                                + r.columns()
                                + " but model "
                                + model.descriptor().name()
                                + " takes "
                                + shape.height()
                                + " x "
                                + shape.width());
            }
            InputEncoder.checkChannels(model.descriptor(), r);
            // The map of a prepared input stays on its grid; spacing is not needed for that.
            grids.add(
                    new ImageSlice(
                            r.values(),
                            r.rows(),
                            r.columns(),
                            1,
                            1,
                            r.channels(),
                            org.clinval.imaging.preprocess.ImageContext.NONE));
        }
        return decode(prepared, grids);
    }

    @Override
    public List<float[]> predictPatches(List<float[]> patches) throws ModelRunException {
        checkThread();
        ModelDescriptor d = model.descriptor();
        InputShape in = d.input();
        if (!in.volumetric()) {
            throw new ModelRunException(
                    "model " + d.name() + " takes 2D images " + in + ", not 3D patches");
        }
        if (patches.isEmpty()) return List.of();
        int voxels = in.spatialSize();
        float[] data = new float[patches.size() * voxels];
        for (int n = 0; n < patches.size(); n++) {
            float[] p = patches.get(n);
            if (p.length != voxels) {
                throw new ModelRunException(
                        "patch "
                                + (n + 1)
                                + " has "
                                + p.length
                                + " voxels but model "
                                + d.name()
                                + " takes "
                                + in
                                + ", "
                                + voxels
                                + " voxels");
            }
            System.arraycopy(p, 0, data, n * voxels, voxels);
        }
        long[] shape = {patches.size(), 1, in.depth().getAsInt(), in.height(), in.width()};
        Tensor out = run(new Tensor(data, shape));
        float[] prob = OutputDecoder.probabilities(d, out, patches.size());
        if (out.dim(2) != shape[2] || out.dim(3) != shape[3] || out.dim(4) != shape[4]) {
            throw new ModelRunException(
                    "model "
                            + d.name()
                            + " output has shape "
                            + java.util.Arrays.toString(out.shape())
                            + " but a 3D segmenter must give one value per input voxel "
                            + java.util.Arrays.toString(shape));
        }
        List<float[]> result = new ArrayList<>(patches.size());
        for (int n = 0; n < patches.size(); n++) {
            float[] m = new float[voxels];
            System.arraycopy(prob, n * voxels, m, 0, voxels);
            result.add(m);
        }
        return result;
    }

    private void check2d() throws ModelRunException {
        ModelDescriptor d = model.descriptor();
        if (d.input().volumetric()) {
            throw new ModelRunException(
                    "model "
                            + d.name()
                            + " takes 3D patches "
                            + d.input()
                            + ", not images: segment a volume with VolumeSegmenter");
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(
                    "predictor of "
                            + model.descriptor().name()
                            + " used from thread "
                            + Thread.currentThread().getName()
                            + " but opened by "
                            + owner.getName()
                            + ": open one predictor per thread");
        }
    }

    /** Runs the batch of prepared inputs and decodes it; maps go back to each slice's grid. */
    private List<Prediction> decode(List<Raster> in, List<ImageSlice> images)
            throws ModelRunException {
        ModelDescriptor d = model.descriptor();
        Tensor out = run(InputEncoder.batch(d, in));
        String name = d.name() + " " + d.version();
        List<Prediction> result = new ArrayList<>(images.size());
        if (d.task() == Task.GRADING) {
            double[][] rows = OutputDecoder.classProbabilities(d, out, images.size());
            for (double[] row : rows) {
                result.add(
                        new Prediction(
                                name,
                                model.weightsSha256(),
                                d.task(),
                                OutputDecoder.anyGrade(d, row),
                                d.threshold(),
                                Optional.empty(),
                                row,
                                OutputDecoder.grade(d, row)));
            }
            return result;
        }
        float[] p = OutputDecoder.probabilities(d, out, images.size());
        if (d.task() == Task.CLASSIFICATION) {
            for (int n = 0; n < images.size(); n++) {
                result.add(
                        new Prediction(
                                name,
                                model.weightsSha256(),
                                d.task(),
                                p[n],
                                d.threshold(),
                                Optional.empty()));
            }
            return result;
        }
        int h = out.dim(2), w = out.dim(3), plane = h * w;
        for (int n = 0; n < images.size(); n++) {
            float[] m = new float[plane];
            System.arraycopy(p, n * plane, m, 0, plane);
            ImageSlice s = images.get(n);
            Raster map = new Raster(m, h, w).resize(s.rows(), s.columns());
            float max = 0;
            for (float v : map.values()) max = Math.max(max, v);
            result.add(
                    new Prediction(
                            name,
                            model.weightsSha256(),
                            d.task(),
                            Math.min(1, max),
                            d.threshold(),
                            Optional.of(map)));
        }
        return result;
    }

    /** Runs the engine on a batch tensor. */
    Tensor run(Tensor input) throws ModelRunException {
        try {
            return predictor.predict(input);
        } catch (TranslateException | RuntimeException e) {
            throw new ModelRunException(
                    "model "
                            + model.descriptor().name()
                            + " ("
                            + model.source()
                            + ") failed on input "
                            + java.util.Arrays.toString(input.shape())
                            + ": "
                            + DjlImageModel.firstLine(e),
                    e);
        }
    }

    @Override
    public void close() {
        predictor.close();
    }
}
