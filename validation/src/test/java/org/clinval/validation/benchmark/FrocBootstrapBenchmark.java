package org.clinval.validation.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;
import org.clinval.validation.detection.Candidate;
import org.clinval.validation.detection.Froc;
import org.clinval.validation.detection.FrocBootstrap;
import org.clinval.validation.detection.Lesion;
import org.clinval.validation.detection.MatchedDetections;
import org.clinval.validation.testing.ReferenceTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FROC bootstrap over scans ("large" data set of froc_reference.py: 500 scans, 599 lesions, 3675
 * candidates; 1000 replicates, CPM and 7 sensitivities, with the jackknife for BCa).
 *
 * <p>{@code reweightedSweep} is {@link Froc#bootstrap}: one score-sorted event list, each replicate
 * a weighted pass. {@code materializeAndSort} is the baseline the LUNA16 script follows: each
 * replicate concatenates the drawn scans' marks, sorts them and builds the curve, and each
 * jackknife value does the same without one scan. Both run replicates in parallel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FrocBootstrapBenchmark {

    private static final double[] RATES = {0.125, 0.25, 0.5, 1, 2, 4, 8};

    private MatchedDetections matched;
    private BootstrapSpec spec;
    private double[][] tpByScan; // best score of each hit lesion, per scan
    private double[][] fpByScan;
    private int[] lesionsByScan;
    private int scans;

    @Setup
    public void setUp() {
        List<Candidate> candidates = candidates();
        List<Lesion> lesions = lesions();
        scans = 500;
        matched = MatchedDetections.of(candidates, lesions, scans);
        spec = new BootstrapSpec(1000, 1, ConfidenceLevel.of(0.95));
        perScan(candidates, lesions);
    }

    @Benchmark
    public FrocBootstrap froc_bootstrap() {
        return Froc.bootstrap(matched, spec);
    }

    @Benchmark
    public Map<String, BootstrapInterval> froc_resortBaseline() {
        int b = spec.replicates();
        double[][] reps = new double[RATES.length + 1][b];
        IntStream.range(0, b)
                .parallel()
                .forEach(
                        r -> {
                            UniformRandomProvider rng = spec.random(r);
                            int[] drawn = new int[scans];
                            for (int j = 0; j < scans; j++) drawn[j] = rng.nextInt(scans);
                            store(reps, r, naive(drawn, scans));
                        });
        double[][] jack = new double[RATES.length + 1][scans];
        IntStream.range(0, scans)
                .parallel()
                .forEach(
                        s -> {
                            int[] rest = new int[scans - 1];
                            for (int j = 0, k = 0; j < scans; j++) if (j != s) rest[k++] = j;
                            store(jack, s, naive(rest, scans - 1));
                        });
        int[] all = IntStream.range(0, scans).toArray();
        double[] estimate = naive(all, scans);
        Map<String, BootstrapInterval> out = new LinkedHashMap<>();
        for (int q = 0; q <= RATES.length; q++) {
            double e = q < RATES.length ? estimate[q] : mean(estimate);
            out.put("q" + q, Intervals.of(e, reps[q], jack[q], spec, "scans"));
        }
        return out;
    }

    /** Sensitivities at RATES of the scans listed (with repeats), by concatenate-sort-interp. */
    private double[] naive(int[] drawn, int n) {
        int size = 0;
        long lesions = 0;
        for (int s : drawn) {
            size += tpByScan[s].length + fpByScan[s].length;
            lesions += lesionsByScan[s];
        }
        double[] score = new double[size];
        boolean[] hit = new boolean[size];
        Integer[] order = new Integer[size];
        int k = 0;
        for (int s : drawn) {
            for (double v : tpByScan[s]) {
                score[k] = v;
                hit[k++] = true;
            }
            for (double v : fpByScan[s]) score[k++] = v;
        }
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, c) -> Double.compare(score[c], score[a]));
        double[] fps = new double[size + 1];
        double[] sens = new double[size + 1];
        int points = 1;
        long tp = 0, fp = 0;
        for (int i = 0; i < size; i++) {
            if (hit[order[i]]) tp++;
            else fp++;
            if (i == size - 1 || score[order[i + 1]] != score[order[i]]) {
                fps[points] = (double) fp / n;
                sens[points++] = (double) tp / lesions;
            }
        }
        double[] out = new double[RATES.length];
        for (int q = 0; q < RATES.length; q++) out[q] = interp(RATES[q], fps, sens, points);
        return out;
    }

    private static double interp(double x, double[] xp, double[] fp, int len) {
        if (x >= xp[len - 1]) return fp[len - 1];
        int j = 0;
        while (xp[j + 1] <= x) j++;
        if (xp[j] == x) return fp[j];
        return (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]) * (x - xp[j]) + fp[j];
    }

    private static void store(double[][] into, int column, double[] sens) {
        for (int q = 0; q < sens.length; q++) into[q][column] = sens[q];
        into[sens.length][column] = mean(sens);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private void perScan(List<Candidate> candidates, List<Lesion> lesions) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Lesion l : lesions) index.putIfAbsent(l.scan(), index.size());
        for (Candidate c : candidates) index.putIfAbsent(c.scan(), index.size());
        List<List<Double>> tp = new ArrayList<>();
        List<List<Double>> fp = new ArrayList<>();
        lesionsByScan = new int[scans];
        for (int s = 0; s < scans; s++) {
            tp.add(new ArrayList<>());
            fp.add(new ArrayList<>());
        }
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            int s = e.getValue();
            List<Candidate> cs =
                    candidates.stream().filter(c -> c.scan().equals(e.getKey())).toList();
            boolean[] hits = new boolean[cs.size()];
            for (Lesion l : lesions) {
                if (!l.scan().equals(e.getKey())) continue;
                lesionsByScan[s]++;
                double best = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < cs.size(); i++) {
                    if (l.isHitBy(cs.get(i))) {
                        hits[i] = true;
                        best = Math.max(best, cs.get(i).score());
                    }
                }
                if (best > Double.NEGATIVE_INFINITY) tp.get(s).add(best);
            }
            for (int i = 0; i < cs.size(); i++) if (!hits[i]) fp.get(s).add(cs.get(i).score());
        }
        tpByScan =
                tp.stream()
                        .map(l -> l.stream().mapToDouble(d -> d).toArray())
                        .toArray(double[][]::new);
        fpByScan =
                fp.stream()
                        .map(l -> l.stream().mapToDouble(d -> d).toArray())
                        .toArray(double[][]::new);
    }

    private static List<Candidate> candidates() {
        ReferenceTable t = ReferenceTable.load("froc/large_candidates.csv");
        String[] scan = t.strings("scan");
        double[] x = t.doubles("x"), y = t.doubles("y"), z = t.doubles("z"), s = t.doubles("score");
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < scan.length; i++)
            out.add(new Candidate(scan[i], x[i], y[i], z[i], s[i]));
        return out;
    }

    private static List<Lesion> lesions() {
        ReferenceTable t = ReferenceTable.load("froc/large_truth.csv");
        String[] scan = t.strings("scan");
        double[] x = t.doubles("x"),
                y = t.doubles("y"),
                z = t.doubles("z"),
                r = t.doubles("radius");
        List<Lesion> out = new ArrayList<>();
        for (int i = 0; i < scan.length; i++) out.add(new Lesion(scan[i], x[i], y[i], z[i], r[i]));
        return out;
    }
}
