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
        return of(surfaceA, surfaceB, spacing, DistanceMetric.EUCLIDEAN);
    }

    /**
     * Returns the distances under {@code metric}: in mm for {@link DistanceMetric#EUCLIDEAN}, in
     * voxel steps (spacing ignored) for the others.
     */
    static SurfaceDistances of(
            Mask surfaceA, Mask surfaceB, Spacing spacing, DistanceMetric metric) {
        double[] work = new double[surfaceA.size()];
        double[] ab = directed(surfaceA, surfaceB, spacing, metric, work);
        double[] ba = directed(surfaceB, surfaceA, spacing, metric, work);
        return new SurfaceDistances(ab, ba);
    }

    private static double[] directed(
            Mask from, Mask to, Spacing spacing, DistanceMetric metric, double[] work) {
        boolean euclidean = metric == DistanceMetric.EUCLIDEAN;
        if (euclidean) {
            DistanceTransform.squaredInto(to, spacing, work);
        } else {
            ChamferTransform.into(to, metric, work);
        }
        double[] out = new double[from.count()];
        int n = 0;
        for (int i = 0; i < work.length; i++) {
            if (from.get(i)) out[n++] = euclidean ? Math.sqrt(work[i]) : work[i];
        }
        return out;
    }
}
