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

class CalibrationCommandTest {

    private static final double TOL = 1e-9;

    @TempDir Path dir;

    /**
     * Data set "calibrated" of calibration_data.csv. R 4.2.2: {@code coef(glm(y ~ qlogis(p),
     * binomial, control = glm.control(epsilon = 1e-12, maxit = 100)))} and {@code coef(glm(y ~ 1 +
     * offset(qlogis(p)), binomial, ...))} (calibration_glm.csv); numpy 1.24.2
     * calibration_reference.py: Brier and equal-width ECE with B = 10 (calibration_ece.csv) and its
     * bins (calibration_bins.csv).
     */
    @Test
    void widthBinsAndRecalibrationMatchReferences() throws IOException {
        Path f = dataset("calibrated", false);
        CliRun r =
                CliRun.of(
                        "stats",
                        "calibration",
                        "--csv",
                        f.toString(),
                        "--label",
                        "y",
                        "--prob",
                        "p");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        Map<String, String> glm =
                CliRun.referenceRow("calibration_glm.csv", "dataset", "calibrated");
        Map<String, String> ece =
                CliRun.referenceRow(
                        "calibration_ece.csv",
                        "dataset",
                        "calibrated",
                        "binning",
                        "width",
                        "n_bins",
                        "10");
        assertThat(j.get("n").asInt()).isEqualTo(400);
        assertThat(j.get("binning").asText()).isEqualTo("width");
        assertThat(j.get("n_bins").asInt()).isEqualTo(10);
        assertThat(j.get("brier").asDouble()).isCloseTo(d(ece, "brier"), within(TOL));
        assertThat(j.get("ece").asDouble()).isCloseTo(d(ece, "ece"), within(TOL));
        assertThat(j.get("slope").asDouble()).isCloseTo(d(glm, "slope"), within(TOL));
        assertThat(j.get("intercept").asDouble())
                .isCloseTo(d(glm, "calibration_in_the_large"), within(TOL));
        assertThat(j.get("intercept_joint").asDouble())
                .isCloseTo(d(glm, "intercept_joint"), within(TOL));
        assertThat(j.has("slope_undefined")).isFalse();
        JsonNode bins = j.get("bins");
        assertThat(bins).hasSize(10);
        for (int b = 0; b < 10; b++) {
            Map<String, String> ref =
                    CliRun.referenceRow(
                            "calibration_bins.csv",
                            "dataset",
                            "calibrated",
                            "binning",
                            "width",
                            "n_bins",
                            "10",
                            "bin",
                            String.valueOf(b));
            JsonNode bin = bins.get(b);
            assertThat(bin.get("count").asInt()).isEqualTo(Integer.parseInt(ref.get("count")));
            assertThat(bin.get("lower").asDouble()).isEqualTo(d(ref, "lower"));
            assertThat(bin.get("upper").asDouble()).isEqualTo(d(ref, "upper"));
            assertThat(bin.get("upper_closed").asBoolean()).isEqualTo(b == 9);
            if (ref.get("mean_predicted").equals("NA")) {
                assertThat(bin.get("mean_predicted").isNull()).isTrue();
                assertThat(bin.get("observed_fraction").isNull()).isTrue();
            } else {
                assertThat(bin.get("mean_predicted").asDouble())
                        .isCloseTo(d(ref, "mean_predicted"), within(TOL));
                assertThat(bin.get("observed_fraction").asDouble())
                        .isCloseTo(d(ref, "observed_fraction"), within(TOL));
            }
        }
    }

    /**
     * Data set "small" with text labels (--positive yes): numpy equal-width ECE with B = 15, which
     * leaves bins empty (reported as count 0 with null values), and R's glm slope.
     */
    @Test
    void emptyBinsAndTextLabels() throws IOException {
        Path f = dataset("small", true);
        CliRun r =
                CliRun.of(
                        "stats",
                        "calibration",
                        "--csv",
                        f.toString(),
                        "--label",
                        "y",
                        "--prob",
                        "p",
                        "--positive",
                        "yes",
                        "--bins",
                        "15");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        Map<String, String> ece =
                CliRun.referenceRow(
                        "calibration_ece.csv",
                        "dataset",
                        "small",
                        "binning",
                        "width",
                        "n_bins",
                        "15");
        assertThat(j.get("ece").asDouble()).isCloseTo(d(ece, "ece"), within(TOL));
        assertThat(j.get("slope").asDouble())
                .isCloseTo(
                        d(CliRun.referenceRow("calibration_glm.csv", "dataset", "small"), "slope"),
                        within(TOL));
        JsonNode first = j.get("bins").get(0);
        assertThat(first.get("count").asInt()).isZero();
        assertThat(first.get("mean_predicted").isNull()).isTrue();
        assertThat(r.out()).doesNotContain("NaN");
        assertThat(j.get("positive_label").asText()).isEqualTo("yes");
    }

    /** numpy equal-mass ECE, B = 5, data set "large" (calibration_ece.csv). */
    @Test
    void massBins() throws IOException {
        Path f = dataset("large", false);
        CliRun r =
                CliRun.of(
                        "stats",
                        "calibration",
                        "--csv",
                        f.toString(),
                        "--label",
                        "y",
                        "--prob",
                        "p",
                        "--binning",
                        "mass",
                        "--bins",
                        "5");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String> ece =
                CliRun.referenceRow(
                        "calibration_ece.csv",
                        "dataset",
                        "large",
                        "binning",
                        "mass",
                        "n_bins",
                        "5");
        assertThat(r.json().get("ece").asDouble()).isCloseTo(d(ece, "ece"), within(TOL));
        assertThat(r.json().get("binning").asText()).isEqualTo("mass");
        for (JsonNode bin : r.json().get("bins"))
            assertThat(bin.get("count").asInt()).isEqualTo(400);
    }

    /** R's glm cannot fit "boundary" (p of 0 and 1) or the slope of "separated": null + reason. */
    @Test
    void undefinedRecalibrationIsNullWithReasons() throws IOException {
        JsonNode b = run(dataset("boundary", false)).json();
        assertThat(b.get("slope").isNull()).isTrue();
        assertThat(b.get("intercept").isNull()).isTrue();
        assertThat(b.get("intercept_joint").isNull()).isTrue();
        assertThat(b.get("slope_undefined").asText()).contains("exactly 0 or 1");
        assertThat(b.get("intercept_undefined").asText()).contains("exactly 0 or 1");
        assertThat(b.get("brier").isNumber()).isTrue();

        JsonNode s = run(dataset("separated", false)).json();
        assertThat(s.get("slope").isNull()).isTrue();
        assertThat(s.get("slope_undefined").asText()).contains("separates");
        assertThat(s.get("intercept").asDouble())
                .isCloseTo(
                        d(
                                CliRun.referenceRow("calibration_glm.csv", "dataset", "separated"),
                                "calibration_in_the_large"),
                        within(TOL));
    }

    @Test
    void badInputsAreOneLineErrors() throws IOException {
        Path outside = write("y,p\n1,0.2\n0,1.3\n");
        Path text = write("y,p\n1,0.2\n0,abc\n");
        Path labels = write("y,p\n1,0.2\n2,0.3\n");
        Path empty = write("y,p\n");
        Path few = write("y,p\n1,0.2\n0,0.3\n");
        String[][] cases = {
            {"--csv", outside.toString(), "--label", "y", "--prob", "p"},
            {"--csv", text.toString(), "--label", "y", "--prob", "p"},
            {"--csv", labels.toString(), "--label", "y", "--prob", "p"},
            {"--csv", empty.toString(), "--label", "y", "--prob", "p"},
            {"--csv", few.toString(), "--label", "y", "--prob", "p", "--binning", "mass"},
            {"--csv", few.toString(), "--label", "y", "--prob", "p", "--bins", "0"},
            {"--csv", few.toString(), "--label", "y", "--prob", "p", "--binning", "log"},
            {"--csv", few.toString(), "--label", "y", "--prob", "q"},
        };
        String[] expected = {
            "line 3, column 'p': probability is not in [0, 1]: 1.3",
            "line 3, column 'p': not a number: 'abc'",
            "line 3, column 'y': label is not 0 or 1: '2'",
            "no data rows, only the header",
            "--bins 10 is more than the 2 cases of "
                    + few
                    + ": equal-mass binning needs at least one case per bin",
            "--bins is not a whole number in [1, 10,000]: 0",
            "--binning: binning is not one of width, mass: 'log'",
            "no column 'q'",
        };
        // Option values wrong on their own are usage errors (2, with a pointer to --help).
        int[] exit = {1, 1, 1, 1, 1, 2, 2, 1};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("stats", "calibration"));
            args.addAll(List.of(cases[i]));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exit()).as(expected[i]).isEqualTo(exit[i]);
            assertThat(r.err()).as(expected[i]).contains(expected[i]);
            assertThat(r.err().lines()).as(expected[i]).hasSize(exit[i]);
            assertThat(r.out()).as(expected[i]).isEmpty();
        }
    }

    private CliRun run(Path f) {
        CliRun r =
                CliRun.of(
                        "stats",
                        "calibration",
                        "--csv",
                        f.toString(),
                        "--label",
                        "y",
                        "--prob",
                        "p");
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    /** Writes data set {@code name} of calibration_data.csv as a y,p file. */
    private Path dataset(String name, boolean textLabels) throws IOException {
        StringBuilder sb = new StringBuilder("y,p\n");
        for (Map<String, String> row : CliRun.reference("calibration_data.csv")) {
            if (!row.get("dataset").equals(name)) continue;
            String y = row.get("y");
            if (textLabels) y = y.equals("1") ? "yes" : "no";
            sb.append(y).append(',').append(row.get("p")).append('\n');
        }
        return write(sb.toString());
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "forecasts", ".csv");
        Files.writeString(f, text);
        return f;
    }

    private static double d(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
