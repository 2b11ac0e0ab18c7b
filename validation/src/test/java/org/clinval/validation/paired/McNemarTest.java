package org.clinval.validation.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.design.PairedCounts;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/** McNemar's test and Tango's interval on paired tables, edge cases included. */
class McNemarTest {

    private static final double TOL = 1e-9;

    /**
     * Reference: pccp_mcnemar.csv (R 4.2.2, validation/src/test/r/pccp_reference.R): {@code
     * mcnemar.test(matrix(c(both, reference_only, new_only, neither), 2), correct = FALSE)} and
     * {@code correct = TRUE}, statistic and p.value; NA where R gives NaN (no discordant pairs).
     */
    @Test
    void matchesRMcNemarTest() {
        ReferenceTable t = ReferenceTable.load("pccp_mcnemar.csv");
        double worst = 0;
        for (Map<String, String> r : t.rows()) {
            PairedCounts counts = counts(r);
            worst = Math.max(worst, check(McNemar.UNCORRECTED.test(counts), r, "statistic", "p"));
            worst =
                    Math.max(
                            worst,
                            check(
                                    McNemar.CONTINUITY_CORRECTED.test(counts),
                                    r,
                                    "statistic_cc",
                                    "p_cc"));
        }
        assertThat(worst).isLessThan(TOL);
        assertThat(t.rows()).hasSize(36);
    }

    /**
     * Reference: pccp_mcnemar.csv, Tango's score interval of {@code (new_only − reference_only) /
     * n} by {@code uniroot(tango_z(b, c, n, d) ∓ qnorm(1 − (1 − level)/2), tol = 1e-15)} with the
     * closed-form score statistic written out in R.
     */
    @Test
    void tangoIntervalMatchesR() {
        ReferenceTable t = ReferenceTable.load("pccp_mcnemar.csv");
        for (Map<String, String> r : t.rows()) {
            ProportionComparison c =
                    ProportionComparison.of(counts(r), 0.05, ConfidenceLevel.of(d(r, "level")));
            assertThat(c.tango()).isPresent();
            assertThat(c.tango().get().ci().lower())
                    .as("%s lower", r)
                    .isCloseTo(d(r, "lower"), within(TOL));
            assertThat(c.tango().get().ci().upper())
                    .as("%s upper", r)
                    .isCloseTo(d(r, "upper"), within(TOL));
        }
    }

    @Test
    void swappingTheTestsKeepsTheStatistic() {
        PairedCounts c = new PairedCounts(12, 7, 2, 30);
        for (McNemar m : McNemar.values()) {
            assertThat(m.test(c.swapped()).statistic().getAsDouble())
                    .isEqualTo(m.test(c).statistic().getAsDouble());
        }
    }

    @Test
    void withoutDiscordantPairsTheTestIsUndefinedNotNaN() {
        McNemarResult r = McNemar.UNCORRECTED.test(new PairedCounts(5, 0, 0, 5));
        assertThat(r.statistic()).isEmpty();
        assertThat(r.p()).isEmpty();
        assertThat(r.undefinedReason()).hasValueSatisfying(s -> assertThat(s).contains("0/0"));
    }

    private static double check(McNemarResult m, Map<String, String> r, String stat, String p) {
        if (r.get(stat).equals("NA")) {
            assertThat(m.statistic()).as("%s %s", r, stat).isEmpty();
            assertThat(m.p()).isEmpty();
            assertThat(m.undefinedReason()).isPresent();
            return 0;
        }
        double ds = Math.abs(m.statistic().getAsDouble() - d(r, stat));
        double dp = Math.abs(m.p().getAsDouble() - d(r, p));
        assertThat(ds).as("%s %s", r, stat).isLessThan(TOL);
        assertThat(dp).as("%s %s", r, p).isLessThan(TOL);
        return Math.max(ds, dp);
    }

    static PairedCounts counts(Map<String, String> r) {
        return new PairedCounts(
                Long.parseLong(r.get("both")),
                Long.parseLong(r.get("new_only")),
                Long.parseLong(r.get("reference_only")),
                Long.parseLong(r.get("neither")));
    }

    static double d(Map<String, String> r, String k) {
        return Double.parseDouble(r.get(k));
    }
}
