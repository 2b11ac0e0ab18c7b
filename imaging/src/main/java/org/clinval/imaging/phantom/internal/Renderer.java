package org.clinval.imaging.phantom.internal;

import org.clinval.imaging.phantom.PhantomImage;
import org.clinval.imaging.phantom.SiteProfile;

/**
 * Samples a {@link Scene} on a CT grid as a scanner would: partial volume (each voxel averages 3×3
 * in-plane by 2 through-plane samples), the kernel's blur, noise, the calibration offset, and
 * rounding to whole HU. The mask marks voxels at least half covered by a nodule.
 */
public final class Renderer {

    private static final int IN_PLANE = 3;
    private static final int THROUGH = 2;

    private Renderer() {}

    /**
     * Renders {@code scene} on a square {@code size}² grid of {@code slices} slices centred at z.
     */
    public static PhantomImage render(
            Scene scene, SiteProfile site, int size, int slices, double centreZ, Rng noise) {
        double spacing = site.fieldOfViewMm() / size;
        double dz = site.sliceThicknessMm();
        double origin = -site.fieldOfViewMm() / 2 + spacing / 2;
        double originZ = centreZ - (slices - 1) * dz / 2;
        int plane = size * size;
        float[] hu = new float[plane * slices];
        boolean[] mask = new boolean[plane * slices];
        double[] value = new double[plane];
        int samples = IN_PLANE * IN_PLANE * THROUGH;
        for (int s = 0; s < slices; s++) {
            double z0 = originZ + s * dz;
            for (int r = 0; r < size; r++) {
                double y0 = origin + r * spacing;
                for (int c = 0; c < size; c++) {
                    double x0 = origin + c * spacing;
                    double sum = 0;
                    int inside = 0;
                    for (int k = 0; k < THROUGH; k++) {
                        double z = z0 + ((k + 0.5) / THROUGH - 0.5) * dz;
                        for (int i = 0; i < IN_PLANE; i++) {
                            double y = y0 + ((i + 0.5) / IN_PLANE - 0.5) * spacing;
                            for (int j = 0; j < IN_PLANE; j++) {
                                double x = x0 + ((j + 0.5) / IN_PLANE - 0.5) * spacing;
                                sum += scene.hu(x, y, z);
                                if (scene.inLesion(x, y, z)) inside++;
                            }
                        }
                    }
                    value[r * size + c] = sum / samples;
                    mask[s * plane + r * size + c] = 2 * inside >= samples;
                }
            }
            double[] blurred = blur(value, size, site.blurMm() / spacing);
            for (int i = 0; i < plane; i++) {
                double v = blurred[i] + site.noiseHu() * noise.gaussian() + site.huOffset();
                // + 0.0f folds -0.0 into 0.0: a stored CT value has no sign of zero.
                hu[s * plane + i] = (float) Math.rint(Math.max(-1024, Math.min(3071, v))) + 0.0f;
            }
        }
        return new PhantomImage(
                size, size, slices, spacing, spacing, dz, origin, origin, originZ, hu, mask);
    }

    /** Separable Gaussian blur with standard deviation {@code sigma} pixels; edges clamp. */
    static double[] blur(double[] image, int size, double sigma) {
        if (sigma < 0.05) return image.clone();
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double total = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = StrictMath.exp(-0.5 * k * k / (sigma * sigma));
            total += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) kernel[k] /= total;
        double[] tmp = new double[image.length];
        double[] out = new double[image.length];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int cc = Math.max(0, Math.min(size - 1, c + k));
                    acc += kernel[k + radius] * image[r * size + cc];
                }
                tmp[r * size + c] = acc;
            }
        }
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int rr = Math.max(0, Math.min(size - 1, r + k));
                    acc += kernel[k + radius] * tmp[rr * size + c];
                }
                out[r * size + c] = acc;
            }
        }
        return out;
    }
}
