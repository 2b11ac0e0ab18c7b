package org.clinval.validation.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/** Tango's score test and interval for paired proportions. */
class TangoTest {

    /**
     * Reference: design_tango.csv (R 4.2.2, validation/src/test/r/design_reference.R): {@code z =
     * tango_z(b, c, n, -margin)} (closed-form restricted MLE, checked there against {@code
     * optimize()} of the likelihood), {@code p = pnorm(z, lower.tail = FALSE)}, interval ends by
     * {@code uniroot(tango_z(b, c, n, d) ∓ qnorm(1-(1-level)/2), tol = 1e-15)}.
     */
    @Test
    void matchesRReference() {
        ReferenceTable t = ReferenceTable.load("design_tango.csv");
        for (Map<String, String> r : t.rows()) {
            PairedNonInferiority ni =
                    Tango.nonInferiority(
                            counts(r), d(r, "margin"), ConfidenceLevel.of(d(r, "level")));
            if (r.get("z").equals("NA")) {
                assertThat(ni.z()).isEmpty();
                assertThat(ni.p()).isEmpty();
                assertThat(ni.undefinedReason()).isPresent();
            } else {
                assertThat(ni.z().getAsDouble()).as("%s z", r).isCloseTo(d(r, "z"), within(1e-9));
                assertThat(ni.p().getAsDouble()).as("%s p", r).isCloseTo(d(r, "p"), within(1e-9));
            }
            assertThat(ni.ci().lower()).as("%s lower", r).isCloseTo(d(r, "lower"), within(1e-9));
            assertThat(ni.ci().upper()).as("%s upper", r).isCloseTo(d(r, "upper"), within(1e-9));
            assertThat(ni.margin()).isEqualTo(d(r, "margin"));
        }
        assertThat(t.rows()).hasSize(66);
    }

    /**
     * Invariance: at margin 0 the squared statistic is McNemar's without continuity correction.
     * Reference column {@code mcnemar}: R's {@code mcnemar.test(matrix(c(both, reference_only,
     * new_only, neither), 2), correct = FALSE)$statistic}.
     */
    @Test
    void squaredStatisticAtMarginZeroIsMcNemar() {
        ReferenceTable t = ReferenceTable.load("design_tango.csv");
        int checked = 0;
        for (Map<String, String> r : t.rows()) {
            if (d(r, "margin") != 0 || r.get("mcnemar").equals("NA")) continue;
            double z =
                    Tango.nonInferiority(counts(r), 0, ConfidenceLevel.of(0.95)).z().getAsDouble();
            assertThat(z * z).as("%s", r).isCloseTo(d(r, "mcnemar"), within(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(20);
    }

    /** Swapping new and reference negates the statistic at margin 0 and mirrors the interval. */
    @Test
    void swappingTheTestsNegatesTheStatistic() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        PairedCounts c = new PairedCounts(150, 9, 17, 24);
        PairedNonInferiority a = Tango.nonInferiority(c, 0, l);
        PairedNonInferiority b = Tango.nonInferiority(c.swapped(), 0, l);
        assertThat(b.z().getAsDouble()).isCloseTo(-a.z().getAsDouble(), within(1e-12));
        assertThat(b.ci().lower()).isCloseTo(-a.ci().upper(), within(1e-9));
        assertThat(b.ci().upper()).isCloseTo(-a.ci().lower(), within(1e-9));
        assertThat(b.difference()).isEqualTo(-a.difference());
    }

    /**
     * Duality: the score interval's ends are where the statistic equals ∓z, so non-inferiority at
     * one-sided α/2 holds exactly when the lower end exceeds −margin.
     */
    @Test
    void intervalInvertsTheTest() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        PairedCounts c = new PairedCounts(100, 12, 4, 14);
        PairedNonInferiority ni = Tango.nonInferiority(c, 0.05, l);
        assertThat(Tango.statistic(c, ni.ci().lower())).isCloseTo(l.z(), within(1e-6));
        assertThat(Tango.statistic(c, ni.ci().upper())).isCloseTo(-l.z(), within(1e-6));
        assertThat(ni.ci().lower() > -0.05).isEqualTo(ni.p().getAsDouble() < l.alpha() / 2);
        assertThat(ni.newProportion()).isCloseTo(112 / 130.0, within(1e-15));
        assertThat(ni.referenceProportion()).isCloseTo(104 / 130.0, within(1e-15));
    }

    @Test
    void pairedCountsFromCalls() {
        boolean[] newTest = {true, true, false, false, true};
        boolean[] reference = {true, false, true, false, true};
        assertThat(PairedCounts.of(newTest, reference)).isEqualTo(new PairedCounts(2, 1, 1, 1));
        assertThatThrownBy(() -> PairedCounts.of(newTest, new boolean[2]))
                .hasMessageContaining("5 vs 2");
        assertThatThrownBy(() -> new PairedCounts(-1, 0, 0, 0)).hasMessage("both is negative: -1");
    }

    @Test
    void rejectsBadMarginsAndEmptyTables() {
        ConfidenceLevel l = ConfidenceLevel.of(0.95);
        assertThatThrownBy(() -> Tango.nonInferiority(new PairedCounts(1, 1, 1, 1), 1, l))
                .hasMessage("margin is not in [0, 1): 1.0");
        assertThatThrownBy(() -> Tango.nonInferiority(new PairedCounts(1, 1, 1, 1), -0.1, l))
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Tango.nonInferiority(new PairedCounts(0, 0, 0, 0), 0.1, l))
                .hasMessageContaining("n = 0");
    }

    private static PairedCounts counts(Map<String, String> r) {
        return new PairedCounts(
                (long) d(r, "both"),
                (long) d(r, "new_only"),
                (long) d(r, "reference_only"),
                (long) d(r, "neither"));
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
