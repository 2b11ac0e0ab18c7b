package org.clinval.imaging.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.preprocess.Raster;

/**
 * Occlusion sensitivity (Zeiler and Fergus 2014, doi:10.1007/978-3-319-10590-1_53) for any model,
 * through its predictor only: a square patch of the fill value slides over the image with the given
 * stride, and each pixel's value is the mean, over the patches covering it, of {@code p(image) −
 * p(occluded)}. Positive where covering the pixel lowers the explained score. Pixels no patch
 * covers get 0.
 *
 * <p>The fill is one HU for a grey image ({@link Builder#setFillHu}) or one value per channel for a
 * colour image ({@link Builder#setChannelFills}, e.g. each channel's 5th percentile, {@link
 * Fill#percentile}); a colour patch covers all three channels. The explained score is the positive
 * probability, or for a grading model the probability of the grade it predicts for the unperturbed
 * image (parameter {@code target}).
 *
 * <pre>{@code
 * ExplanationMap m = Occlusion.builder().setPatch(16).setStride(8).setFillHu(-850).build()
 *         .explain(predictor, slice);
 * }</pre>
 */
public final class Occlusion {

    private final int patch;
    private final int stride;
    private final Double fillHu;
    private final double[] fills;
    private final int batch;

    private Occlusion(Builder b) {
        this.patch = b.patch;
        this.stride = b.stride;
        this.fillHu = b.fillHu;
        this.fills = b.fills;
        this.batch = b.batch;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Computes the map for {@code image} with {@code predictor}. */
    public ExplanationMap explain(ImagePredictor predictor, ImageSlice image)
            throws ModelRunException {
        if (patch > image.rows() || patch > image.columns()) {
            throw new IllegalArgumentException(
                    "patch "
                            + patch
                            + " is larger than the image "
                            + image.rows()
                            + " x "
                            + image.columns());
        }
        double[] fill = Fill.forImage(fills, fillHu, image);
        Prediction base = predictor.predict(image);
        Target target = Target.of(base);
        double baseScore = target.score(base);
        List<int[]> origins = new ArrayList<>();
        for (int r = 0; r + patch <= image.rows(); r += stride) {
            for (int c = 0; c + patch <= image.columns(); c += stride) {
                origins.add(new int[] {r, c});
            }
        }
        int plane = image.rows() * image.columns();
        double[] sum = new double[plane];
        int[] count = new int[plane];
        for (int from = 0; from < origins.size(); from += batch) {
            List<int[]> part = origins.subList(from, Math.min(origins.size(), from + batch));
            List<ImageSlice> occluded = new ArrayList<>(part.size());
            for (int[] o : part) occluded.add(occlude(image, o[0], o[1], fill));
            List<Prediction> p = predictor.predictAll(occluded);
            for (int k = 0; k < part.size(); k++) {
                double drop = baseScore - target.score(p.get(k));
                int[] o = part.get(k);
                for (int r = o[0]; r < o[0] + patch; r++) {
                    for (int c = o[1]; c < o[1] + patch; c++) {
                        sum[r * image.columns() + c] += drop;
                        count[r * image.columns() + c]++;
                    }
                }
            }
        }
        float[] map = new float[sum.length];
        for (int i = 0; i < map.length; i++) {
            map[i] = count[i] == 0 ? 0f : (float) (sum[i] / count[i]);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("patch", Integer.toString(patch));
        params.put("stride", Integer.toString(stride));
        Fill.record(params, fill);
        params.put("target", target.name());
        params.put("evaluations", Integer.toString(origins.size() + 1));
        return new ExplanationMap(
                new Raster(map, image.rows(), image.columns()),
                Method.OCCLUSION,
                base.model(),
                baseScore,
                params);
    }

    private ImageSlice occlude(ImageSlice image, int top, int left, double[] fill) {
        boolean[] cover = new boolean[image.rows() * image.columns()];
        for (int r = top; r < top + patch; r++) {
            for (int c = left; c < left + patch; c++) cover[r * image.columns() + c] = true;
        }
        return Fill.covered(image, cover, fill);
    }

    /** Builder: {@code set} methods are required, {@code opt} optional. */
    public static final class Builder {
        private int patch;
        private int stride;
        private Double fillHu;
        private double[] fills;
        private int batch = 1;

        private Builder() {}

        /** Sets the patch side in input pixels. */
        public Builder setPatch(int patch) {
            if (patch < 1) throw new IllegalArgumentException("patch is not positive: " + patch);
            this.patch = patch;
            return this;
        }

        /** Sets the step between patches in input pixels. */
        public Builder setStride(int stride) {
            if (stride < 1) {
                throw new IllegalArgumentException("stride is not positive: " + stride);
            }
            this.stride = stride;
            return this;
        }

        /** Sets the HU that covers a patch (e.g. −850, lung parenchyma). */
        public Builder setFillHu(double fillHu) {
            if (!Double.isFinite(fillHu)) {
                throw new IllegalArgumentException("fill HU is not finite: " + fillHu);
            }
            this.fillHu = fillHu;
            this.fills = null;
            return this;
        }

        /**
         * Sets the value that covers a patch in each channel: one for a grey image (its HU), R, G,
         * B for a colour one; the image must have as many channels.
         */
        public Builder setChannelFills(double... fills) {
            this.fills = Fill.checked(fills);
            this.fillHu = null;
            return this;
        }

        /**
         * Sets how many occluded images go to the model at once (default 1: on the engine's one
         * thread, batches of 8 were 5–14% slower per case; BENCHMARKS.md, "Explanation maps per
         * case").
         */
        public Builder optBatch(int batch) {
            if (batch < 1) throw new IllegalArgumentException("batch is not positive: " + batch);
            this.batch = batch;
            return this;
        }

        /** Returns the method, checking required settings. */
        public Occlusion build() {
            List<String> missing = new ArrayList<>();
            if (patch == 0) missing.add("patch");
            if (stride == 0) missing.add("stride");
            if (fillHu == null && fills == null) missing.add("fill HU");
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "occlusion is missing: " + String.join(", ", missing));
            }
            return new Occlusion(this);
        }
    }
}
