package org.clinval.surveillance.job;

import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One stratum's window, accumulated as its records arrive: counts, and in primitive arrays only the
 * values the statistics need (each prediction's score and numeric metadata, each joined case's
 * score and truth, categorical metadata as counts). A tenth of the state of the records themselves,
 * so checkpoints stay small and the job stays fast; the statistics at the window's end are the
 * same, computed over the values in a canonical order. Only the drift windows keep the numeric and
 * categorical acquisition metadata ({@link #metadata}); the others need the scores alone. In
 * checkpoints (see {@link WindowAccSerializer}) the arrays take the values they hold, not their
 * room to grow.
 */
@TypeInfo(WindowAccSerializer.Info.class)
public class WindowAcc {

    /** Whether the acquisition metadata is kept: for the drift tests. */
    public boolean metadata = true;

    public long predictions;
    public long tp;
    public long fp;
    public long tn;
    public long fn;
    public long readers;
    public long overrides;

    public int nPred;
    public double[] score = new double[0];
    public double[] kvp = new double[0];
    public double[] thick = new double[0];
    public double[] spacing = new double[0];
    public double[] field = new double[0];

    public int nJoined;
    public double[] joinedScore = new double[0];
    public byte[] joinedPositive = new byte[0];

    public int nManufacturers;
    public String[] manufacturers = new String[0];
    public long[] manufacturerCounts = new long[0];
    public int nKernels;
    public String[] kernels = new String[0];
    public long[] kernelCounts = new long[0];

    public WindowAcc() {}

    /**
     * @param metadata whether to keep the acquisition metadata (for the drift tests)
     */
    public WindowAcc(boolean metadata) {
        this.metadata = metadata;
    }

    /** Adds one record. */
    public void add(StratumRecord r) {
        switch (r.kind) {
            case PREDICTION -> {
                predictions++;
                if (nPred == score.length) grow(Math.max(16, nPred * 2));
                score[nPred] = r.score;
                if (metadata) {
                    kvp[nPred] = r.kvp;
                    thick[nPred] = r.sliceThicknessMm;
                    spacing[nPred] = r.pixelSpacingMm;
                    field[nPred] = r.magneticFieldStrengthT;
                    if (r.manufacturer != null) countManufacturer(r.manufacturer, 1);
                    if (r.convolutionKernel != null) countKernel(r.convolutionKernel, 1);
                }
                nPred++;
            }
            case JOINED -> {
                boolean pos = r.label > 0;
                boolean call = r.decision > 0;
                if (pos && call) tp++;
                else if (pos) fn++;
                else if (call) fp++;
                else tn++;
                if (nJoined == joinedScore.length) {
                    int n = Math.max(16, nJoined * 2);
                    joinedScore = Arrays.copyOf(joinedScore, n);
                    joinedPositive = Arrays.copyOf(joinedPositive, n);
                }
                joinedScore[nJoined] = r.score;
                joinedPositive[nJoined] = (byte) (pos ? 1 : 0);
                nJoined++;
            }
            case READER -> {
                readers++;
                if (r.readerAgreed == 0) overrides++;
            }
        }
    }

    private void grow(int n) {
        score = Arrays.copyOf(score, n);
        if (!metadata) return;
        kvp = Arrays.copyOf(kvp, n);
        thick = Arrays.copyOf(thick, n);
        spacing = Arrays.copyOf(spacing, n);
        field = Arrays.copyOf(field, n);
    }

    private void countManufacturer(String v, long c) {
        for (int i = 0; i < nManufacturers; i++) {
            if (manufacturers[i].equals(v)) {
                manufacturerCounts[i] += c;
                return;
            }
        }
        if (nManufacturers == manufacturers.length) {
            manufacturers = Arrays.copyOf(manufacturers, nManufacturers + 4);
            manufacturerCounts = Arrays.copyOf(manufacturerCounts, nManufacturers + 4);
        }
        manufacturers[nManufacturers] = v;
        manufacturerCounts[nManufacturers++] = c;
    }

    private void countKernel(String v, long c) {
        for (int i = 0; i < nKernels; i++) {
            if (kernels[i].equals(v)) {
                kernelCounts[i] += c;
                return;
            }
        }
        if (nKernels == kernels.length) {
            kernels = Arrays.copyOf(kernels, nKernels + 4);
            kernelCounts = Arrays.copyOf(kernelCounts, nKernels + 4);
        }
        kernels[nKernels] = v;
        kernelCounts[nKernels++] = c;
    }

    /** The present (non-NaN) values of numeric variable {@code v}, sorted. */
    public double[] numeric(String v) {
        if (!metadata && !v.equals("score")) {
            throw new IllegalStateException("this window keeps no acquisition metadata: " + v);
        }
        double[] all =
                switch (v) {
                    case "score" -> score;
                    case "kvp" -> kvp;
                    case "slice_thickness_mm" -> thick;
                    case "pixel_spacing_mm" -> spacing;
                    case "magnetic_field_strength_t" -> field;
                    default -> throw new IllegalArgumentException("no numeric variable " + v);
                };
        double[] out = new double[nPred];
        int n = 0;
        for (int i = 0; i < nPred; i++) if (!Double.isNaN(all[i])) out[n++] = all[i];
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** The values of categorical variable {@code v}, one per prediction that has it, sorted. */
    public String[] categorical(String v) {
        if (!metadata) {
            throw new IllegalStateException("this window keeps no acquisition metadata: " + v);
        }
        String[] keys;
        long[] counts;
        int n;
        if (v.equals("manufacturer")) {
            keys = manufacturers;
            counts = manufacturerCounts;
            n = nManufacturers;
        } else if (v.equals("convolution_kernel")) {
            keys = kernels;
            counts = kernelCounts;
            n = nKernels;
        } else {
            throw new IllegalArgumentException("no categorical variable " + v);
        }
        long total = 0;
        for (int i = 0; i < n; i++) total += counts[i];
        String[] sortedKeys = Arrays.copyOf(keys, n);
        Arrays.sort(sortedKeys);
        String[] out = new String[(int) total];
        int at = 0;
        for (String k : sortedKeys) {
            for (int i = 0; i < n; i++) {
                if (keys[i].equals(k)) {
                    Arrays.fill(out, at, at + (int) counts[i], k);
                    at += (int) counts[i];
                }
            }
        }
        return out;
    }

    /**
     * The sum of the predictions' scores, over the sorted scores (the same digits in any order).
     */
    public double scoreSum() {
        double[] s = numeric("score");
        double sum = 0;
        for (double v : s) sum += v;
        return sum;
    }

    /** The number of predictions with a score. */
    public long scored() {
        long n = 0;
        for (int i = 0; i < nPred; i++) if (!Double.isNaN(score[i])) n++;
        return n;
    }

    /**
     * The joined cases as (score, positive), sorted by score then truth: a canonical order. (The
     * negatives' and the positives' scores are sorted apart, then merged, negatives first at equal
     * scores.)
     */
    public double[][] joined() {
        double[] neg = new double[nJoined];
        double[] pos = new double[nJoined];
        int nn = 0;
        int np = 0;
        for (int i = 0; i < nJoined; i++) {
            if (joinedPositive[i] > 0) pos[np++] = joinedScore[i];
            else neg[nn++] = joinedScore[i];
        }
        Arrays.sort(neg, 0, nn);
        Arrays.sort(pos, 0, np);
        double[][] out = new double[2][nJoined];
        int a = 0;
        int b = 0;
        for (int k = 0; k < nJoined; k++) {
            if (b == np || (a < nn && Double.compare(neg[a], pos[b]) <= 0)) {
                out[0][k] = neg[a++];
            } else {
                out[0][k] = pos[b++];
                out[1][k] = 1;
            }
        }
        return out;
    }
}
