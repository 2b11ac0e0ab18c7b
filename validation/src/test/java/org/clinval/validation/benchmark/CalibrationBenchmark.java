package org.clinval.validation.benchmark;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clinval.validation.calibration.Binning;
import org.clinval.validation.calibration.BrierScore;
import org.clinval.validation.calibration.LogisticRecalibration;
import org.clinval.validation.calibration.ProbabilityForecasts;
import org.clinval.validation.calibration.Recalibration;
import org.clinval.validation.calibration.ReliabilityDiagram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calibration on {@code n} forecasts. Baselines in the same run: {@link #brierBaseline} (one pass
 * over the data, the floor for any metric) and {@link #eceMassBoxedSortBaseline} (equal-mass ECE
 * with the obvious boxed {@code Integer[]} stable sort, against the primitive merge sort used by
 * {@link Binning#EQUAL_MASS}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CalibrationBenchmark {

    @Param({"100000"})
    int n;

    ProbabilityForecasts forecasts;
    boolean[] y;
    double[] p;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        y = new boolean[n];
        p = new double[n];
        for (int i = 0; i < n; i++) {
            // Rounded to 1e-3 so that equal probabilities (ties) are common, as with real models.
            p[i] = Math.rint((0.01 + 0.98 * random.nextDouble()) * 1000) / 1000;
            double truth = 1 / (1 + Math.exp(-(0.2 + 0.8 * Math.log(p[i] / (1 - p[i])))));
            y[i] = random.nextDouble() < truth;
        }
        forecasts = ProbabilityForecasts.of(y, p);
    }

    @Benchmark
    public double calibration_onePassBaseline() {
        return BrierScore.of(forecasts);
    }

    @Benchmark
    public double calibration_eceWidth() {
        return ReliabilityDiagram.of(forecasts, Binning.EQUAL_WIDTH, 10).ece();
    }

    @Benchmark
    public double calibration_eceMass() {
        return ReliabilityDiagram.of(forecasts, Binning.EQUAL_MASS, 10).ece();
    }

    /** Same definition as {@link Binning#EQUAL_MASS}, sorting boxed indices with a comparator. */
    @Benchmark
    public double calibration_eceMassBoxedSortBaseline() {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int bins = 10, base = n / bins, larger = n % bins, start = 0;
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            int size = base + (b < larger ? 1 : 0);
            double sumP = 0;
            int positives = 0;
            for (int k = start; k < start + size; k++) {
                sumP += p[order[k]];
                if (y[order[k]]) positives++;
            }
            ece += (double) size / n * Math.abs(sumP / size - (double) positives / size);
            start += size;
        }
        return ece;
    }

    @Benchmark
    public Recalibration calibration_recalibration() {
        return LogisticRecalibration.fit(forecasts);
    }
}
