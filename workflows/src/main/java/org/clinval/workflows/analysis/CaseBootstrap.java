package org.clinval.workflows.analysis;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.clinval.validation.bootstrap.BootstrapInterval;
import org.clinval.validation.bootstrap.BootstrapSpec;
import org.clinval.validation.bootstrap.Intervals;

/**
 * The mean or median of per-case values with a bootstrap over cases: each replicate draws {@code n}
 * cases with replacement from all {@code n} (replicate {@code r} from the spec's own generator
 * {@link BootstrapSpec#random(int)}, so results do not depend on threads), and aggregates the
 * values defined among them. Cases where the value is undefined (a distance to an empty mask) are
 * drawn like the others and then not aggregated: they are counted, never dropped from the sample.
 * Percentile and BCa intervals come from {@link Intervals}, BCa's acceleration from the
 * leave-one-case-out jackknife.
 *
 * <p>A replicate that draws no case with a defined value has no aggregate; rather than condition
 * the bootstrap on the others, the interval is then undefined with the reason, as is an interval
 * with fewer than 2 defined values.
 */
final class CaseBootstrap {

    static final String RESAMPLING =
            "cases with replacement, n fixed; undefined values drawn but not aggregated";

    private CaseBootstrap() {}

    /**
     * Returns the aggregate of {@code values} (NaN marks an undefined value, never a result).
     *
     * @param quantity what the values are, for the record and the reasons
     * @param undefinedWhy why a value is undefined, for the reason when none is defined
     */
    static CaseAggregate of(
            String quantity,
            Aggregate aggregate,
            double[] values,
            BootstrapSpec spec,
            String undefinedWhy) {
        int n = values.length;
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int k = defined.length;
        if (k == 0) {
            String why =
                    "the "
                            + aggregate.key()
                            + " "
                            + quantity
                            + " is undefined: no case of "
                            + n
                            + " has a value"
                            + (undefinedWhy.isEmpty() ? "" : " (" + undefinedWhy + ")");
            return new CaseAggregate(
                    quantity,
                    aggregate,
                    n,
                    0,
                    OptionalDouble.empty(),
                    Optional.empty(),
                    Optional.of(why));
        }
        double estimate = aggregate.of(defined.clone(), k);
        if (k < 2) {
            return new CaseAggregate(
                    quantity,
                    aggregate,
                    n,
                    k,
                    OptionalDouble.of(estimate),
                    Optional.empty(),
                    Optional.of(
                            "a bootstrap interval of the "
                                    + aggregate.key()
                                    + " "
                                    + quantity
                                    + " needs at least 2 cases with a value: "
                                    + k
                                    + " of "
                                    + n
                                    + " have one"));
        }
        int b = spec.replicates();
        double[] replicates = new double[b];
        boolean[] ok = new boolean[b];
        IntStream.range(0, b)
                .parallel()
                .forEach(
                        r -> {
                            UniformRandomProvider rng = spec.random(r);
                            double[] drawn = new double[n];
                            int m = 0;
                            for (int j = 0; j < n; j++) {
                                double v = values[rng.nextInt(n)];
                                if (!Double.isNaN(v)) drawn[m++] = v;
                            }
                            if (m > 0) {
                                replicates[r] = aggregate.of(drawn, m);
                                ok[r] = true;
                            }
                        });
        int without = 0;
        for (boolean x : ok) if (!x) without++;
        if (without > 0) {
            return new CaseAggregate(
                    quantity,
                    aggregate,
                    n,
                    k,
                    OptionalDouble.of(estimate),
                    Optional.empty(),
                    Optional.of(
                            without
                                    + " of "
                                    + b
                                    + " bootstrap replicates drew no case with a "
                                    + quantity
                                    + ", so their "
                                    + aggregate.key()
                                    + " is undefined"));
        }
        BootstrapInterval interval =
                Intervals.of(estimate, replicates, jackknife(aggregate, values), spec, RESAMPLING);
        return new CaseAggregate(
                quantity,
                aggregate,
                n,
                k,
                OptionalDouble.of(estimate),
                Optional.of(interval),
                Optional.empty());
    }

    /** Leave-one-case-out aggregates; a case without a value leaves the full aggregate. */
    private static double[] jackknife(Aggregate aggregate, double[] values) {
        int n = values.length;
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        double full = aggregate.of(defined.clone(), defined.length);
        double[] out = new double[n];
        double[] rest = new double[defined.length];
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                out[i] = full;
                continue;
            }
            int m = 0;
            for (int j = 0; j < defined.length; j++) {
                if (j != d) rest[m++] = defined[j];
            }
            d++;
            out[i] = aggregate.of(rest, m);
        }
        return out;
    }
}
