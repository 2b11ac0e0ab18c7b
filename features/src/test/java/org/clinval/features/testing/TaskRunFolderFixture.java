package org.clinval.features.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes small hand-made run folders of the segmentation and detection demos: the approved protocol
 * (the real {@code demo-segmentation-study.yaml} or {@code demo-detection-study.yaml}) and the case
 * results, with, for detection, the candidates and lesions next to them.
 *
 * <p>Segmentation, by construction: 28 cases with both masks non-empty, 12 Siemens, 12 GE and 4
 * Canon; the Dice of case {@code k} is {@code dice + (0.05, -0.05, 0.02, -0.02)[k % 4]}, so the
 * mean Dice over every case and over each manufacturer is exactly {@code dice} (0.85 unless {@link
 * #meanDice(double)} says otherwise); HD95 is 2, 3, 4 or 3 mm, median 3 mm.
 *
 * <p>Detection: 20 scans; scans 1 to 16 each hold one lesion of radius 5 mm, of which scans 1 to 14
 * have a candidate at its centre scored 0.9 (a hit at the operating threshold 0.5); scans 17 to 20
 * and 1 to 8 have one false-positive candidate scored 0.3 far from any lesion. Lesion-level
 * sensitivity is 14/16 and the FROC sensitivity is 14/16 at every rate from 1/8 FP per scan.
 */
public final class TaskRunFolderFixture {

    private static final String HEADER =
            "case_id,site,manufacturer,sex,age_band,label,score,prediction";
    private static final String SHA = "0".repeat(64);

    private final Path dir;
    private double dice = 0.85;

    private TaskRunFolderFixture(Path dir) {
        this.dir = dir;
    }

    public static TaskRunFolderFixture in(Path dir) {
        return new TaskRunFolderFixture(dir);
    }

    /** Sets the mean Dice of the segmentation run, in [0.05, 0.95]. */
    public TaskRunFolderFixture meanDice(double dice) {
        this.dice = dice;
        return this;
    }

    /** Writes a segmentation run folder and returns it. */
    public Path segmentation() throws IOException {
        protocol("demo-segmentation-study.yaml");
        double[] delta = {0.05, -0.05, 0.02, -0.02};
        double[] hd95 = {2, 3, 4, 3};
        StringBuilder csv =
                new StringBuilder(HEADER)
                        .append(
                                ",dice,iou,hd,hd95,hd95_pooled,assd,surface_dice,empty,"
                                        + "reference_voxels,predicted_voxels,model_sha256,"
                                        + "dataset_sha256\n");
        for (int k = 0; k < 28; k++) {
            double d = dice + delta[k % 4];
            String manufacturer = k < 12 ? "Siemens" : k < 24 ? "GE" : "Canon";
            csv.append(
                    String.format(
                            Locale.ROOT,
                            "seg-%02d,%s,%s,%s,60-74,1,0.9,1,%.4f,%.4f,%.1f,%.1f,%.1f,%.1f,%.4f,"
                                    + "neither,1500,1400,%s,%s\n",
                            k + 1,
                            k % 2 == 0 ? "A" : "B",
                            manufacturer,
                            k % 3 == 0 ? "F" : "M",
                            d,
                            d / (2 - d),
                            hd95[k % 4] + 1,
                            hd95[k % 4],
                            hd95[k % 4],
                            hd95[k % 4] / 2,
                            d,
                            SHA,
                            SHA));
        }
        Files.writeString(dir.resolve("case-results.csv"), csv, StandardCharsets.UTF_8);
        return dir;
    }

    /** Writes a detection run folder and returns it. */
    public Path detection() throws IOException {
        protocol("demo-detection-study.yaml");
        StringBuilder cases =
                new StringBuilder(HEADER)
                        .append(
                                ",lesions,hits,false_positives,candidates,model_sha256,"
                                        + "dataset_sha256\n");
        StringBuilder candidates = new StringBuilder("case_id,x,y,z,score\n");
        StringBuilder lesions = new StringBuilder("case_id,x,y,z,radius\n");
        for (int s = 1; s <= 20; s++) {
            String id = String.format(Locale.ROOT, "scan-%02d", s);
            boolean lesion = s <= 16;
            boolean hit = s <= 14;
            boolean fp = s >= 17 || s <= 8;
            double x = 10.0 * s;
            if (lesion) lesions.append(String.format(Locale.ROOT, "%s,%.1f,20,30,5\n", id, x));
            if (hit) candidates.append(String.format(Locale.ROOT, "%s,%.1f,21,30,0.9\n", id, x));
            if (fp) candidates.append(String.format(Locale.ROOT, "%s,%.1f,-80,30,0.3\n", id, x));
            double score = hit ? 0.9 : fp ? 0.3 : 0.0;
            cases.append(
                    String.format(
                            Locale.ROOT,
                            "%s,%s,%s,%s,60-74,%s,%.1f,%d,%d,%d,0,%d,%s,%s\n",
                            id,
                            s % 2 == 0 ? "A" : "B",
                            s <= 10 ? "Siemens" : "GE",
                            s % 3 == 0 ? "F" : "M",
                            lesion ? "1" : "0",
                            score,
                            hit ? 1 : 0,
                            lesion ? 1 : 0,
                            hit ? 1 : 0,
                            (hit ? 1 : 0) + (fp ? 1 : 0),
                            SHA,
                            SHA));
        }
        Files.writeString(dir.resolve("case-results.csv"), cases, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("candidates.csv"), candidates, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lesions.csv"), lesions, StandardCharsets.UTF_8);
        return dir;
    }

    private void protocol(String example) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in =
                TaskRunFolderFixture.class.getResourceAsStream(
                        "/org/clinval/workflows/example/" + example)) {
            Files.copy(in, dir.resolve("protocol.yaml"));
        }
    }
}
