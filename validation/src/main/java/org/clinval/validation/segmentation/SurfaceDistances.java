package org.clinval.validation.segmentation;

/**
 * The directed surface distances between two non-empty masks: for every surface voxel of one, the
 * distance in mm from its centre to the nearest surface voxel centre of the other.
 */
final class SurfaceDistances {

    /** {@code d(a, S_B)} for every {@code a} in {@code S_A}, in row-major order. */
    final double[] predictionToReference;

    /** {@code d(b, S_A)} for every {@code b} in {@code S_B}, in row-major order. */
    final double[] referenceToPrediction;

    private SurfaceDistances(double[] predictionToReference, double[] referenceToPrediction) {
        this.predictionToReference = predictionToReference;
        this.referenceToPrediction = referenceToPrediction;
    }

    /**
     * Returns the distances between the non-empty surfaces {@code surfaceA} and {@code surfaceB}.
     */
    static SurfaceDistances of(Mask surfaceA, Mask surfaceB, Spacing spacing) {
        double[] work = new double[surfaceA.size()];
        double[] ab = directed(surfaceA, surfaceB, spacing, work);
        double[] ba = directed(surfaceB, surfaceA, spacing, work);
        return new SurfaceDistances(ab, ba);
    }

    private static double[] directed(Mask from, Mask to, Spacing spacing, double[] work) {
        DistanceTransform.squaredInto(to, spacing, work);
        double[] out = new double[from.count()];
        int n = 0;
        for (int i = 0; i < work.length; i++) {
            if (from.get(i)) out[n++] = Math.sqrt(work[i]);
        }
        return out;
    }
}
