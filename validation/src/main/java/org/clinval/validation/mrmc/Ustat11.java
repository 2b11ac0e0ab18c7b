package org.clinval.validation.mrmc;

/**
 * The U-statistic of degree (1, 1) of two modalities' reader × case kernels, with its unbiased MRMC
 * variance, as iMRMC's R function {@code uStat11.jointD} computes it (Gallas et al. 2009, Commun
 * Stat Theory Methods 38:2586–2603): the reader- and case-averaged kernel of each modality, their
 * difference, and the variance of each.
 *
 * <p>With kernel {@code k[c][r]} and design {@code d[c][r]} (1 when reader {@code r} read case
 * {@code c}) of a modality, the estimate is {@code Σ d·k / Σ d}. The four biased product moments
 * (two different cases and readers, {@code c0r0}; the same case, {@code c1r0}; the same reader,
 * {@code c0r1}; the same reader and case, {@code c1r1}) are ratios of sums of products of
 * case-wise, reader-wise and cell-wise totals; the unbiased moments follow by inclusion–exclusion
 * of numerators and denominators alike, and the variance is {@code Σ_x coeff_x · M_x} with {@code
 * coeff_x = denominator_x / N²} and {@code 1} taken from {@code coeff_c0r0} (the squared mean). The
 * difference has {@code var(A) + var(B) − 2·cov(A, B)}, the covariance from the cross products of A
 * and B. Valid for fully crossed, split-plot and other designs.
 */
public final class Ustat11 {

    /** The moments' names, in iMRMC's order. */
    public static final java.util.List<String> MOMENTS =
            java.util.List.of("c0r0", "c1r0", "c0r1", "c1r1");

    private final double meanA;
    private final double meanB;
    private final double[] varAbDiff;
    private final double[][] moments; // [AA, BB, AB][c0r0, c1r0, c0r1, c1r1]
    private final double[][] coeff;
    private final double[] perReaderA;
    private final double[] perReaderB;

    private Ustat11(
            double meanA,
            double meanB,
            double[] var,
            double[][] moments,
            double[][] coeff,
            double[] perReaderA,
            double[] perReaderB) {
        this.meanA = meanA;
        this.meanB = meanB;
        this.varAbDiff = var;
        this.moments = moments;
        this.coeff = coeff;
        this.perReaderA = perReaderA;
        this.perReaderB = perReaderB;
    }

    /**
     * Computes the statistic of kernels {@code kernelA}, {@code kernelB} and designs {@code
     * designA}, {@code designB}, each {@code [case][reader]} of the same shape; a kernel value
     * where the design is 0 is ignored.
     *
     * @throws IllegalArgumentException if the shapes differ or a modality has no read
     */
    public static Ustat11 of(
            double[][] kernelA, double[][] designA, double[][] kernelB, double[][] designB) {
        int nc = kernelA.length;
        if (nc == 0) throw new IllegalArgumentException("no cases");
        int nr = kernelA[0].length;
        for (double[][] m : new double[][][] {kernelA, designA, kernelB, designB}) {
            if (m.length != nc)
                throw new IllegalArgumentException("kernels and designs differ in cases");
            for (double[] row : m) {
                if (row.length != nr) {
                    throw new IllegalArgumentException("kernels and designs differ in readers");
                }
            }
        }
        double[][] ka = masked(kernelA, designA);
        double[][] kb = masked(kernelB, designB);
        double nA = sum(designA);
        double nB = sum(designB);
        if (nA == 0 || nB == 0) throw new IllegalArgumentException("a modality has no read");
        double sA = sum(ka);
        double sB = sum(kb);
        double[] caseKA = rowSums(ka);
        double[] caseKB = rowSums(kb);
        double[] caseDA = rowSums(designA);
        double[] caseDB = rowSums(designB);
        double[] readerKA = colSums(ka);
        double[] readerKB = colSums(kb);
        double[] readerDA = colSums(designA);
        double[] readerDB = colSums(designB);
        // Biased numerators and denominators, rows AA, BB, AB; columns c0r0, c1r0, c0r1, c1r1.
        double[][] num = {
            {sA * sA, dot(caseKA, caseKA), dot(readerKA, readerKA), cells(ka, ka)},
            {sB * sB, dot(caseKB, caseKB), dot(readerKB, readerKB), cells(kb, kb)},
            {sA * sB, dot(caseKA, caseKB), dot(readerKA, readerKB), cells(ka, kb)}
        };
        double[][] den = {
            {nA * nA, dot(caseDA, caseDA), dot(readerDA, readerDA), cells(designA, designA)},
            {nB * nB, dot(caseDB, caseDB), dot(readerDB, readerDB), cells(designB, designB)},
            {nA * nB, dot(caseDA, caseDB), dot(readerDA, readerDB), cells(designA, designB)}
        };
        double[][] moments = new double[3][4];
        double[][] coeff = new double[3][4];
        double[] norm = {nA * nA, nB * nB, nA * nB};
        double[] var = new double[3];
        for (int row = 0; row < 3; row++) {
            double[] n = unbias(num[row]);
            double[] d = unbias(den[row]);
            for (int x = 0; x < 4; x++) {
                moments[row][x] = d[x] > 0 ? n[x] / d[x] : 0;
                coeff[row][x] = d[x] / norm[row] - (x == 0 ? 1 : 0);
            }
        }
        for (int row = 0; row < 3; row++) {
            for (int x = 0; x < 4; x++) var[row] += coeff[row][x] * moments[row][x];
        }
        double[] out = {var[0], var[1], var[0] + var[1] - 2 * var[2]};
        return new Ustat11(
                sA / nA,
                sB / nB,
                out,
                moments,
                coeff,
                ratio(readerKA, readerDA),
                ratio(readerKB, readerDB));
    }

    /** iMRMC's map from biased to unbiased sums: c0r0 − c1r0 − c0r1 + c1r1, c1r0 − c1r1, … */
    private static double[] unbias(double[] b) {
        return new double[] {b[0] - b[1] - b[2] + b[3], b[1] - b[3], b[2] - b[3], b[3]};
    }

    /** Returns modality A's estimate. */
    public double meanA() {
        return meanA;
    }

    /** Returns modality B's estimate. */
    public double meanB() {
        return meanB;
    }

    /** Returns the unbiased variance of A's estimate (can be negative in small studies). */
    public double varianceA() {
        return varAbDiff[0];
    }

    /** Returns the unbiased variance of B's estimate. */
    public double varianceB() {
        return varAbDiff[1];
    }

    /** Returns the unbiased variance of {@code A − B}. */
    public double varianceDifference() {
        return varAbDiff[2];
    }

    /** Returns the unbiased moments, rows A, B, AB, in the order of {@link #MOMENTS}. */
    public double[][] moments() {
        return new double[][] {moments[0].clone(), moments[1].clone(), moments[2].clone()};
    }

    /** Returns the coefficients of the moments, rows A, B, AB, in the order of {@link #MOMENTS}. */
    public double[][] coefficients() {
        return new double[][] {coeff[0].clone(), coeff[1].clone(), coeff[2].clone()};
    }

    /** Returns each reader's mean kernel in A; NaN for a reader without reads in A. */
    public double[] perReaderA() {
        return perReaderA.clone();
    }

    /** Returns each reader's mean kernel in B; NaN for a reader without reads in B. */
    public double[] perReaderB() {
        return perReaderB.clone();
    }

    private static double[][] masked(double[][] k, double[][] d) {
        double[][] out = new double[k.length][];
        for (int c = 0; c < k.length; c++) {
            out[c] = new double[k[c].length];
            for (int r = 0; r < k[c].length; r++) out[c][r] = d[c][r] * k[c][r];
        }
        return out;
    }

    private static double sum(double[][] m) {
        double s = 0;
        for (double[] row : m) for (double v : row) s += v;
        return s;
    }

    private static double[] rowSums(double[][] m) {
        double[] out = new double[m.length];
        for (int c = 0; c < m.length; c++) for (double v : m[c]) out[c] += v;
        return out;
    }

    private static double[] colSums(double[][] m) {
        double[] out = new double[m[0].length];
        for (double[] row : m) for (int r = 0; r < row.length; r++) out[r] += row[r];
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double cells(double[][] a, double[][] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++)
            for (int r = 0; r < a[c].length; r++) s += a[c][r] * b[c][r];
        return s;
    }

    private static double[] ratio(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = b[i] > 0 ? a[i] / b[i] : Double.NaN;
        return out;
    }
}
