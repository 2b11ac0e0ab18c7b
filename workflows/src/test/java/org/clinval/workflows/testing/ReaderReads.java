package org.clinval.workflows.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A reader study over the cases of {@link StudyFixture}: {@code readers} readers score every case
 * unaided and aided on a 0–100 scale, drawn from a seeded generator; aided scores separate the
 * classes better. Writes {@code readers/reads.csv} below the study folder.
 */
public final class ReaderReads {

    /** The block a protocol takes for these reads. */
    public static final String BLOCK =
            """
            reader_study:
              reads: readers/reads.csv
              unaided: unaided
              aided: aided
              analysis: obuchowski_rockette
              covariance: jackknife
              readers: random
              cases: random
            """;

    /**
     * The block with a threshold: a read is a positive call at a score of 50 or more, so the
     * readers' sensitivity and specificity are analysed too.
     */
    public static final String THRESHOLD_BLOCK = BLOCK + "  threshold: 50\n  rule: \">=\"\n";

    /** An endpoint on the readers' sensitivity difference, for {@link #THRESHOLD_BLOCK}. */
    public static final String SENSITIVITY_ENDPOINT =
            """
              - id: EP4
                role: secondary
                name: Readers with the device find more of the positive cases
                criterion:
                  measure: reader_sensitivity_difference
                  ci_lower_min: -0.1
                  level: 0.95
                verifies:
                  requirements: [REQ-3]
            """;

    /** An endpoint of the reader study to append to the fixture's endpoints. */
    public static final String ENDPOINT =
            """
              - id: EP3
                role: secondary
                name: Readers with the device are not worse than without it
                criterion:
                  measure: reader_auc_difference
                  ci_lower_min: -0.05
                  level: 0.95
                verifies:
                  requirements: [REQ-3]
            """;

    private ReaderReads() {}

    /** Returns the CSV text of the reads, the header first. */
    public static String csv(int readers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder("reader,case,modality,score\n");
        for (String modality : new String[] {"unaided", "aided"}) {
            double shift = modality.equals("aided") ? 22 : 12;
            for (int r = 1; r <= readers; r++) {
                for (int i = 0; i < StudyFixture.CASES; i++) {
                    boolean positive = i < StudyFixture.POSITIVES;
                    double score = 40 + (positive ? shift : 0) + 15 * random.nextGaussian();
                    s.append(
                            String.format(
                                    Locale.ROOT,
                                    "R%d,%s,%s,%.1f%n",
                                    r,
                                    StudyFixture.caseId(i),
                                    modality,
                                    score));
                }
            }
        }
        return s.toString();
    }

    /** Writes the reads of 5 readers below {@code root} and returns the file. */
    public static Path write(Path root) throws IOException {
        return write(root, csv(5, 20261206L));
    }

    /** Writes {@code text} as the reads file below {@code root} and returns the file. */
    public static Path write(Path root, String text) throws IOException {
        Path f = Files.createDirectories(root.resolve("readers")).resolve("reads.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Adds the block and the endpoint to the fixture's protocol {@code protocol}. */
    public static void addTo(Path protocol) throws IOException {
        addTo(protocol, BLOCK, ENDPOINT);
    }

    /** Adds {@code block} and {@code endpoint} (either may be empty) to {@code protocol}. */
    public static void addTo(Path protocol, String block, String endpoint) throws IOException {
        String text = Files.readString(protocol);
        text = text.replace("subgroups:\n", endpoint + "subgroups:\n");
        Files.writeString(protocol, text + block, StandardCharsets.UTF_8);
    }
}
