package org.clinval.imaging.model.internal;

import java.util.List;
import org.clinval.imaging.model.ImageSlice;
import org.clinval.imaging.model.InputShape;
import org.clinval.imaging.model.ModelDescriptor;
import org.clinval.imaging.model.ModelRunException;
import org.clinval.imaging.preprocess.Raster;

/** Preprocesses images into the model's input batch {@code (N, C, H, W)}. */
public final class InputEncoder {

    private InputEncoder() {}

    /** Returns one image's preprocessed raster, checked against the descriptor's input size. */
    public static Raster preprocess(ModelDescriptor d, ImageSlice image) throws ModelRunException {
        Raster r = d.preprocessing().apply(image.raster());
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
        return r;
    }

    /** Returns the batch tensor of already preprocessed rasters. */
    public static Tensor batch(ModelDescriptor d, List<Raster> rasters) {
        InputShape in = d.input();
        int plane = in.height() * in.width();
        int c = in.channels();
        float[] data = new float[rasters.size() * c * plane];
        for (int n = 0; n < rasters.size(); n++) {
            for (int k = 0; k < c; k++) {
                System.arraycopy(rasters.get(n).values(), 0, data, (n * c + k) * plane, plane);
            }
        }
        return new Tensor(data, new long[] {rasters.size(), c, in.height(), in.width()});
    }
}
