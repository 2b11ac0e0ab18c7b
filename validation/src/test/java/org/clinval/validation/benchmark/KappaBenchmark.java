package org.clinval.validation.benchmark;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.agreement.AgreementTable;
import org.clinval.validation.agreement.CohenKappa;
import org.clinval.validation.agreement.KappaEstimate;
import org.clinval.validation.agreement.KappaWeights;
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
 * Kappa from {@code n} pairs of text ratings on a 5-point scale. Baseline in the same run: {@link
 * #tallyCodesBaseline}, counting ratings already coded as category indices (no text lookup), the
 * floor for building the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KappaBenchmark {

    private static final List<String> SCALE =
            List.of("none", "mild", "moderate", "severe", "critical");
    private static final ConfidenceLevel LEVEL = ConfidenceLevel.of(0.95);

    @Param({"100000"})
    int n;

    String[] first;
    String[] second;
    int[] firstCode;
    int[] secondCode;
    AgreementTable table;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        first = new String[n];
        second = new String[n];
        firstCode = new int[n];
        secondCode = new int[n];
        for (int i = 0; i < n; i++) {
            int truth = random.nextInt(5);
            firstCode[i] = random.nextDouble() < 0.7 ? truth : random.nextInt(5);
            secondCode[i] = random.nextDouble() < 0.7 ? truth : random.nextInt(5);
            // new String: distinct objects, as when read from a file.
            first[i] = new String(SCALE.get(firstCode[i]));
            second[i] = new String(SCALE.get(secondCode[i]));
        }
        table = AgreementTable.builder().setCategories(SCALE).setRatings(first, second).build();
    }

    @Benchmark
    public long[][] kappa_tallyCodesBaseline() {
        long[][] counts = new long[5][5];
        for (int i = 0; i < n; i++) counts[firstCode[i]][secondCode[i]]++;
        return counts;
    }

    @Benchmark
    public AgreementTable kappa_tallyRatings() {
        return AgreementTable.builder().setCategories(SCALE).setRatings(first, second).build();
    }

    @Benchmark
    public KappaEstimate kappa_fromTable() {
        return CohenKappa.of(table, KappaWeights.QUADRATIC, LEVEL);
    }
}
