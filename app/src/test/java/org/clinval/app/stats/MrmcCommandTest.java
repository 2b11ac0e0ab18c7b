package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinval stats mrmc}: both analyses end to end, both formats, bad inputs. */
class MrmcCommandTest {

    private static final Path MRMC = CliRun.REFERENCE.resolve("mrmc");

    @TempDir Path dir;

    /**
     * iMRMC 4.0.3 on its R package's test input (reference/mrmc/imrmc_doIMRMC_R2.csv): AUC_A =
     * 0.704375, var = 0.00631393024, df BDG 6.80522151, df Hillis 6.85458885; difference −0.054125
     * with var 0.00499 and BDG p = 0.468575984.
     */
    @Test
    void gallasAnalysisMatchesImrmc() {
        CliRun run = CliRun.of("stats", "mrmc", "--input", input("imrmc_doIMRMC_R2_input.imrmc"));
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("format").asText()).isEqualTo("imrmc");
        assertThat(j.get("study").get("design").asText()).isEqualTo("fully_crossed");
        assertThat(j.get("study").get("readers").asInt()).isEqualTo(5);
        JsonNode a = j.get("results").get(0);
        assertThat(a.get("modality").asText()).isEqualTo("testA");
        assertThat(a.get("auc").asDouble()).isCloseTo(0.704375, within(1e-12));
        assertThat(a.get("variance").asDouble()).isCloseTo(0.00631393024, within(1e-11));
        assertThat(a.get("df_bdg").asDouble()).isCloseTo(6.80522151, within(1e-7));
        assertThat(a.get("df_hillis").asDouble()).isCloseTo(6.85458885, within(1e-7));
        JsonNode d = j.get("results").get(2);
        assertThat(d.get("minus").asText()).isEqualTo("testB");
        assertThat(d.get("difference").asDouble()).isCloseTo(-0.054125, within(1e-12));
        assertThat(d.get("variance").asDouble()).isCloseTo(0.00498950905, within(1e-11));
        assertThat(d.get("tests").get("bdg").get("p").asDouble())
                .isCloseTo(0.468575984, within(1e-8));
        assertThat(d.get("tests").get("bdg").get("ci").get(0).asDouble())
                .isCloseTo(-0.221153679, within(1e-8));
    }

    /** OR-DBM MRMC 2.51 on Van Dyke: F = 4.46 on (1, 15.26), p = 0.0517. */
    @Test
    void orAnalysisMatchesOrDbmMrmc() {
        CliRun run =
                CliRun.of(
                        "stats",
                        "mrmc",
                        "--input",
                        input("vandyke.imrmc"),
                        "--analysis",
                        "or",
                        "--covariance",
                        "jackknife",
                        "--confidence",
                        "0.95");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode or = run.json().get("or");
        assertThat(or.get("factors").asText()).isEqualTo("random_readers_random_cases");
        assertThat(or.get("global").get("statistic").asDouble()).isCloseTo(4.46, within(0.005));
        assertThat(or.get("global").get("df2").asDouble()).isCloseTo(15.26, within(0.005));
        assertThat(or.get("global").get("p").asDouble()).isCloseTo(0.0517, within(0.00005));
        assertThat(or.get("dbm_components").get("var_c").asDouble())
                .isCloseTo(0.02724923, within(5e-9));
        assertThat(or.get("aucs").get("0").get("0").asDouble()).isCloseTo(0.91964573, within(5e-9));
        JsonNode fixed =
                CliRun.of(
                                "stats",
                                "mrmc",
                                "--input",
                                input("vandyke.imrmc"),
                                "--analysis",
                                "or",
                                "--covariance",
                                "jackknife",
                                "--readers",
                                "fixed")
                        .json()
                        .get("or");
        assertThat(fixed.get("global").get("distribution").asText()).isEqualTo("chi-square");
        assertThat(fixed.get("global").get("statistic").asDouble())
                .isCloseTo(5.47595, within(5e-6));
        assertThat(fixed.get("global").get("df2").isNull()).isTrue();
    }

    /**
     * DBM on Van Dyke: OR-DBM MRMC 2.51 prints the same F = 4.46 on (1, 15.26), p = 0.0517 for its
     * DBM analysis as for OR with jackknife covariances (Hillis et al. 2005 prove the two equal),
     * and DBM's variance components; DeLong covariances are refused for DBM.
     */
    @Test
    void dbmIsTheJackknifeOrAnalysisUnderItsOwnName() {
        CliRun run =
                CliRun.of("stats", "mrmc", "--input", input("vandyke.imrmc"), "--analysis", "dbm");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("analysis").asText()).isEqualTo("dbm");
        assertThat(j.get("method").asText()).startsWith("Dorfman-Berbaum-Metz");
        JsonNode dbm = j.get("dbm");
        assertThat(dbm.get("covariance").asText()).isEqualTo("jackknife");
        assertThat(dbm.get("global").get("statistic").asDouble()).isCloseTo(4.46, within(0.005));
        assertThat(dbm.get("global").get("df2").asDouble()).isCloseTo(15.26, within(0.005));
        assertThat(dbm.get("global").get("p").asDouble()).isCloseTo(0.0517, within(0.00005));
        assertThat(dbm.get("dbm_components").get("var_c").asDouble())
                .isCloseTo(0.02724923, within(5e-9));
        CliRun delong =
                CliRun.of(
                        "stats",
                        "mrmc",
                        "--input",
                        input("vandyke.imrmc"),
                        "--analysis",
                        "dbm",
                        "--covariance",
                        "delong");
        assertThat(delong.exit()).isEqualTo(2);
        assertThat(delong.err()).contains("--analysis dbm works on jackknife pseudovalues");
    }

    /** The CSV form of a split-plot study: Hillis df is null with its reason, OR is refused. */
    @Test
    void csvSplitPlotReportsMissingReads() throws IOException {
        StringBuilder csv = new StringBuilder("reader,case,modality,score,truth\n");
        for (String m : new String[] {"A", "B"}) {
            for (int r = 1; r <= 4; r++) {
                int first = r <= 2 ? 1 : 7;
                for (int c = first; c < first + 6; c++) {
                    double score = (c % 2) + 0.3 * ((c * r + m.length()) % 5);
                    csv.append("r" + r + ",c" + c + "," + m + "," + score + "," + (c % 2) + "\n");
                }
            }
        }
        Path f = dir.resolve("split.csv");
        Files.writeString(f, csv);
        CliRun run = CliRun.of("stats", "mrmc", "--input", f.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("study").get("design").asText()).isEqualTo("split_plot");
        assertThat(j.get("study").get("missing_reads")).hasSize(8);
        assertThat(j.get("study").get("missing_reads").get(0).get("missing").asInt()).isEqualTo(6);
        JsonNode h = j.get("results").get(2).get("tests").get("hillis");
        assertThat(h.get("p").isNull()).isTrue();
        assertThat(h.get("undefined").asText()).contains("fully crossed");
        CliRun or = CliRun.of("stats", "mrmc", "--input", f.toString(), "--analysis", "or");
        assertThat(or.exit()).isEqualTo(1);
        assertThat(or.err()).contains("needs a fully crossed study").contains("SPLIT_PLOT");
    }

    @Test
    void badInputsAndOptions() throws IOException {
        Path bad = dir.resolve("bad.imrmc");
        Files.writeString(bad, "h\nBEGIN DATA:\n-1,c1,truth,0\nr1,c1,A,x\n");
        CliRun run = CliRun.of("stats", "mrmc", "--input", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("bad.imrmc line 4, column 4 (\"score\"): not a number: 'x'");
        assertUsage(
                new String[] {"--input", input("vandyke.imrmc"), "--readers", "fixed"},
                "fixed readers or cases need --analysis or");
        assertUsage(
                new String[] {
                    "--input",
                    input("vandyke.imrmc"),
                    "--analysis",
                    "or",
                    "--readers",
                    "fixed",
                    "--cases",
                    "fixed"
                },
                "--readers/--cases: readers and cases cannot both be fixed: there is nothing to"
                        + " generalise to");
        assertUsage(
                new String[] {"--input", bad.resolveSibling("x.txt").toString()},
                "--format is needed: "
                        + bad.resolveSibling("x.txt")
                        + " ends neither in .imrmc"
                        + " nor in .csv");
        assertUsage(
                new String[] {"--input", input("vandyke.imrmc"), "--confidence", "1.5"},
                "--confidence is not in (0, 1): 1.5");
    }

    /**
     * Sizing from the iMRMC R2 pilot (5 readers, 40 + 40 cases): at the pilot's own size the df are
     * iMRMC's printed BDG 7.35006973 and Hillis 7.43533593, the variance is the pilot's
     * 0.00498950905, and the powers are those of mrmc_sizing.csv (numpy/scipy reimplementation, row
     * imrmc_R2, 5, 40, 40, effect 0.1, alpha 0.05).
     */
    @Test
    void sizingFromThePilot() {
        CliRun run =
                CliRun.of(
                        "stats",
                        "mrmc",
                        "--input",
                        input("imrmc_doIMRMC_R2_input.imrmc"),
                        "--size-readers",
                        "5,20",
                        "--size-cases",
                        "80,500",
                        "--effect",
                        "0.1",
                        "--target-power",
                        "0.8");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode z = run.json().get("sizing");
        assertThat(z.get("case_split").asText()).contains("pilot negatives");
        JsonNode p = z.get("pairs").get(0);
        assertThat(p.get("modality").asText()).isEqualTo("testA");
        assertThat(p.get("minus").asText()).isEqualTo("testB");
        JsonNode studies = p.get("studies");
        assertThat(studies).hasSize(4);
        JsonNode s = studies.get(0);
        assertThat(s.get("negatives").asInt()).isEqualTo(40);
        assertThat(s.get("positives").asInt()).isEqualTo(40);
        assertThat(s.get("variance").asDouble()).isCloseTo(0.00498950905, within(1e-11));
        assertThat(s.get("df_bdg").asDouble()).isCloseTo(7.35006973, within(1e-8));
        assertThat(s.get("df_hillis").asDouble()).isCloseTo(7.43533593, within(1e-8));
        assertThat(s.get("power_normal").asDouble()).isCloseTo(0.2931297571032668, within(1e-9));
        assertThat(s.get("power_bdg").asDouble()).isCloseTo(0.24129182662078874, within(1e-9));
        assertThat(s.get("power_hillis").asDouble()).isCloseTo(0.24129182662078552, within(1e-9));
        // 500 cases split like the pilot (40 + 40): 250 + 250
        JsonNode last = studies.get(3);
        assertThat(last.get("readers").asInt()).isEqualTo(20);
        assertThat(last.get("negatives").asInt()).isEqualTo(250);
        JsonNode best = p.get("smallest_reaching_target");
        assertThat(best.get("power_bdg").asDouble()).isGreaterThanOrEqualTo(0.8);
        for (JsonNode x : studies) {
            if (x.get("power_bdg").asDouble() >= 0.8) {
                assertThat(x.get("readers").asInt() * x.get("cases").asInt())
                        .isGreaterThanOrEqualTo(
                                best.get("readers").asInt() * best.get("cases").asInt());
            }
        }
        assertUsage(
                new String[] {"--input", input("vandyke.imrmc"), "--size-readers", "5"},
                "--size-readers and --size-cases go together");
        assertUsage(
                new String[] {"--input", input("vandyke.imrmc"), "--effect", "0.1"},
                "--effect and --target-power need --size-readers and --size-cases");
        assertUsage(
                new String[] {
                    "--input",
                    input("vandyke.imrmc"),
                    "--size-readers",
                    "5",
                    "--size-cases",
                    "100",
                    "--analysis",
                    "or"
                },
                "sizing needs --analysis gallas");
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.of("stats", "mrmc", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("--input", "--format", "--analysis", "--readers", "--cases")
                .contains("--confidence", "--covariance", "iMRMC")
                .contains("--size-readers", "--size-cases", "--effect", "--alpha")
                .contains("--target-power", "--size-test");
    }

    private static void assertUsage(String[] options, String message) {
        String[] args = new String[options.length + 2];
        args[0] = "stats";
        args[1] = "mrmc";
        System.arraycopy(options, 0, args, 2, options.length);
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "clinval: "
                                + message
                                + "\nRun 'clinval stats mrmc --help' for its options.\n");
    }

    private static String input(String name) {
        return MRMC.resolve(name).toString();
    }

    /**
     * Reader-averaged sensitivity of binary reads (reference/mrmc/proportion_reference.csv,
     * numpy/scipy): unaided 0.76 with variance 0.004458974358974..., and the difference unaided −
     * aided = −0.145 with z = −4.8419627516188 and p = 1.2856286752e-06.
     */
    @Test
    void sensitivityOfBinaryReads() {
        CliRun run =
                CliRun.of(
                        "stats",
                        "mrmc",
                        "--input",
                        input("proportion_binary.csv"),
                        "--measure",
                        "sensitivity",
                        "--threshold",
                        "1");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = run.json().get("results");
        assertThat(r.get(0).get("sensitivity").asDouble()).isCloseTo(0.76, within(1e-12));
        assertThat(r.get(0).get("variance").asDouble())
                .isCloseTo(0.004458974358974384, within(1e-15));
        assertThat(r.get(0).get("per_reader").get("R1").asDouble()).isCloseTo(0.525, within(1e-12));
        JsonNode d = r.get(2);
        assertThat(d.get("difference").asDouble()).isCloseTo(-0.145, within(1e-12));
        assertThat(d.get("test").get("statistic").asDouble())
                .isCloseTo(-4.841962751618791, within(1e-9));
        assertThat(d.get("test").get("p").asDouble())
                .isCloseTo(1.2856286752191937e-06, within(1e-15));

        CliRun noThreshold =
                CliRun.of(
                        "stats",
                        "mrmc",
                        "--input",
                        input("proportion_binary.csv"),
                        "--measure",
                        "specificity");
        assertThat(noThreshold.exit()).isEqualTo(2);
        assertThat(noThreshold.err()).contains("--measure specificity needs --threshold");
        CliRun withOr =
                CliRun.of(
                        "stats",
                        "mrmc",
                        "--input",
                        input("proportion_binary.csv"),
                        "--measure",
                        "specificity",
                        "--threshold",
                        "1",
                        "--analysis",
                        "or");
        assertThat(withOr.exit()).isEqualTo(2);
        assertThat(withOr.err())
                .contains("--analysis, --readers, --cases, --covariance and sizing do not apply");
    }

    @Test
    void aByteThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        Path f = dir.resolve("reads.csv");
        byte[] head = "reader,case,modality,score,truth\nR1,c1,A,1,1\nR1,c2,A,0,0\n".getBytes();
        byte[] bad = "R2,c\u00e9,A,1,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(f, all);
        CliRun run = CliRun.of("stats", "mrmc", "--input", f.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        f
                                + " line 4: not UTF-8 text (byte 0xE9 at position 5 of the line);"
                                + " save the file as UTF-8");
    }
}
