package org.clinval.features.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinval.validation.ConfidenceLevel;
import org.clinval.validation.Direction;
import org.clinval.validation.Interval;
import org.clinval.validation.interval.BinomialInterval;
import org.clinval.validation.roc.AucEstimate;
import org.clinval.validation.roc.DeLong;
import org.clinval.validation.roc.RocInput;

/**
 * SRS-004: the validation module's statistics against the reference tables of {@code
 * validation/src/test/resources/reference/}, which R (binom.test, prop.test, qbeta; pROC) wrote;
 * each table's first lines name the program, version and exact call.
 */
public final class StatisticsSteps {

    private static final double TOLERANCE = 1e-9;

    private Path table;
    private List<String> provenance;
    private List<Map<String, String>> rows;
    private Scenario scenario;

    @io.cucumber.java.Before
    public void scenario(Scenario s) {
        this.scenario = s;
    }

    /** Finds the validation module's reference folder from the working directory up. */
    static Path reference(String name) throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("validation/src/test/resources/reference").resolve(name);
            if (Files.exists(f)) return f;
        }
        throw new NoSuchFileException(
                name
                        + ": no validation/src/test/resources/reference above "
                        + Path.of("").toAbsolutePath());
    }

    static List<Map<String, String>> read(Path file, List<String> provenance) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        String[] header = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                provenance.add(line);
            } else if (!line.isBlank() && header == null) {
                header = line.split(",", -1);
            } else if (!line.isBlank()) {
                String[] v = line.split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], v[i]);
                out.add(row);
            }
        }
        return out;
    }

    @Given("the reference table {string} of the validation module")
    public void table(String name) throws IOException {
        table = reference(name);
        provenance = new ArrayList<>();
        rows = read(table, provenance);
        assertThat(provenance).as(name + " states its provenance").isNotEmpty();
        assertThat(rows).isNotEmpty();
        scenario.log(String.join("\n", provenance));
    }

    @Then("every {word} interval agrees with its columns {word} and {word} to within 1e-9")
    public void binomial(String method, String lower, String upper) {
        BinomialInterval m = BinomialInterval.parse(method);
        int checked = 0;
        for (Map<String, String> r : rows) {
            long x = Long.parseLong(r.get("x"));
            long n = Long.parseLong(r.get("n"));
            ConfidenceLevel level = ConfidenceLevel.of(Double.parseDouble(r.get("level")));
            Interval ci = m.compute(x, n, level);
            String where = method + " x=" + x + " n=" + n + " level=" + level.value();
            assertThat(ci.lower())
                    .as(where + " lower")
                    .isCloseTo(
                            Double.parseDouble(r.get(lower)),
                            org.assertj.core.api.Assertions.within(TOLERANCE));
            assertThat(ci.upper())
                    .as(where + " upper")
                    .isCloseTo(
                            Double.parseDouble(r.get(upper)),
                            org.assertj.core.api.Assertions.within(TOLERANCE));
            checked++;
        }
        scenario.log(checked + " rows of " + table.getFileName() + " agree");
    }

    @Then(
            "every AUC, DeLong variance and DeLong interval agrees with pROC on the data of {string} to within 1e-9")
    public void roc(String datasets) throws IOException {
        List<Map<String, String>> data = read(reference(datasets), new ArrayList<>());
        int checked = 0;
        for (Map<String, String> r : rows) {
            List<Map<String, String>> d =
                    data.stream().filter(x -> x.get("dataset").equals(r.get("dataset"))).toList();
            boolean[] positive = new boolean[d.size()];
            double[] score = new double[d.size()];
            for (int i = 0; i < d.size(); i++) {
                positive[i] = d.get(i).get("label").equals("1");
                score[i] = Double.parseDouble(d.get(i).get(r.get("score")));
            }
            AucEstimate a =
                    DeLong.auc(
                            RocInput.of(positive, score, Direction.parse(r.get("direction"))),
                            ConfidenceLevel.of(Double.parseDouble(r.get("level"))));
            String where =
                    r.get("dataset")
                            + " "
                            + r.get("score")
                            + " "
                            + r.get("direction")
                            + " "
                            + r.get("level");
            assertThat(a.auc())
                    .as(where + " auc")
                    .isCloseTo(
                            Double.parseDouble(r.get("auc")),
                            org.assertj.core.api.Assertions.within(TOLERANCE));
            assertThat(a.variance().orElseThrow())
                    .as(where + " var")
                    .isCloseTo(
                            Double.parseDouble(r.get("var")),
                            org.assertj.core.api.Assertions.within(TOLERANCE));
            assertThat(a.ci().orElseThrow().lower())
                    .as(where + " lower")
                    .isCloseTo(
                            Double.parseDouble(r.get("ci_lower")),
                            org.assertj.core.api.Assertions.within(TOLERANCE));
            assertThat(a.ci().orElseThrow().upper())
                    .as(where + " upper")
                    .isCloseTo(
                            Double.parseDouble(r.get("ci_upper")),
                            org.assertj.core.api.Assertions.within(TOLERANCE));
            checked++;
        }
        scenario.log(checked + " rows of " + table.getFileName() + " agree");
    }
}
