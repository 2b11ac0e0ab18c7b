package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.imaging.nifti.NiftiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegCommandTest {

    private static final String[] KEYS = {
        "dice", "iou", "hd", "hd95", "hd95_pooled", "assd", "surface_dice"
    };

    @TempDir Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(SegCommandTest.class.getResource("/nifti/" + name).toURI());
    }

    // Reference: app/src/test/resources/nifti/expected.csv by app/src/test/python/nifti_fixtures.py
    // (files written and read back by nibabel 5.0.0; metrics by scipy 1.10.1 distance_transform_edt
    // with sampling = header zooms or the given spacing, numpy 1.24.2 percentile; tolerance 2 mm).
    @Test
    void agreesWithScipyOnNibabelFiles() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r =
                Files.newBufferedReader(resource("expected.csv"), StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("#") && !line.startsWith("pred,")) rows.add(line.split(","));
            }
        }
        assertThat(rows).hasSize(4);
        for (String[] row : rows) {
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "stats",
                                    "seg",
                                    "--pred",
                                    resource(row[0]).toString(),
                                    "--truth",
                                    resource(row[1]).toString(),
                                    "--tolerance",
                                    "2.0"));
            if (!row[2].equals("NA")) {
                args.add("--spacing");
                args.add(row[2].replace(';', ','));
            }
            CliRun run = run(args.toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode j = run.json();
            String[] spacing = row[3].split(" ");
            assertThat(j.get("spacing")).hasSize(spacing.length);
            for (int i = 0; i < spacing.length; i++) {
                assertThat(j.get("spacing").get(i).asDouble())
                        .isEqualTo(Double.parseDouble(spacing[i]));
            }
            for (int k = 0; k < KEYS.length; k++) {
                assertThat(j.get(KEYS[k]).asDouble())
                        .as(row[0] + " " + row[1] + " " + KEYS[k])
                        .isCloseTo(Double.parseDouble(row[4 + k]), within(1e-9));
            }
            assertThat(j.get("tolerance").asDouble()).isEqualTo(2.0);
            assertThat(j.get("empty")).isEmpty();
            assertThat(j.get("undefined")).isEmpty();
            assertThat(j.get("spacing_source").asText())
                    .isEqualTo(row[2].equals("NA") ? "header pixdim (units mm)" : "--spacing");
            assertThat(j.get("voxels").get("prediction").asLong()).isPositive();
        }
    }

    @Test
    void withoutToleranceSurfaceDiceIsNullWithAReason() throws Exception {
        CliRun run =
                run(
                        "stats", "seg",
                        "--pred", resource("disc_pred.nii").toString(),
                        "--truth", resource("disc_truth.nii.gz").toString());
        assertThat(run.exit()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("surface_dice").isNull()).isTrue();
        assertThat(j.get("tolerance").isNull()).isTrue();
        assertThat(j.get("undefined").get("surface_dice").asText())
                .isEqualTo("no surface-Dice tolerance was given");
        assertThat(j.get("hd95").isNumber()).isTrue();
    }

    @Test
    void anEmptyPredictionIsReportedNotFailed() throws Exception {
        int[] dim = {6, 5, 4};
        double[] mm = {0.7, 0.7, 2.5};
        Path empty =
                NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> false)
                        .write(dir.resolve("e.nii"));
        Path some =
                NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> x > 1 && y > 1)
                        .write(dir.resolve("s.nii"));
        CliRun run =
                run(
                        "stats",
                        "seg",
                        "--pred",
                        empty.toString(),
                        "--truth",
                        some.toString(),
                        "--tolerance",
                        "1");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("dice").asDouble()).isZero();
        assertThat(j.get("iou").asDouble()).isZero();
        assertThat(j.get("surface_dice").asDouble()).isZero();
        for (String k : new String[] {"hd", "hd95", "hd95_pooled", "assd"}) {
            assertThat(j.get(k).isNull()).as(k).isTrue();
            assertThat(j.get("undefined").get(k).asText())
                    .isEqualTo("prediction mask is empty: surface distances are undefined");
        }
        assertThat(j.get("empty")).hasSize(1);
        assertThat(j.get("empty").get(0).asText()).isEqualTo("prediction");
        assertThat(j.get("voxels").get("reference").asLong()).isEqualTo(4 * 3 * 4);
        assertThat(run.out()).doesNotContain("NaN");

        CliRun both =
                run(
                        "stats",
                        "seg",
                        "--pred",
                        empty.toString(),
                        "--truth",
                        empty.toString(),
                        "--tolerance",
                        "1");
        JsonNode b = both.json();
        assertThat(b.get("dice").asDouble()).isEqualTo(1.0);
        assertThat(b.get("hd95").asDouble()).isZero();
        assertThat(b.get("surface_dice").asDouble()).isEqualTo(1.0);
        assertThat(b.get("empty")).hasSize(2);
    }

    @Test
    void badInputsGiveOneLineNamingTheProblem() throws Exception {
        double[] mm = {0.7, 0.7, 2.5};
        Path a =
                NiftiWriter.mask(new int[] {6, 5, 4}, mm, Nifti1.Datatype.UINT8, (x, y, z) -> x > 2)
                        .write(dir.resolve("a.nii"));
        Path b =
                NiftiWriter.mask(new int[] {6, 5, 3}, mm, Nifti1.Datatype.UINT8, (x, y, z) -> x > 2)
                        .write(dir.resolve("b.nii"));
        Path c =
                NiftiWriter.mask(
                                new int[] {6, 5, 4},
                                new double[] {0.7, 0.8, 2.5},
                                Nifti1.Datatype.UINT8,
                                (x, y, z) -> x > 1)
                        .write(dir.resolve("c.nii"));
        Path d =
                NiftiWriter.mask(
                                new int[] {6, 5, 4},
                                new double[] {0.7, -1, 2.5},
                                Nifti1.Datatype.UINT8,
                                (x, y, z) -> x > 1)
                        .write(dir.resolve("d.nii"));
        Path bad =
                NiftiWriter.mask(new int[] {6, 5, 4}, mm, Nifti1.Datatype.UINT8, (x, y, z) -> true)
                        .magic("xyz\0")
                        .write(dir.resolve("bad.nii"));

        expectError(
                run("stats", "seg", "--pred", a.toString(), "--truth", b.toString()),
                "dimensions differ: [6, 5, 4] vs [6, 5, 3]");
        expectError(
                run("stats", "seg", "--pred", a.toString(), "--truth", c.toString()),
                "spacing differ: pixdim[2]");
        expectError(
                run("stats", "seg", "--pred", a.toString(), "--truth", d.toString()),
                "d.nii: pixdim[2] is -1.0, not a positive spacing");
        expectError(
                run("stats", "seg", "--pred", bad.toString(), "--truth", a.toString()),
                "bad.nii: magic is 'xyz\\x00', not 'n+1'");
        expectError(
                run(
                        "stats",
                        "seg",
                        "--pred",
                        a.toString(),
                        "--truth",
                        a.toString(),
                        "--spacing",
                        "1,1"),
                "--spacing '1,1' has 2 values but the masks have 3 axes");
        expectUsage(
                run(
                        "stats",
                        "seg",
                        "--pred",
                        a.toString(),
                        "--truth",
                        a.toString(),
                        "--spacing",
                        "1,0,1"),
                "--spacing value 2 is not a positive finite number: 0.0");
        expectUsage(
                run(
                        "stats",
                        "seg",
                        "--pred",
                        a.toString(),
                        "--truth",
                        a.toString(),
                        "--spacing",
                        "1,x,1"),
                "--spacing: value 2 is not a number: 'x'");
        expectUsage(
                run(
                        "stats",
                        "seg",
                        "--pred",
                        a.toString(),
                        "--truth",
                        a.toString(),
                        "--tolerance",
                        "-1"),
                "--tolerance is not a finite number of at least 0: -1.0");
        expectError(
                run(
                        "stats",
                        "seg",
                        "--pred",
                        dir.resolve("nope.nii").toString(),
                        "--truth",
                        a.toString()),
                "nope.nii: no such file");

        // An explicit spacing resolves the header disagreement, and is recorded as the source.
        CliRun ok =
                run(
                        "stats",
                        "seg",
                        "--pred",
                        a.toString(),
                        "--truth",
                        d.toString(),
                        "--spacing",
                        "0.7,0.7,2.5");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.json().get("spacing_source").asText()).isEqualTo("--spacing");

        CliRun missing = run("stats", "seg", "--pred", a.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--truth");
    }

    private static void expectUsage(CliRun run, String message) {
        assertThat(run.exit()).as(run.out()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "clinval: "
                                + message
                                + "\nRun 'clinval stats seg --help' for its options.\n");
    }

    private static void expectError(CliRun run, String message) {
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("clinval: ").contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
