package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KappaCommandTest {

    private static final double TOL = 1e-9;
    private static final String RATINGS = CliRun.REFERENCE.resolve("kappa_ratings.csv").toString();

    @TempDir Path dir;

    /**
     * R 4.2.2, vcd 1.4-11: {@code K <- Kappa(table(factor(reader_a, levels = severity),
     * factor(reader_b, levels = severity)), weights = "Fleiss-Cohen")}, {@code K$Weighted} and
     * {@code confint(K)} (kappa.csv row ratings_severity / quadratic).
     */
    @Test
    void quadraticKappaWithExplicitCategoriesMatchesVcd() {
        CliRun r =
                CliRun.of(
                        "stats",
                        "kappa",
                        "--csv",
                        RATINGS,
                        "--rater1",
                        "reader_a",
                        "--rater2",
                        "reader_b",
                        "--weights",
                        "quadratic",
                        "--categories",
                        "none,mild,moderate,severe,critical");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        Map<String, String> ref =
                CliRun.referenceRow(
                        "kappa.csv", "table", "ratings_severity", "weights", "quadratic");
        assertMatches(j, ref);
        assertThat(j.get("weights").asText()).isEqualTo("quadratic");
        assertThat(strings(j.get("categories")))
                .containsExactly("none", "mild", "moderate", "severe", "critical");
        assertThat(j.get("categories_order").asText()).isEqualTo("--categories");
        assertThat(j.get("n").asLong()).isEqualTo(150);
        assertThat(j.get("table").get(4).toString()).isEqualTo("[0,0,0,0,0]");
    }

    /**
     * R 4.2.2, vcd 1.4-11: {@code Kappa(table(factor(grade_a, levels = grades), factor(grade_b,
     * levels = grades)), weights = "Equal-Spacing")} with {@code grades = sort(unique(c(grade_a,
     * grade_b)))} (kappa.csv row ratings_grade / linear); without --categories the command must
     * find the same numeric order 1, 2, …, 10.
     */
    @Test
    void defaultCategoriesAreSortedNumerically() {
        CliRun r =
                CliRun.of(
                        "stats",
                        "kappa",
                        "--csv",
                        RATINGS,
                        "--rater1",
                        "grade_a",
                        "--rater2",
                        "grade_b",
                        "--weights",
                        "linear");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertMatches(
                j, CliRun.referenceRow("kappa.csv", "table", "ratings_grade", "weights", "linear"));
        assertThat(strings(j.get("categories")))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(j.get("categories_order").asText()).startsWith("observed values, sorted");
    }

    /** vcd: {@code Kappa(...)$Unweighted} for ratings_severity at the default level 0.95. */
    @Test
    void unweightedIsTheDefault() {
        CliRun r =
                CliRun.of(
                        "stats",
                        "kappa",
                        "--csv",
                        RATINGS,
                        "--rater1",
                        "reader_a",
                        "--rater2",
                        "reader_b",
                        "--categories",
                        "none,mild,moderate,severe,critical");
        assertThat(r.exit()).as(r.err()).isZero();
        assertMatches(
                r.json(),
                CliRun.referenceRow("kappa.csv", "table", "ratings_severity", "weights", "none"));
        assertThat(r.json().get("weights").asText()).isEqualTo("none");
        assertThat(r.json().get("confidence_level").asDouble()).isEqualTo(0.95);
    }

    @Test
    void undefinedKappaIsNullWithAReason() throws IOException {
        Path f = write("a,b\nx,x\nx,x\nx,x\n");
        CliRun r =
                CliRun.of(
                        "stats", "kappa", "--csv", f.toString(), "--rater1", "a", "--rater2", "b");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("kappa").isNull()).isTrue();
        assertThat(j.get("se").isNull()).isTrue();
        assertThat(j.get("ci").isNull()).isTrue();
        assertThat(j.get("kappa_undefined").asText()).contains("single category 'x'");
        assertThat(r.out()).doesNotContain("NaN");
    }

    @Test
    void ratingOutsideCategoriesNamesFileLineAndValue() {
        CliRun r =
                CliRun.of(
                        "stats",
                        "kappa",
                        "--csv",
                        RATINGS,
                        "--rater1",
                        "reader_a",
                        "--rater2",
                        "reader_b",
                        "--categories",
                        "none,mild,moderate");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .startsWith("clinval: ")
                .contains("kappa_ratings.csv line 4, column 'reader_a'")
                .contains("'severe' is not one of --categories 'none,mild,moderate'");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void badInputsAreOneLineErrors() throws IOException {
        Path empty = write("a,b\n");
        Path blank = write("a,b\nx,y\n,y\n");
        String[][] cases = {
            {"--csv", RATINGS, "--rater1", "reader_a", "--rater2", "nope"}, // missing column
            {
                "--csv",
                RATINGS,
                "--rater1",
                "reader_a",
                "--rater2",
                "reader_b",
                "--weights",
                "cubic"
            },
            {"--csv", RATINGS, "--rater1", "reader_a", "--rater2", "reader_b", "--conf", "1.5"},
            {
                "--csv",
                RATINGS,
                "--rater1",
                "reader_a",
                "--rater2",
                "reader_b",
                "--categories",
                "none,mild,none"
            },
            {"--csv", empty.toString(), "--rater1", "a", "--rater2", "b"},
            {"--csv", blank.toString(), "--rater1", "a", "--rater2", "b"},
            {"--csv", dir.resolve("missing.csv").toString(), "--rater1", "a", "--rater2", "b"},
        };
        String[] expected = {
            "no column 'nope'",
            "--weights: kappa weights are not one of none, linear, quadratic: 'cubic'",
            "--conf is not in (0, 1): 1.5",
            "--categories lists 'none' twice",
            "no data rows, only the header",
            "line 3, column 'a': empty value",
            "missing.csv: no such file",
        };
        // Option values wrong on their own are usage errors (2, with a pointer to --help).
        int[] exit = {1, 2, 2, 2, 1, 1, 1};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("stats", "kappa"));
            args.addAll(List.of(cases[i]));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(expected[i]).isEqualTo(exit[i]);
            assertThat(r.err()).as(expected[i]).contains(expected[i]);
            assertThat(r.err().lines()).as(expected[i]).hasSize(exit[i]);
            assertThat(r.out()).as(expected[i]).isEmpty();
        }
    }

    private static void assertMatches(JsonNode j, Map<String, String> ref) {
        assertThat(j.get("kappa").asDouble()).isCloseTo(d(ref, "kappa"), within(TOL));
        assertThat(j.get("se").asDouble()).isCloseTo(d(ref, "se"), within(TOL));
        assertThat(j.get("ci").get(0).asDouble()).isCloseTo(d(ref, "lower"), within(TOL));
        assertThat(j.get("ci").get(1).asDouble()).isCloseTo(d(ref, "upper"), within(TOL));
        assertThat(j.get("observed_agreement").asDouble())
                .isCloseTo(d(ref, "observed"), within(TOL));
        assertThat(j.get("expected_agreement").asDouble())
                .isCloseTo(d(ref, "expected"), within(TOL));
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "ratings", ".csv");
        Files.writeString(f, text);
        return f;
    }
}
