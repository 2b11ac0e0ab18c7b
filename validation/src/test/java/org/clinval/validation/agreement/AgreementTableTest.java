package org.clinval.validation.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clinval.validation.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

class AgreementTableTest {

    /**
     * R 4.2.2: {@code table(factor(reader_a, levels = severity), factor(reader_b, levels =
     * severity))} on kappa_ratings.csv (the counts column of kappa.csv, table ratings_severity),
     * with the unused category 'critical' kept as a zero row and column.
     */
    @Test
    void tallyMatchesRTableWithExplicitLevels() {
        ReferenceTable ratings = ReferenceTable.load("kappa_ratings.csv");
        List<String> severity = List.of("none", "mild", "moderate", "severe", "critical");
        AgreementTable t =
                AgreementTable.builder()
                        .setCategories(severity)
                        .setRatings(ratings.strings("reader_a"), ratings.strings("reader_b"))
                        .build();
        AgreementTable r = reference("ratings_severity");
        assertThat(t.counts()).isDeepEqualTo(r.counts());
        assertThat(t.categories()).isEqualTo(r.categories());
        assertThat(t.n()).isEqualTo(150);
        for (int i = 0; i < 5; i++) {
            assertThat(t.count(4, i)).isZero();
            assertThat(t.count(i, 4)).isZero();
        }
    }

    /**
     * R 4.2.2: {@code levels = sort(unique(c(grade_a, grade_b)))} (numeric sort) and the table over
     * those levels; the default order must be 1, 2, …, 10, not the text order 1, 10, 2, ….
     */
    @Test
    void defaultOrderIsNumericForNumbers() {
        ReferenceTable ratings = ReferenceTable.load("kappa_ratings.csv");
        String[] a = ratings.strings("grade_a");
        String[] b = ratings.strings("grade_b");
        List<String> observed = AgreementTable.observedCategories(a, b);
        AgreementTable r = reference("ratings_grade");
        assertThat(observed).isEqualTo(r.categories());
        assertThat(observed).startsWith("1", "2").endsWith("10");
        AgreementTable t =
                AgreementTable.builder().setCategories(observed).setRatings(a, b).build();
        assertThat(t.counts()).isDeepEqualTo(r.counts());
    }

    @Test
    void defaultOrderOfTextAndOfMixedNumbers() {
        assertThat(
                        AgreementTable.observedCategories(
                                new String[] {"b", "10", "a"}, new String[] {"2"}))
                .containsExactly("10", "2", "a", "b");
        assertThat(
                        AgreementTable.observedCategories(
                                new String[] {"10", "-1.5", "2", "1.0"},
                                new String[] {"1", "1e1", ".5"}))
                .containsExactly("-1.5", ".5", "1", "1.0", "2", "10", "1e1");
    }

    @Test
    void ratingOutsideTheCategoriesNamesRaterIndexAndValue() {
        var builder =
                AgreementTable.builder()
                        .setCategories(List.of("low", "high"))
                        .setRatings(
                                new String[] {"low", "high", "low"},
                                new String[] {"low", "hihg", "low"});
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("second rater")
                .hasMessageContaining("index 1")
                .hasMessageEndingWith(": hihg");
    }

    @Test
    void badTablesAndBuildersAreRejected() {
        assertThatThrownBy(() -> AgreementTable.of(List.of(), new long[0][0]))
                .hasMessageContaining("at least one category");
        assertThatThrownBy(() -> AgreementTable.of(List.of("a", "a"), new long[2][2]))
                .hasMessageContaining("listed twice: a");
        assertThatThrownBy(
                        () -> AgreementTable.of(List.of("a", "b"), new long[][] {{1, -2}, {0, 0}}))
                .hasMessageContaining("count(0, 1) is negative: -2");
        assertThatThrownBy(() -> AgreementTable.of(List.of("a", "b"), new long[][] {{1, 2}}))
                .hasMessageContaining("1 rows");
        assertThatThrownBy(() -> AgreementTable.builder().setCategories(List.of("a")).build())
                .hasMessageContaining("ratings are not set");
        assertThatThrownBy(
                        () ->
                                AgreementTable.builder()
                                        .setCategories(List.of("a"))
                                        .setRatings(new String[] {"a"}, new String[0])
                                        .build())
                .hasMessageContaining("1 vs 0");
    }

    @Test
    void weightsParseAndValues() {
        assertThat(KappaWeights.parse("Equal-Spacing")).isEqualTo(KappaWeights.LINEAR);
        assertThat(KappaWeights.parse("fleiss_cohen")).isEqualTo(KappaWeights.QUADRATIC);
        assertThat(KappaWeights.LINEAR.weight(0, 2, 5)).isEqualTo(0.5);
        assertThat(KappaWeights.QUADRATIC.weight(0, 2, 5)).isEqualTo(0.75);
        assertThat(KappaWeights.NONE.weight(1, 2, 5)).isZero();
        assertThat(KappaWeights.QUADRATIC.weight(0, 0, 1)).isEqualTo(1);
        assertThatThrownBy(() -> KappaWeights.parse("cubic")).hasMessageEndingWith(": cubic");
        assertThatThrownBy(() -> KappaWeights.LINEAR.weight(0, 5, 5))
                .hasMessageContaining("(0, 5)");
    }

    private static AgreementTable reference(String name) {
        for (Map<String, String> row : ReferenceTable.load("kappa.csv").rows()) {
            if (row.get("table").equals(name)) return CohenKappaTest.table(row);
        }
        throw new AssertionError("no table " + name + " in kappa.csv");
    }
}
