package org.clinval.imaging.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Normalises each image by its own statistics, per channel: {@code v' = (v − m) / s}, where {@code
 * m} and {@code s} are the mean and the population standard deviation ({@code numpy.std}, ddof 0)
 * of the channel's values, or only of those above {@code foregroundAbove} when given (e.g. to leave
 * the air around an MR head out). Every pixel is normalised, foreground or not. MR intensities have
 * no physical unit, so a model trained on one scanner's scale needs this on another's.
 *
 * @param foregroundAbove if present, only values strictly above it count towards the statistics
 */
public record ZScore(OptionalDouble foregroundAbove) implements Transform {

    public ZScore {
        if (foregroundAbove.isPresent() && !Double.isFinite(foregroundAbove.getAsDouble())) {
            throw new IllegalArgumentException(
                    "foreground_above is not finite: " + foregroundAbove.getAsDouble());
        }
    }

    /** Statistics over every pixel. */
    public ZScore() {
        this(OptionalDouble.empty());
    }

    @Override
    public Raster apply(Raster in) {
        float[] v = in.values();
        float[] out = new float[v.length];
        int plane = in.plane();
        double cut = foregroundAbove.orElse(Double.NEGATIVE_INFINITY);
        for (int k = 0; k < in.channels(); k++) {
            int from = k * plane;
            long n = 0;
            double sum = 0;
            for (int i = from; i < from + plane; i++) {
                if (v[i] > cut) {
                    n++;
                    sum += v[i];
                }
            }
            if (n < 2) {
                throw new IllegalArgumentException(
                        n
                                + " pixel(s)"
                                + (foregroundAbove.isPresent()
                                        ? " above " + foregroundAbove.getAsDouble()
                                        : "")
                                + (in.channels() > 1 ? " in channel " + k : "")
                                + ": too few for a mean and standard deviation");
            }
            double mean = sum / n;
            double ss = 0;
            for (int i = from; i < from + plane; i++) {
                if (v[i] > cut) {
                    double d = v[i] - mean;
                    ss += d * d;
                }
            }
            double sd = Math.sqrt(ss / n);
            if (!(sd > 0)) {
                throw new IllegalArgumentException(
                        "the image"
                                + (foregroundAbove.isPresent() ? "'s foreground" : "")
                                + " is constant ("
                                + mean
                                + "), so its standard deviation is 0");
            }
            for (int i = from; i < from + plane; i++) {
                out[i] = (float) ((v[i] - mean) / sd);
            }
        }
        return in.with(out);
    }

    @Override
    public String name() {
        return "zscore";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        foregroundAbove.ifPresent(x -> p.put("foreground_above", x));
        return p;
    }
}
