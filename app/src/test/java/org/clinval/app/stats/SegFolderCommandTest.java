package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinval.app.testing.CliRun;
import org.clinval.imaging.nifti.Nifti1;
import org.clinval.imaging.nifti.NiftiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats seg} with label maps, directed distances and folders. Expected values: the scipy
 * transcription of MONAI's metrics, validation/src/test/python/segmentation_monai_reference.py
 * (numpy 1.24.2, scipy 1.10.1), read from the validation module's reference tables.
 */
class SegFolderCommandTest {

    private static final double TOL = 1e-9;

    /**
     * Folder cases take their spacing from pixdim, which NIfTI-1 stores as float32 (0.9 mm reads as
     * 0.89999998 mm): distances then differ from the float64 reference by about 1e-8.
     */
    private static final double PIXDIM_TOL = 1e-6;

    @TempDir Path dir;

    /** Writes row-major {@code voxels} (x slowest) of {@code shape} as a NIfTI-1 file. */
    private static Path write(Path file, int[] shape, double[] mm, int[] voxels) {
        int nx = shape[0];
        int ny = shape[1];
        int nz = shape.length == 3 ? shape[2] : 1;
        double[] v = new double[voxels.length];
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                for (int z = 0; z < nz; z++)
                    v[(z * ny + y) * nx + x] = voxels[(x * ny + y) * nz + z];
            }
        }
        return NiftiWriter.of(shape, mm, Nifti1.Datatype.UINT8, v).write(file);
    }

    private static int[] shape(String text) {
        String[] p = text.split("x");
        int[] s = new int[p.length];
        for (int i = 0; i < p.length; i++) s[i] = Integer.parseInt(p[i]);
        return s;
    }

    private static double[] mm(String text) {
        String[] p = text.trim().split(" ");
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) s[i] = Double.parseDouble(p[i]);
        return s;
    }

    private static int[] ints(String text) {
        String[] p = text.trim().split(" ");
        int[] s = new int[p.length];
        for (int i = 0; i < p.length; i++) s[i] = Integer.parseInt(p[i]);
        return s;
    }

    /** Decodes alternating runs of 0 and 1, starting with 0. */
    private static int[] runs(String text) {
        List<Integer> out = new ArrayList<>();
        int value = 0;
        for (String r : text.trim().split(" ")) {
            for (int i = 0; i < Integer.parseInt(r); i++) out.add(value);
            value = 1 - value;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void assertValue(String what, JsonNode actual, String expected) {
        assertValue(what, actual, expected, TOL);
    }

    private static void assertValue(String what, JsonNode actual, String expected, double tol) {
        if (expected.equals("NA")) {
            assertThat(actual.isNull()).as(what + " is null").isTrue();
        } else {
            assertThat(actual.asDouble())
                    .as(what)
                    .isCloseTo(Double.parseDouble(expected), within(tol));
        }
    }

    @Test
    void directedDistancesOfEveryMetricAgreeWithTheReference() {
        String[] keys = {
            "hd_pred_to_truth",
            "hd_truth_to_pred",
            "hd",
            "asd_pred_to_truth",
            "asd_truth_to_pred",
            "assd"
        };
        int checked = 0;
        for (String name : new String[] {"random3d_3", "random2d_2", "prediction_empty_3d"}) {
            Map<String, String> m =
                    CliRun.referenceRow("segmentation_monai_masks.csv", "case", name);
            int[] s = shape(m.get("shape"));
            Path p =
                    write(
                            dir.resolve(name + "_p.nii"),
                            s,
                            mm(m.get("spacing")),
                            runs(m.get("prediction")));
            Path t =
                    write(
                            dir.resolve(name + "_t.nii"),
                            s,
                            mm(m.get("spacing")),
                            runs(m.get("reference")));
            for (String metric : new String[] {"euclidean", "chessboard", "taxicab"}) {
                for (String pc : new String[] {"NA", "95.0", "12.5"}) {
                    Map<String, String> row =
                            CliRun.referenceRow(
                                    "segmentation_monai_directed.csv",
                                    "case",
                                    name,
                                    "metric",
                                    metric,
                                    "percentile",
                                    pc);
                    List<String> args =
                            new ArrayList<>(
                                    List.of(
                                            "stats",
                                            "seg",
                                            "--pred",
                                            p.toString(),
                                            "--truth",
                                            t.toString(),
                                            "--distance",
                                            metric,
                                            "--spacing",
                                            m.get("spacing").replace(' ', ',')));
                    if (!pc.equals("NA")) {
                        args.add("--percentile");
                        args.add(pc);
                    }
                    CliRun run = CliRun.of(args.toArray(String[]::new));
                    assertThat(run.exit()).as(run.err()).isZero();
                    JsonNode j = run.json();
                    assertThat(j.get("distance_metric").asText()).isEqualTo(metric);
                    for (String k : keys) {
                        assertValue(
                                name + " " + metric + " " + pc + " " + k,
                                j.get("directed").get(k),
                                row.get(k));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(3 * 3 * 3 * 6);
    }

    @Test
    void labelMapsAgreeWithTheReferencePerLabel() {
        Map<String, String> m =
                CliRun.referenceRow("segmentation_monai_labels.csv", "case", "labels_absent");
        int[] s = shape(m.get("shape"));
        Path p = write(dir.resolve("p.nii"), s, mm(m.get("spacing")), ints(m.get("prediction")));
        Path t = write(dir.resolve("t.nii"), s, mm(m.get("spacing")), ints(m.get("reference")));
        CliRun run =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        p.toString(),
                        "--truth",
                        t.toString(),
                        "--labels",
                        "0,1,2,3",
                        "--include-background",
                        "--spacing",
                        m.get("spacing").replace(' ', ','));
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("labels")).hasSize(4);
        for (JsonNode l : j.get("labels")) {
            Map<String, String> row =
                    CliRun.referenceRow(
                            "segmentation_monai_perlabel.csv",
                            "case",
                            "labels_absent",
                            "label",
                            l.get("label").asText());
            for (String k : new String[] {"dice", "iou", "hd", "hd95", "assd"}) {
                assertValue("label " + l.get("label") + " " + k, l.get(k), row.get(k));
            }
        }
        assertThat(j.get("labels").get(3).get("undefined").get("dice").asText())
                .isEqualTo("label absent from both prediction and reference");
        assertThat(j.get("labels").get(2).get("undefined").get("hd").asText())
                .isEqualTo("reference mask is empty: surface distances are undefined");
        assertThat(j.get("mean_over_labels").get("dice").get("defined").asInt()).isEqualTo(3);
        assertThat(j.get("mean_over_labels").get("dice").get("entries").asInt()).isEqualTo(4);
        String[] gd =
                CliRun.referenceRow(
                                "segmentation_monai_reduced.csv",
                                "metric",
                                "generalized_dice_square",
                                "include_background",
                                "true")
                        .get("values")
                        .split(" ");
        assertThat(j.get("generalized_dice").get("square").asDouble())
                .isCloseTo(Double.parseDouble(gd[4]), within(TOL));
        assertThat(run.out()).doesNotContain("NaN");

        // Without --include-background label 0 is not compared; asking for it is refused.
        CliRun fg =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        p.toString(),
                        "--truth",
                        t.toString(),
                        "--labels",
                        "1,2");
        assertThat(fg.json().get("labels")).hasSize(2);
        CliRun bad =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        p.toString(),
                        "--truth",
                        t.toString(),
                        "--labels",
                        "0,1");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("label 0 is the background; add --include-background");
    }

    @Test
    void aFolderAccountsForEveryFileAndABadOneDoesNotStopTheRest() throws Exception {
        Path pd = Files.createDirectories(dir.resolve("pred"));
        Path td = Files.createDirectories(dir.resolve("truth"));
        int[] dim = {8, 7, 5};
        double[] mm = {0.7, 0.7, 2.5};
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> x > 2 && y > 1)
                .write(pd.resolve("case 1,a.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> x > 1 && y > 2)
                .write(td.resolve("case 1,a.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> z > 1)
                .gzip()
                .write(pd.resolve("c2.nii.gz"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> z > 2 && x < 6)
                .gzip()
                .write(td.resolve("c2.nii.gz"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> false)
                .write(pd.resolve("c3_empty.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> x == 4)
                .write(td.resolve("c3_empty.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> true)
                .write(pd.resolve("only_pred.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> true)
                .write(td.resolve("only_truth.nii"));
        NiftiWriter.mask(new int[] {8, 7, 4}, mm, Nifti1.Datatype.UINT8, (x, y, z) -> true)
                .write(pd.resolve("dims.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> true)
                .write(td.resolve("dims.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> true)
                .magic("xyz\0")
                .write(pd.resolve("broken.nii"));
        NiftiWriter.mask(dim, mm, Nifti1.Datatype.UINT8, (x, y, z) -> true)
                .write(td.resolve("broken.nii"));
        Files.writeString(pd.resolve("plans.json"), "{}");
        Files.writeString(td.resolve("plans.json"), "{}");
        Path csv = dir.resolve("cases.csv");

        CliRun run =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        pd.toString(),
                        "--truth",
                        td.toString(),
                        "--cases",
                        csv.toString(),
                        "--seed",
                        "7",
                        "--bootstrap",
                        "500");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("cases_in").asInt()).isEqualTo(8);
        assertThat(j.get("results").asInt()).isEqualTo(3);
        assertThat(j.get("skipped_count").asInt()).isEqualTo(5);
        Map<String, String> skipped = new HashMap<>();
        for (JsonNode s : j.get("skipped"))
            skipped.put(s.get("case").asText(), s.get("reason").asText());
        assertThat(skipped.get("only_pred.nii"))
                .isEqualTo("no file of this name in the --truth folder");
        assertThat(skipped.get("only_truth.nii"))
                .isEqualTo("no file of this name in the --pred folder");
        assertThat(skipped.get("dims.nii")).contains("dimensions differ: [8, 7, 4] vs [8, 7, 5]");
        assertThat(skipped.get("broken.nii")).contains("magic is 'xyz\\x00'");
        assertThat(skipped.get("plans.json"))
                .isEqualTo("not a NIfTI-1 file name (.nii or .nii.gz)");
        assertThat(run.err())
                .contains("seg: 1/8 broken.nii")
                .contains("8 cases: 3 compared, 5 skipped");

        // each compared case equals the single-pair command on the same files
        JsonNode single =
                CliRun.of(
                                "stats",
                                "seg",
                                "--pred",
                                pd.resolve("c2.nii.gz").toString(),
                                "--truth",
                                td.resolve("c2.nii.gz").toString())
                        .json();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 3 + 5);
        List<String> header = List.of(lines.get(0).split(","));
        String c2 =
                lines.stream()
                        .filter(l -> l.startsWith("c2.nii.gz,ok,foreground,"))
                        .findFirst()
                        .orElseThrow();
        String[] f = c2.split(",", -1);
        for (String k : new String[] {"dice", "iou", "hd", "hd95", "assd"}) {
            assertThat(Double.parseDouble(f[header.indexOf(k)]))
                    .as(k)
                    .isEqualTo(single.get(k).asDouble());
        }
        assertThat(lines).anyMatch(l -> l.startsWith("\"case 1,a.nii\",ok,foreground,"));
        String empty =
                lines.stream().filter(l -> l.startsWith("c3_empty.nii,")).findFirst().orElseThrow();
        assertThat(empty).contains("hd: prediction mask is empty: surface distances are undefined");
        assertThat(lines)
                .anyMatch(
                        l ->
                                l.startsWith("plans.json,skipped,")
                                        && l.endsWith(
                                                ",not a NIfTI-1 file name (.nii or .nii.gz)"));
        for (String l : lines) assertThat(fields(l)).as(l).hasSize(header.size());
        assertThat(fields(lines.get(lines.size() - 1)).get(0)).isEqualTo("plans.json");

        JsonNode dice = j.get("metrics").get("dice").get("per_label").get(0);
        assertThat(dice.get("n").asInt()).isEqualTo(3);
        assertThat(dice.get("n_defined").asInt()).isEqualTo(3);
        JsonNode hd = j.get("metrics").get("hd").get("per_label").get(0);
        assertThat(hd.get("n_defined").asInt()).isEqualTo(2);
        assertThat(
                        hd.get("undefined_reasons")
                                .get("prediction mask is empty: surface distances are undefined")
                                .asInt())
                .isEqualTo(1);
        assertThat(dice.get("ci").get("seed").asLong()).isEqualTo(7);
        assertThat(dice.get("ci").get("replicates").asInt()).isEqualTo(500);
        double lo = dice.get("ci").get("percentile").get(0).asDouble();
        double hi = dice.get("ci").get("percentile").get(1).asDouble();
        assertThat(lo).isLessThanOrEqualTo(dice.get("mean").asDouble());
        assertThat(hi).isGreaterThanOrEqualTo(dice.get("mean").asDouble());
        assertThat(run.out()).doesNotContain("NaN");

        // the same seed gives the same aggregate
        CliRun again =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        pd.toString(),
                        "--truth",
                        td.toString(),
                        "--cases",
                        dir.resolve("again.csv").toString(),
                        "--seed",
                        "7",
                        "--bootstrap",
                        "500");
        assertThat(again.json().get("metrics")).isEqualTo(j.get("metrics"));
    }

    @Test
    void aFolderOfLabelMapsReportsEveryLabelAndGeneralizedDice() throws Exception {
        Path pd = dir.resolve("p");
        Path td = dir.resolve("t");
        List<Map<String, String>> rows = labelFolders(pd, td);
        CliRun run =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        pd.toString(),
                        "--truth",
                        td.toString(),
                        "--cases",
                        dir.resolve("c.csv").toString(),
                        "--seed",
                        "3",
                        "--labels",
                        "1,2,3");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("results").asInt()).isEqualTo(rows.size());
        // MONAI's mean over case x label (background excluded), against the reference
        for (String k : new String[] {"dice", "hd95", "assd"}) {
            String expected =
                    CliRun.referenceRow(
                                    "segmentation_monai_reduced.csv",
                                    "metric",
                                    k,
                                    "include_background",
                                    "false",
                                    "reduction",
                                    "mean")
                            .get("values");
            assertValue(
                    k + " mean",
                    j.get("metrics").get(k).get("mean").get("value"),
                    expected,
                    PIXDIM_TOL);
            String[] batch =
                    CliRun.referenceRow(
                                    "segmentation_monai_reduced.csv",
                                    "metric",
                                    k,
                                    "include_background",
                                    "false",
                                    "reduction",
                                    "mean_batch")
                            .get("values")
                            .split(" ");
            for (int l = 0; l < 3; l++) {
                assertValue(
                        k + " label " + (l + 1),
                        j.get("metrics").get(k).get("per_label").get(l).get("mean"),
                        batch[l],
                        PIXDIM_TOL);
            }
        }
        JsonNode label3 = j.get("metrics").get("dice").get("per_label").get(2);
        assertThat(label3.get("n_undefined").asInt()).isEqualTo(1);
        assertThat(
                        label3.get("undefined_reasons")
                                .get("label absent from both prediction and reference")
                                .asInt())
                .isEqualTo(1);
        String[] gd =
                CliRun.referenceRow(
                                "segmentation_monai_reduced.csv",
                                "metric",
                                "generalized_dice_simple",
                                "include_background",
                                "false")
                        .get("values")
                        .split(" ");
        double mean = 0;
        for (String g : gd) mean += Double.parseDouble(g);
        assertThat(j.get("generalized_dice").get("simple").get("mean").asDouble())
                .isCloseTo(mean / gd.length, within(TOL));
    }

    /**
     * Every MONAI reduction of the folder's case x label table, against
     * reference/segmentation_monai_reduced.csv (MONAI's do_metric_reduction over scipy, background
     * excluded; "NA" where MONAI has no defined entry and gives 0, clinval null with the reason).
     */
    @Test
    void everyMonaiReductionOfAFolderAgreesWithTheReference() throws Exception {
        Path pd = dir.resolve("p");
        Path td = dir.resolve("t");
        List<Map<String, String>> rows = labelFolders(pd, td);
        for (String r :
                new String[] {
                    "none", "mean", "sum", "mean_batch", "sum_batch", "mean_channel", "sum_channel"
                }) {
            CliRun run =
                    CliRun.of(
                            "stats",
                            "seg",
                            "--pred",
                            pd.toString(),
                            "--truth",
                            td.toString(),
                            "--cases",
                            dir.resolve("c.csv").toString(),
                            "--seed",
                            "3",
                            "--labels",
                            "1,2,3",
                            "--reduction",
                            r,
                            "--bootstrap",
                            "100");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode j = run.json();
            assertThat(j.get("reduction").asText()).isEqualTo(r);
            for (String k : new String[] {"dice", "hd95", "assd"}) {
                String[] expected =
                        CliRun.referenceRow(
                                        "segmentation_monai_reduced.csv",
                                        "metric",
                                        k,
                                        "include_background",
                                        "false",
                                        "reduction",
                                        r)
                                .get("values")
                                .split(" ");
                JsonNode cells = j.get("metrics").get(k).get(r);
                assertThat(cells).as(k + " " + r).hasSize(expected.length);
                for (int c = 0; c < expected.length; c++) {
                    // sums carry each NIfTI single-precision spacing's error once per entry
                    assertValue(
                            k + " " + r + " cell " + c,
                            cells.get(c).get("value"),
                            expected[c],
                            PIXDIM_TOL * rows.size() * 3);
                }
            }
        }
        CliRun single =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        pd.resolve("labels_1.nii").toString(),
                        "--truth",
                        td.resolve("labels_1.nii").toString(),
                        "--labels",
                        "1,2",
                        "--reduction",
                        "mean");
        assertThat(single.exit()).isEqualTo(2);
        assertThat(single.err()).contains("--reduction reduces a folder's case x label table");
    }

    /** Writes the label maps of reference/segmentation_monai_labels.csv, one file per case. */
    private static List<Map<String, String>> labelFolders(Path pd, Path td) throws Exception {
        Files.createDirectories(pd);
        Files.createDirectories(td);
        List<Map<String, String>> rows = CliRun.reference("segmentation_monai_labels.csv");
        for (Map<String, String> m : rows) {
            int[] s = shape(m.get("shape"));
            double[] mm = mm(m.get("spacing"));
            write(pd.resolve(m.get("case") + ".nii"), s, mm, ints(m.get("prediction")));
            write(td.resolve(m.get("case") + ".nii"), s, mm, ints(m.get("reference")));
        }
        return rows;
    }

    @Test
    void folderModeNeedsItsExplicitChoices() throws Exception {
        Path pd = Files.createDirectories(dir.resolve("p"));
        Path td = Files.createDirectories(dir.resolve("t"));
        Path f =
                NiftiWriter.mask(
                                new int[] {4, 4},
                                new double[] {1, 1},
                                Nifti1.Datatype.UINT8,
                                (x, y, z) -> x > 1)
                        .write(dir.resolve("f.nii"));
        expectUsage(
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        pd.toString(),
                        "--truth",
                        td.toString(),
                        "--seed",
                        "1"),
                "folder mode writes the per-case table to --cases FILE");
        expectUsage(
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        pd.toString(),
                        "--truth",
                        td.toString(),
                        "--cases",
                        dir.resolve("c.csv").toString()),
                "give an explicit --seed");
        expectUsage(
                CliRun.of("stats", "seg", "--pred", pd.toString(), "--truth", f.toString()),
                "must both be files or both be folders");
        expectUsage(
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        f.toString(),
                        "--truth",
                        f.toString(),
                        "--percentile",
                        "0"),
                "--percentile is not in (0, 100]: 0.0");
        expectUsage(
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        f.toString(),
                        "--truth",
                        f.toString(),
                        "--distance",
                        "manhattan"),
                "manhattan");
        expectUsage(
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        f.toString(),
                        "--truth",
                        f.toString(),
                        "--labels",
                        "1",
                        "--tolerance",
                        "1"),
                "--tolerance applies to two binary masks");
        CliRun help = CliRun.of("stats", "seg", "--help");
        assertThat(help.out())
                .contains("--pred DIR --truth DIR")
                .contains("written as given")
                .contains("--include-background")
                .contains("chessboard");
    }

    @Test
    void aLabelMapWithANonIntegerVoxelIsRefusedNamingTheVoxel() {
        double[] v = new double[4 * 3];
        v[1 * 4 + 2] = 1.5; // x = 2, y = 1: index y·nx + x (x fastest)
        Path f =
                NiftiWriter.of(new int[] {4, 3}, new double[] {1, 1}, Nifti1.Datatype.FLOAT32, v)
                        .write(dir.resolve("float.nii"));
        CliRun run =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        f.toString(),
                        "--truth",
                        f.toString(),
                        "--labels",
                        "1");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "float.nii: voxel (2, 1, 0) is not a label (a non-negative integer): 1.5");
    }

    /** Splits one RFC 4180 line. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static void expectUsage(CliRun run, String message) {
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
