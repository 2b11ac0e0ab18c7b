package org.clinval.imaging.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.clinval.imaging.explain.internal.Ridge;
import org.clinval.imaging.model.ImagePredictor;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.model.Prediction;
import org.clinval.imaging.preprocess.Raster;

/**
 * LIME (Ribeiro, Singh and Guestrin 2016, doi:10.1145/2939672.2939778) for any model, through its
 * predictor only. The image is cut into a regular grid of {@code cells × cells} superpixels; each
 * of {@code samples} perturbations keeps every superpixel with probability ½ and fills the others
 * with the fill value; a ridge regression of the explained score on the kept-indicators, weighted
 * by the kernel {@code π(z) = exp(−d(z)² / σ²)} with {@code d} the cosine distance of {@code z} to
 * the all-kept vector and {@code σ = 0.25}, gives each superpixel a weight, painted on its pixels.
 * Seeded: the same seed gives the same map.
 *
 * <p>The fill is one HU for a grey image ({@link Builder#setFillHu}) or one value per channel for a
 * colour image ({@link Builder#setChannelFills}, e.g. each channel's 5th percentile, {@link
 * Fill#percentile}). The explained score is the positive probability, or for a grading model the
 * probability of the grade it predicts for the unperturbed image (parameter {@code target}).
 */
public final class Lime {

    private static final double KERNEL_WIDTH = 0.25;
    private static final double RIDGE = 1e-3;

    private final int cells;
    private final int samples;
    private final long seed;
    private final Double fillHu;
    private final double[] fills;
    private final int batch;

    private Lime(Builder b) {
        this.cells = b.cells;
        this.samples = b.samples;
        this.seed = b.seed;
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
        int rows = image.rows(), cols = image.columns();
        if (cells > rows || cells > cols) {
            throw new IllegalArgumentException(
                    "a grid of " + cells + " cells does not fit " + rows + " x " + cols);
        }
        int k = cells * cells;
        int[] segment = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                segment[r * cols + c] = (r * cells / rows) * cells + c * cells / cols;
            }
        }
        double[] fill = Fill.forImage(fills, fillHu, image);
        Prediction base = predictor.predict(image);
        Target target = Target.of(base);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] z = new double[samples][k];
        double[] y = new double[samples];
        double[] weight = new double[samples];
        // The first sample is the image itself, as in LIME's reference implementation.
        java.util.Arrays.fill(z[0], 1);
        for (int s = 1; s < samples; s++) {
            for (int j = 0; j < k; j++) z[s][j] = rng.nextBoolean() ? 1 : 0;
        }
        for (int from = 0; from < samples; from += batch) {
            int to = Math.min(samples, from + batch);
            List<ImageSlice> perturbed = new ArrayList<>(to - from);
            for (int s = from; s < to; s++) perturbed.add(perturb(image, segment, z[s], fill));
            List<Prediction> p = predictor.predictAll(perturbed);
            for (int s = from; s < to; s++) y[s] = target.score(p.get(s - from));
        }
        for (int s = 0; s < samples; s++) {
            double on = 0;
            for (double v : z[s]) on += v;
            // Cosine distance to the all-ones vector: 1 − on / sqrt(on · k).
            double d = on == 0 ? 1 : 1 - on / Math.sqrt(on * k);
            weight[s] = Math.exp(-d * d / (KERNEL_WIDTH * KERNEL_WIDTH));
        }
        double[] coef = Ridge.fit(z, y, weight, RIDGE);
        float[] map = new float[rows * cols];
        for (int i = 0; i < map.length; i++) map[i] = (float) coef[segment[i]];
        Map<String, String> params = new LinkedHashMap<>();
        params.put("cells", Integer.toString(cells));
        params.put("samples", Integer.toString(samples));
        params.put("seed", Long.toString(seed));
        Fill.record(params, fill);
        params.put("target", target.name());
        params.put("kernel_width", Double.toString(KERNEL_WIDTH));
        params.put("ridge", Double.toString(RIDGE));
        return new ExplanationMap(
                new Raster(map, rows, cols), Method.LIME, base.model(), target.score(base), params);
    }

    private static ImageSlice perturb(
            ImageSlice image, int[] segment, double[] keep, double[] fill) {
        boolean[] off = new boolean[segment.length];
        for (int i = 0; i < off.length; i++) off[i] = keep[segment[i]] == 0;
        return Fill.covered(image, off, fill);
    }

    /** Builder: {@code set} methods are required, {@code opt} optional. */
    public static final class Builder {
        private int cells;
        private int samples;
        private Long seed;
        private Double fillHu;
        private double[] fills;
        private int batch = 1;

        private Builder() {}

        /** Sets the superpixel grid: {@code cells × cells} squares. */
        public Builder setCells(int cells) {
            if (cells < 2 || cells > 64) {
                throw new IllegalArgumentException("cells is not in [2, 64]: " + cells);
            }
            this.cells = cells;
            return this;
        }

        /** Sets the number of perturbed images (including the unperturbed one). */
        public Builder setSamples(int samples) {
            if (samples < 10) throw new IllegalArgumentException("samples is below 10: " + samples);
            this.samples = samples;
            return this;
        }

        /** Sets the sampling seed. */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the HU that fills a switched-off superpixel. */
        public Builder setFillHu(double fillHu) {
            if (!Double.isFinite(fillHu)) {
                throw new IllegalArgumentException("fill HU is not finite: " + fillHu);
            }
            this.fillHu = fillHu;
            this.fills = null;
            return this;
        }

        /**
         * Sets the value that fills a switched-off superpixel in each channel: one for a grey image
         * (its HU), R, G, B for a colour one; the image must have as many channels.
         */
        public Builder setChannelFills(double... fills) {
            this.fills = Fill.checked(fills);
            this.fillHu = null;
            return this;
        }

        /**
         * Sets how many perturbed images go to the model at once (default 1: on the engine's one
         * thread, batches of 8 were 5–14% slower per case; BENCHMARKS.md, "Explanation maps per
         * case").
         */
        public Builder optBatch(int batch) {
            if (batch < 1) throw new IllegalArgumentException("batch is not positive: " + batch);
            this.batch = batch;
            return this;
        }

        /** Returns the method, checking required settings. */
        public Lime build() {
            List<String> missing = new ArrayList<>();
            if (cells == 0) missing.add("cells");
            if (samples == 0) missing.add("samples");
            if (seed == null) missing.add("seed");
            if (fillHu == null && fills == null) missing.add("fill HU");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("LIME is missing: " + String.join(", ", missing));
            }
            return new Lime(this);
        }
    }
}
