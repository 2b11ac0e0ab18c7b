package org.clinval.imaging.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.model.Task;

/**
 * Runs a 2D segmentation model over a volume slice by slice: each slice becomes an {@link
 * ImageSlice} with the volume's pixel spacing and goes through {@link ImagePredictor#predictAll},
 * so the descriptor's own preprocessing applies exactly as for one image, and each probability map
 * comes back resized onto the slice's grid. The result is a {@link ProbabilityVolume} on the
 * volume's grid.
 *
 * <p>A model whose descriptor declares a 3D input ({@code input.depth}) runs patch-wise instead: a
 * sliding window over the volume's own grid with the descriptor's overlap, the patches' outputs
 * blended with the Gaussian or constant importance map (see {@link
 * org.clinval.imaging.model.SlidingWindow}); {@code batch} is then the number of patches per model
 * call.
 *
 * <p>Like its predictor, a segmenter is confined to one thread: a Flink operator builds one in
 * {@code open()} from the predictor it opened there. The segmenter does not close the predictor.
 */
public final class VolumeSegmenter {

    /**
     * Slices per model call when none is given: one. On the engine's one intra-op thread a slice's
     * convolutions already fill the core, and batches of 4 and 8 slices of the built-in U-Net were
     * 1.28–1.40× and 1.05–1.18× slower than one slice at a time, with their larger tensors
     * (BENCHMARKS.md, "Inference over a series").
     */
    public static final int DEFAULT_BATCH = 1;

    /** Patches per model call of a 3D model when none is given. */
    public static final int DEFAULT_PATCH_BATCH = 8;

    private final ModelDescriptor descriptor;
    private final ImagePredictor predictor;
    private final int batch;

    /**
     * A segmenter with {@value #DEFAULT_BATCH} slice per model call, or {@value
     * #DEFAULT_PATCH_BATCH} patches for a 3D model.
     */
    public VolumeSegmenter(ModelDescriptor descriptor, ImagePredictor predictor) {
        this(descriptor, predictor, defaultBatch(descriptor));
    }

    private static int defaultBatch(ModelDescriptor descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        return descriptor.input().volumetric() ? DEFAULT_PATCH_BATCH : DEFAULT_BATCH;
    }

    /**
     * A segmenter running {@code batch} slices per model call.
     *
     * @throws IllegalArgumentException if the descriptor's task is not segmentation or the batch
     *     size is not positive
     */
    public VolumeSegmenter(ModelDescriptor descriptor, ImagePredictor predictor, int batch) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        if (descriptor.task() != Task.SEGMENTATION) {
            throw new IllegalArgumentException(
                    "model "
                            + descriptor.name()
                            + " is a "
                            + descriptor.task().name().toLowerCase(java.util.Locale.ROOT)
                            + " model; a volume is segmented by a segmentation model");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch size is not positive: " + batch);
        }
        this.batch = batch;
    }

    /** Returns the descriptor of the model run. */
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Returns the probability of every voxel of {@code volume}.
     *
     * @throws ModelRunException if the model fails on a slice or patch (the message names the
     *     series and the slices or patches)
     */
    public ProbabilityVolume segment(SeriesVolume volume) throws ModelRunException {
        if (descriptor.input().volumetric()) {
            return SlidingWindowInference.run(descriptor, predictor, batch, volume);
        }
        VolumeGeometry g = volume.geometry();
        float[][] out = new float[g.slices()][];
        for (int start = 0; start < g.slices(); start += batch) {
            int end = Math.min(g.slices(), start + batch);
            List<ImageSlice> in = new ArrayList<>(end - start);
            for (int s = start; s < end; s++) {
                in.add(
                        new ImageSlice(
                                volume.slice(s),
                                g.rows(),
                                g.columns(),
                                g.rowSpacing(),
                                g.columnSpacing()));
            }
            List<Prediction> p;
            try {
                p = predictor.predictAll(in);
            } catch (ModelRunException e) {
                throw new ModelRunException(
                        volume.name()
                                + (end - start == 1
                                        ? ": slice " + end
                                        : ": slices " + (start + 1) + ".." + end)
                                + ": "
                                + e.getMessage(),
                        e);
            }
            for (int s = start; s < end; s++) {
                Prediction r = p.get(s - start);
                float[] map =
                        r.probabilityMap()
                                .orElseThrow(
                                        () ->
                                                new ModelRunException(
                                                        volume.name()
                                                                + ": model "
                                                                + descriptor.name()
                                                                + " gave no probability map"))
                                .values();
                float[] clamped = new float[map.length];
                for (int i = 0; i < map.length; i++) {
                    if (!Float.isFinite(map[i])) {
                        throw new ModelRunException(
                                volume.name()
                                        + ": model "
                                        + descriptor.name()
                                        + " gave a non-finite probability on slice "
                                        + (s + 1));
                    }
                    // bilinear resizing keeps values in [0, 1] up to rounding
                    clamped[i] = Math.max(0f, Math.min(1f, map[i]));
                }
                out[s] = clamped;
            }
        }
        return new ProbabilityVolume(g, out);
    }
}
