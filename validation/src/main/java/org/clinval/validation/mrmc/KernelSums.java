package org.clinval.validation.mrmc;

/**
 * The eight sums of products of success kernels of two modalities over pairs of reads, and the same
 * of the design (1 where a reader read both cases of a pair), the raw material of {@link
 * UstatComponents}.
 *
 * <p>Index {@code k = 4·readerFree + 2·positiveFree + negativeFree}: a "free" dimension is summed
 * over all pairs, a fixed one only over pairs that share it; so sum 0 shares reader, negative and
 * positive case and sum 7 is the product of the two totals. Cost {@code O(R·N0·N1)}.
 */
final class KernelSums {

    final double[] kernel = new double[8];
    final double[] design = new double[8];

    /** Per reader: kernel total and design total of modality a, then of modality b. */
    double[] readerKernelA;

    double[] readerDesignA;
    double[] readerKernelB;
    double[] readerDesignB;

    private KernelSums() {}

    static KernelSums of(ReaderStudy s, int a, int b) {
        int[] neg = indices(s, false);
        int[] pos = indices(s, true);
        int n0 = neg.length;
        int n1 = pos.length;
        KernelSums out = new KernelSums();
        int nr = s.readers().size();
        out.readerKernelA = new double[nr];
        out.readerDesignA = new double[nr];
        out.readerKernelB = new double[nr];
        out.readerDesignB = new double[nr];
        double[] sumRa = new double[n0 * n1];
        double[] sumRb = new double[n0 * n1];
        double[] dsumRa = new double[n0 * n1];
        double[] dsumRb = new double[n0 * n1];
        double[] xa = new double[n0 * n1];
        double[] xb = new double[n0 * n1];
        double[] da = new double[n0 * n1];
        double[] db = new double[n0 * n1];
        for (int r = 0; r < s.readers().size(); r++) {
            fill(s, a, r, neg, pos, xa, da);
            fill(s, b, r, neg, pos, xb, db);
            accumulate(out.kernel, xa, xb, n0, n1);
            accumulate(out.design, da, db, n0, n1);
            for (int q = 0; q < xa.length; q++) {
                out.readerKernelA[r] += xa[q];
                out.readerDesignA[r] += da[q];
                out.readerKernelB[r] += xb[q];
                out.readerDesignB[r] += db[q];
                sumRa[q] += xa[q];
                sumRb[q] += xb[q];
                dsumRa[q] += da[q];
                dsumRb[q] += db[q];
            }
        }
        across(out.kernel, sumRa, sumRb, n0, n1);
        across(out.design, dsumRa, dsumRb, n0, n1);
        return out;
    }

    /** The read cases of one truth, in the study's order. */
    static int[] indices(ReaderStudy s, boolean positive) {
        int n = 0;
        for (int c = 0; c < s.cases().size(); c++) if (take(s, c, positive)) n++;
        int[] out = new int[n];
        n = 0;
        for (int c = 0; c < s.cases().size(); c++) if (take(s, c, positive)) out[n++] = c;
        return out;
    }

    private static boolean take(ReaderStudy s, int c, boolean positive) {
        return s.positive(c) == positive && s.isReadAtAll(c);
    }

    /** Success kernel and design of reader {@code r} in modality {@code m}, row i, column j. */
    private static void fill(
            ReaderStudy s, int m, int r, int[] neg, int[] pos, double[] x, double[] d) {
        int n1 = pos.length;
        for (int i = 0; i < neg.length; i++) {
            boolean readI = s.isRead(m, r, neg[i]);
            double xi = readI ? s.score(m, r, neg[i]) : 0;
            for (int j = 0; j < n1; j++) {
                int q = i * n1 + j;
                if (!readI || !s.isRead(m, r, pos[j])) {
                    x[q] = 0;
                    d[q] = 0;
                    continue;
                }
                double y = s.score(m, r, pos[j]);
                x[q] = y > xi ? 1 : y == xi ? 0.5 : 0;
                d[q] = 1;
            }
        }
    }

    /** Adds the same-reader sums 0…3 of one reader. */
    private static void accumulate(double[] into, double[] x, double[] y, int n0, int n1) {
        double same = 0;
        double total1 = 0;
        double total2 = 0;
        double sharedNeg = 0;
        double[] colX = new double[n1];
        double[] colY = new double[n1];
        for (int i = 0; i < n0; i++) {
            double rowX = 0;
            double rowY = 0;
            for (int j = 0; j < n1; j++) {
                int q = i * n1 + j;
                same += x[q] * y[q];
                rowX += x[q];
                rowY += y[q];
                colX[j] += x[q];
                colY[j] += y[q];
            }
            sharedNeg += rowX * rowY;
            total1 += rowX;
            total2 += rowY;
        }
        double sharedPos = 0;
        for (int j = 0; j < n1; j++) sharedPos += colX[j] * colY[j];
        into[0] += same;
        into[1] += sharedPos;
        into[2] += sharedNeg;
        into[3] += total1 * total2;
    }

    /** Sets sums 4…7 (readers free) from the reader-summed kernels. */
    private static void across(double[] into, double[] x, double[] y, int n0, int n1) {
        double[] tmp = new double[4];
        accumulate(tmp, x, y, n0, n1);
        System.arraycopy(tmp, 0, into, 4, 4);
    }
}
