package org.clinval.imaging.model.internal;

import java.util.List;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.preprocess.Raster;

/**
 * Preprocesses images into the model's input batch {@code (N, C, H, W)}. A raster with as many
 * channels as the model takes is copied plane by plane; a grey raster fills every channel of a
 * 3-channel model (as it always has); a colour raster is refused by a 1-channel model, since
 * turning colour into grey is a choice the descriptor would have to state.
 */
public final class InputEncoder {

    private InputEncoder() {}

    /**
     * Returns one image's preprocessed raster, checked against the descriptor's input size and
     * channels.
     *
     * @throws ModelRunException if a step refuses the image, or the result is not the model's input
     *     size or channels
     */
    public static Raster preprocess(ModelDescriptor d, ImageSlice image) throws ModelRunException {
        Raster r;
        try {
            r = d.preprocessing().apply(image.raster(), image.context());
        } catch (IllegalArgumentException e) {
            throw new ModelRunException(
                    "preprocessing of model " + d.name() + " refused the image: " + e.getMessage(),
                    e);
        }
        InputShape in = d.input();
        if (r.rows() != in.height() || r.columns() != in.width()) {
            throw new ModelRunException(
                    "after preprocessing the image is "
                            + r.rows()
                            + " x "
                            + r.columns()
                            + " but model "
                            + d.name()
                            + " takes "
                            + in.height()
                            + " x "
                            + in.width()
                            + " (add a resize step to its preprocessing)");
        }
        checkChannels(d, r);
        return r;
    }

    /** Refuses a raster whose channels the model cannot take. */
    static void checkChannels(ModelDescriptor d, Raster r) throws ModelRunException {
        int c = d.input().channels();
        if (r.channels() != c && r.channels() != 1) {
            throw new ModelRunException(
                    "the image has "
                            + r.channels()
                            + " channels (colour) but model "
                            + d.name()
                            + " takes "
                            + c
                            + " (grey-scale); colour is not turned into grey silently");
        }
    }

    /** Returns the batch tensor of already preprocessed rasters. */
    public static Tensor batch(ModelDescriptor d, List<Raster> rasters) {
        InputShape in = d.input();
        int plane = in.height() * in.width();
        int c = in.channels();
        float[] data = new float[rasters.size() * c * plane];
        for (int n = 0; n < rasters.size(); n++) {
            Raster r = rasters.get(n);
            for (int k = 0; k < c; k++) {
                int from = r.channels() == c ? k * plane : 0;
                System.arraycopy(r.values(), from, data, (n * c + k) * plane, plane);
            }
        }
        return new Tensor(data, new long[] {rasters.size(), c, in.height(), in.width()});
    }
}
