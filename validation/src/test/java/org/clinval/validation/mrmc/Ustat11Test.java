package org.clinval.validation.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link Ustat11} against iMRMC's published {@code uStat11.jointD} results: the saved results of
 * its R package's tests {@code test_uStat11} (fully crossed, 5 readers × 40 cases) and {@code
 * test_uStat11_splitPlot} (8 readers in groups, missing reads, a negative variance of the
 * difference), identity and difference kernels, each with the kernel and design matrices it was
 * computed from (DIDSR/iMRMC@ad589e5; extracted by {@code
 * validation/src/test/r/imrmc_ustat11_reference.R}, base R, no iMRMC code run).
 */
class Ustat11Test {

    record Fixture(Map<String, double[][]> matrices, Map<String, Double> expected) {}

    static Map<String, Fixture> fixtures() throws IOException {
        Map<String, Map<String, List<double[]>>> cells = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MrmcData.resource("imrmc_ustat11_input.csv"))) {
            if (line.startsWith("#") || line.startsWith("set,")) continue;
            String[] f = line.split(",");
            cells.computeIfAbsent(f[0], k -> new TreeMap<>())
                    .computeIfAbsent(f[1], k -> new java.util.ArrayList<>())
                    .add(
                            new double[] {
                                Integer.parseInt(f[2]),
                                Integer.parseInt(f[3]),
                                Double.parseDouble(f[4]),
                                Double.parseDouble(f[5])
                            });
        }
        Map<String, Fixture> out = new LinkedHashMap<>();
        for (var e : cells.entrySet()) {
            Map<String, double[][]> m = new LinkedHashMap<>();
            for (var mod : e.getValue().entrySet()) {
                int nc = 0;
                int nr = 0;
                for (double[] x : mod.getValue()) {
                    nc = Math.max(nc, (int) x[0]);
                    nr = Math.max(nr, (int) x[1]);
                }
                double[][] k = new double[nc][nr];
                double[][] d = new double[nc][nr];
                for (double[] x : mod.getValue()) {
                    k[(int) x[0] - 1][(int) x[1] - 1] = x[2];
                    d[(int) x[0] - 1][(int) x[1] - 1] = x[3];
                }
                m.put("kernel." + mod.getKey(), k);
                m.put("design." + mod.getKey(), d);
            }
            out.put(e.getKey(), new Fixture(m, new LinkedHashMap<>()));
        }
        for (String line : Files.readAllLines(MrmcData.resource("imrmc_ustat11_output.csv"))) {
            if (line.startsWith("#") || line.startsWith("set,")) continue;
            String[] f = line.split(",");
            out.get(f[0]).expected().put(f[1], Double.parseDouble(f[2]));
        }
        return out;
    }

    @Test
    void agreesWithImrmcOnEveryPublishedNumberOfFourAnalyses() throws IOException {
        Map<String, Fixture> all = fixtures();
        assertThat(all.keySet())
                .containsExactly(
                        "uStat11:jointD.identity",
                        "uStat11:jointD.diff",
                        "uStat11_splitPlot:jointD.identity",
                        "uStat11_splitPlot:jointD.diff");
        int checked = 0;
        for (var e : all.entrySet()) {
            Map<String, double[][]> m = e.getValue().matrices();
            Ustat11 u =
                    Ustat11.of(
                            m.get("kernel.A"),
                            m.get("design.A"),
                            m.get("kernel.B"),
                            m.get("design.B"));
            Map<String, Double> x = e.getValue().expected();
            double[] means = {u.meanA(), u.meanB(), u.meanA() - u.meanB()};
            double[] vars = {u.varianceA(), u.varianceB(), u.varianceDifference()};
            double[][] moments = u.moments();
            double[][] coeff = u.coefficients();
            for (int i = 0; i < 3; i++) {
                checked +=
                        close(e.getKey() + " mean." + (i + 1), means[i], x.get("mean." + (i + 1)));
                checked += close(e.getKey() + " var." + (i + 1), vars[i], x.get("var." + (i + 1)));
                for (int j = 0; j < 4; j++) {
                    String name = (i + 1) + "." + Ustat11.MOMENTS.get(j);
                    checked +=
                            close(
                                    e.getKey() + " moment." + name,
                                    moments[i][j],
                                    x.get("moment." + name));
                    checked +=
                            close(
                                    e.getKey() + " coeff." + name,
                                    coeff[i][j],
                                    x.get("coeff." + name));
                }
            }
            double[] a = u.perReaderA();
            double[] b = u.perReaderB();
            for (int r = 0; r < a.length; r++) {
                checked +=
                        close(e.getKey() + " perReader.A", a[r], x.get("perReader.A." + (r + 1)));
                checked +=
                        close(e.getKey() + " perReader.B", b[r], x.get("perReader.B." + (r + 1)));
            }
        }
        // 4 analyses × (3 means + 3 variances + 24 moments and coefficients) + per-reader means.
        assertThat(checked).isEqualTo(4 * 30 + 2 * (5 + 5) + 2 * (8 + 8));
        // The split plot's difference has a negative unbiased variance in iMRMC too.
        assertThat(all.get("uStat11_splitPlot:jointD.identity").expected().get("var.3"))
                .isNegative();
    }

    private static int close(String what, double actual, Double expected) {
        assertThat(expected).as(what + " in the reference").isNotNull();
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual)
                    .as(what)
                    .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
        return 1;
    }

    @Test
    void refusesMatricesOfDifferentShapes() {
        double[][] a = {{1, 0}, {1, 1}};
        double[][] d = {{1, 1}, {1, 1}};
        double[][] narrow = {{1}, {1}};
        assertThatThrownBy(() -> Ustat11.of(a, d, narrow, d)).hasMessageContaining("readers");
        double[][] none = {{0, 0}, {0, 0}};
        assertThatThrownBy(() -> Ustat11.of(a, none, a, d)).hasMessageContaining("no read");
    }
}
