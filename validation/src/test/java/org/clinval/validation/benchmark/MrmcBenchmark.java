package org.clinval.validation.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.mrmc.GallasAnalysis;
import org.clinval.validation.mrmc.MrmcFiles;
import org.clinval.validation.mrmc.MrmcFormatException;
import org.clinval.validation.mrmc.ObuchowskiRockette;
import org.clinval.validation.mrmc.OrAnalysis;
import org.clinval.validation.mrmc.OrCovariance;
import org.clinval.validation.mrmc.OrFactors;
import org.clinval.validation.mrmc.ReaderStudy;
import org.clinval.validation.mrmc.UstatEstimate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A fully crossed reader study of 10 readers × 1,000 cases (500 + 500) × 2 modalities (20,000
 * reads, a Roe–Metz-like binormal simulation with reader and case effects) written as an .imrmc
 * file: reading it alone (the baseline), reading it plus the Obuchowski–Rockette analysis with
 * DeLong and with jackknife covariances, and reading it plus the U-statistic analysis. Average time
 * over one-second iterations: a single read takes about a tenth of a second, so single shots would
 * measure the timer and the collector as much as the work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class MrmcBenchmark {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);

    @State(Scope.Benchmark)
    public static class Study {
        Path file;

        @Setup
        public void setUp() throws IOException {
            file = Files.createTempFile("mrmc-benchmark", ".imrmc");
            write(file, 10, 500, 500, 20261205L);
        }

        @TearDown
        public void tearDown() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    @Benchmark
    public ReaderStudy read_readBaseline(Study s) throws MrmcFormatException {
        return MrmcFiles.readImrmc(s.file, Direction.HIGHER);
    }

    @Benchmark
    public OrAnalysis read_orDeLong(Study s) throws MrmcFormatException {
        ReaderStudy st = MrmcFiles.readImrmc(s.file, Direction.HIGHER);
        return ObuchowskiRockette.analyse(
                st, OrFactors.RANDOM_READERS_RANDOM_CASES, OrCovariance.DELONG, LEVEL);
    }

    @Benchmark
    public OrAnalysis read_orJackknife(Study s) throws MrmcFormatException {
        ReaderStudy st = MrmcFiles.readImrmc(s.file, Direction.HIGHER);
        return ObuchowskiRockette.analyse(
                st, OrFactors.RANDOM_READERS_RANDOM_CASES, OrCovariance.JACKKNIFE, LEVEL);
    }

    @Benchmark
    public List<UstatEstimate> read_gallas(Study s) throws MrmcFormatException {
        ReaderStudy st = MrmcFiles.readImrmc(s.file, Direction.HIGHER);
        return GallasAnalysis.analyse(st, LEVEL);
    }

    /**
     * Writes a binormal study: score = truth·(1 + 0.2·modality) + reader + case + reader×case
     * effects + noise, rounded to 3 decimals so that ties occur.
     */
    static void write(Path file, int readers, int negatives, int positives, long seed)
            throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cases = negatives + positives;
        double[] caseEffect = new double[cases];
        for (int c = 0; c < cases; c++) caseEffect[c] = 0.5 * gaussian(rnd);
        double[] readerEffect = new double[readers];
        for (int r = 0; r < readers; r++) readerEffect[r] = 0.3 * gaussian(rnd);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Simulated reader study for MrmcBenchmark\nBEGIN DATA:\n");
            for (int c = 0; c < cases; c++)
                w.write("-1,case" + c + ",truth," + truth(c, negatives) + "\n");
            for (int m = 0; m < 2; m++) {
                for (int r = 0; r < readers; r++) {
                    for (int c = 0; c < cases; c++) {
                        double mu = truth(c, negatives) * (1 + 0.2 * m);
                        double x =
                                mu
                                        + readerEffect[r]
                                        + caseEffect[c]
                                        + 0.3 * gaussian(rnd)
                                        + 0.7 * gaussian(rnd);
                        w.write(
                                "reader"
                                        + r
                                        + ",case"
                                        + c
                                        + ",mod"
                                        + m
                                        + ","
                                        + Math.round(x * 1000) / 1000.0
                                        + "\n");
                    }
                }
            }
        }
    }

    private static int truth(int c, int negatives) {
        return c < negatives ? 0 : 1;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller; the benchmark needs plausible data, not a particular generator.
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
