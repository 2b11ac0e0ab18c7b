package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinval stats froc}: happy paths and bad inputs. */
class FrocCommandTest {

    /** Written by validation/src/test/python/froc_reference.py (numpy 1.24.2). */
    private static final Path REFERENCE = Path.of("../validation/src/test/resources/reference");

    @TempDir Path dir;

    /**
     * Hand-computed: two scans of four, lesions a1 (hit at 0.9 and, ignored, 0.6) and b1 (missed);
     * false positives at 0.8 (a) and 0.3 (c). Curve: (0,0), (0,1/2), (1/4,1/2), (2/4,1/2) —
     * sensitivity 0.5 at every rate, CPM 0.5.
     */
    @Test
    void handComputedHappyPath() throws IOException {
        Path c =
                write(
                        "c.csv",
                        "scan,x,y,z,score",
                        "a,10,10,0,0.9",
                        "a,11,10,0,0.6",
                        "a,50,50,0,0.8",
                        "c,0,0,0,0.3");
        Path t = write("t.csv", "scan,x,y,z,radius", "a,10,10,0,3", "b,0,0,0,3");
        CliRun run = CliRun.of(args(c, t, "4"));
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("n_scans").asInt()).isEqualTo(4);
        assertThat(j.get("n_lesions").asInt()).isEqualTo(2);
        assertThat(j.get("n_lesions_hit").asInt()).isEqualTo(1);
        assertThat(j.get("n_candidates").asInt()).isEqualTo(4);
        assertThat(j.get("n_false_positives").asInt()).isEqualTo(2);
        assertThat(fieldNames(j.get("sensitivity_at_fp")))
                .containsExactly("0.125", "0.25", "0.5", "1", "2", "4", "8");
        j.get("sensitivity_at_fp").forEach(v -> assertThat(v.asDouble()).isEqualTo(0.5));
        assertThat(j.get("cpm").asDouble()).isEqualTo(0.5);
        assertThat(j.has("bootstrap")).isFalse();
    }

    /**
     * The "small3d" data set of froc_reference.py: CPM and sensitivities equal the numpy reference
     * (froc_summary_reference.csv, froc_reference.csv) to 1e-9.
     */
    @Test
    void matchesTheNumpyReferenceEndToEnd() throws IOException {
        CliRun run =
                CliRun.of(
                        args(
                                REFERENCE.resolve("froc/small3d_candidates.csv"),
                                REFERENCE.resolve("froc/small3d_truth.csv"),
                                "20"));
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("cpm").asDouble()).isCloseTo(0.8499999999999999, within(1e-9));
        for (String line : Files.readAllLines(REFERENCE.resolve("froc_reference.csv"))) {
            String[] f = line.split(",");
            if (!f[0].equals("small3d")) continue;
            String key = FrocCommand.key(Double.parseDouble(f[1]));
            if (!j.get("sensitivity_at_fp").has(key)) continue;
            assertThat(j.get("sensitivity_at_fp").get(key).asDouble())
                    .as(key)
                    .isCloseTo(Double.parseDouble(f[2]), within(1e-9));
        }
    }

    @Test
    void bootstrapIsReportedWithItsChoices() {
        CliRun run =
                CliRun.of(
                        "stats",
                        "froc",
                        "--candidates",
                        REFERENCE.resolve("froc/small3d_candidates.csv").toString(),
                        "--truth",
                        REFERENCE.resolve("froc/small3d_truth.csv").toString(),
                        "--scans",
                        "20",
                        "--bootstrap",
                        "200",
                        "--seed",
                        "11",
                        "--conf",
                        "0.9",
                        "--curve");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode b = run.json().get("bootstrap");
        assertThat(b.get("replicates").asInt()).isEqualTo(200);
        assertThat(b.get("seed").asLong()).isEqualTo(11);
        assertThat(b.get("confidence_level").asDouble()).isEqualTo(0.9);
        JsonNode cpm = b.get("cpm");
        assertThat(cpm.get("percentile").get(0).asDouble())
                .isLessThanOrEqualTo(cpm.get("estimate").asDouble());
        assertThat(cpm.get("percentile").get(1).asDouble())
                .isGreaterThanOrEqualTo(cpm.get("estimate").asDouble());
        assertThat(fieldNames(b.get("sensitivity_at_fp"))).hasSize(7);
        assertThat(run.json().get("curve").size()).isPositive();
        // Same seed, same numbers.
        assertThat(CliRun.of(sameArgs(run)).out()).isEqualTo(run.out());
    }

    @Test
    void noLesionsGiveNullsAndAReason() throws IOException {
        Path c = write("c.csv", "scan,x,y,z,score", "a,1,1,0,0.5");
        Path t = write("t.csv", "scan,x,y,z,radius");
        JsonNode j = CliRun.of(args(c, t, "2")).json();
        assertThat(j.get("cpm").isNull()).isTrue();
        assertThat(j.get("sensitivity_at_fp").get("1").isNull()).isTrue();
        assertThat(j.get("undefined").asText()).contains("no reference lesion");
    }

    @Test
    void badValuesNameFileLineAndColumn() throws IOException {
        Path t = write("t.csv", "scan,x,y,z,radius", "a,0,0,0,5");
        Path badX = write("c.csv", "scan,x,y,z,score", "a,1,1,0,0.5", "a,one,1,0,0.5");
        assertError(args(badX, t, "1"), "c.csv line 3, column 'x': not a number: 'one'");

        Path c = write("c2.csv", "scan,x,y,z,score", "a,1,1,0,0.5");
        Path negative = write("t2.csv", "scan,x,y,z,radius", "a,0,0,0,5", "b,0,0,0,-1");
        assertError(args(c, negative, "2"), "t2.csv line 3, column 'radius'");

        Path noZ = write("c3.csv", "scan,x,y,score", "a,1,1,0.5");
        assertError(args(noZ, t, "1"), "c3.csv: no column 'z'");

        Path nan = write("c4.csv", "scan,x,y,z,score", "a,1,1,0,nan");
        assertError(args(nan, t, "1"), "c4.csv line 2, column 'score'");
    }

    @Test
    void scanCountMustCoverTheScansSeen() throws IOException {
        Path c = write("c.csv", "scan,x,y,z,score", "a,1,1,0,0.5", "b,1,1,0,0.5");
        // A scan only in the truth file is fine.
        Path t = write("t.csv", "scan,x,y,z,radius", "z,0,0,0,5");
        assertError(args(c, t, "2"), "--scans 2 is below the 3 distinct scan identifiers");
        assertUsage(args(c, t, "0"), "--scans is not a whole number in [1, 10,000,000]: 0");
        assertThat(CliRun.of(args(c, t, "3")).exit()).isZero();
    }

    @Test
    void bootstrapNeedsASeed() throws IOException {
        Path c = write("c.csv", "scan,x,y,z,score", "a,1,1,0,0.5");
        Path t = write("t.csv", "scan,x,y,z,radius", "a,0,0,0,5");
        String[] a = args(c, t, "1");
        String[] withBootstrap = java.util.Arrays.copyOf(a, a.length + 2);
        withBootstrap[a.length] = "--bootstrap";
        withBootstrap[a.length + 1] = "500";
        assertUsage(withBootstrap, "--bootstrap needs an explicit --seed");
    }

    private static void assertUsage(String[] args, String message) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "clinval: "
                                + message
                                + "\nRun 'clinval stats froc --help' for its options.\n");
    }

    private static void assertError(String[] args, String message) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(message);
    }

    private static String[] args(Path candidates, Path truth, String scans) {
        return new String[] {
            "stats",
            "froc",
            "--candidates",
            candidates.toString(),
            "--truth",
            truth.toString(),
            "--scans",
            scans
        };
    }

    private static String[] sameArgs(CliRun run) {
        JsonNode j = run.json();
        return new String[] {
            "stats",
            "froc",
            "--candidates",
            j.get("candidates_file").asText(),
            "--truth",
            j.get("truth_file").asText(),
            "--scans",
            "20",
            "--bootstrap",
            "200",
            "--seed",
            "11",
            "--conf",
            "0.9",
            "--curve"
        };
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }
}
