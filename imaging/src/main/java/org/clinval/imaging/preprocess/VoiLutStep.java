package org.clinval.imaging.preprocess;

import java.util.Map;

/**
 * Applies the image's own VOI transform from its header, giving values in [0, 1] (0 black): the
 * first VOI LUT table (VOI LUT Sequence (0028,3010), PS3.3 C.11.2.1.1) when the header has one,
 * else the first VOI window (Window Center/Width, LINEAR function of PS3.3 C.11.2.1.2.1). The table
 * is preferred as pydicom's {@code apply_voi_lut} prefers it. For X-ray, where the window the
 * modality chose for reading is part of the image's meaning. An image whose header has neither is
 * refused.
 */
public record VoiLutStep() implements Transform {

    @Override
    public Raster apply(Raster in) {
        return apply(in, ImageContext.NONE);
    }

    @Override
    public Raster apply(Raster in, ImageContext context) {
        if (in.channels() != 1) {
            throw new IllegalArgumentException(
                    "a VOI transform applies to grey-scale images, not " + context.photometric());
        }
        float[] v = in.values();
        float[] out = new float[v.length];
        if (context.voiLut().isPresent()) {
            ImageContext.Table lut = context.voiLut().get();
            for (int i = 0; i < v.length; i++) out[i] = (float) lut.apply(v[i]);
            return in.with(out);
        }
        if (context.windows().isEmpty()) {
            throw new IllegalArgumentException(
                    "the image's header has no VOI window (Window Center/Width) nor VOI LUT"
                            + " Sequence");
        }
        ImageContext.Window w = context.windows().get(0);
        for (int i = 0; i < v.length; i++) out[i] = (float) w.apply(v[i]);
        return in.with(out);
    }

    @Override
    public String name() {
        return "voi_lut";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }
}
