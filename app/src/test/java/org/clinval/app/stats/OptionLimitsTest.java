package org.clinval.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every numeric option of every {@code stats} command, as an attacker would try it: NaN,
 * infinities, negatives, zero and absurdly large values. Each gives one line naming the option and
 * the value: exit 2 (usage) when the value is wrong on its own, 1 when it does not fit the data.
 * Never an internal error, never an OutOfMemoryError, never a silent absurd answer.
 */
class OptionLimitsTest {

    @TempDir static Path dir;
    static Path csv;
    static Path candidates;
    static Path truth;

    @BeforeAll
    static void files() throws IOException {
        List<String> rows = new ArrayList<>(List.of("y,s,p,r1,r2"));
        for (int i = 0; i < 40; i++) {
            rows.add((i % 2) + "," + (i / 40.0) + "," + (i / 40.0) + "," + (i % 3) + "," + (i % 4));
        }
        csv = Files.write(dir.resolve("cases.csv"), rows);
        candidates = Files.write(dir.resolve("c.csv"), List.of("scan,x,y,z,score", "a,1,1,0,0.5"));
        truth = Files.write(dir.resolve("t.csv"), List.of("scan,x,y,z,radius", "a,0,0,0,5"));
    }

    /** Runs {@code args} with {@code {csv}} and friends replaced by the test files. */
    private static CliRun run(String args) {
        String[] a = args.split(" ");
        for (int i = 0; i < a.length; i++) {
            a[i] =
                    a[i].replace("{csv}", csv.toString())
                            .replace("{candidates}", candidates.toString())
                            .replace("{truth}", truth.toString());
        }
        return CliRun.of(a);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "stats calibration --csv {csv} --label y --prob p --bins 100000000"
                        + "|--bins is not a whole number in [1, 10,000]: 100000000",
                "stats calibration --csv {csv} --label y --prob p --bins 0"
                        + "|--bins is not a whole number in [1, 10,000]: 0",
                "stats calibration --csv {csv} --label y --prob p --bins -2147483648"
                        + "|--bins is not a whole number in [1, 10,000]: -2147483648",
                "stats binary --csv {csv} --label y --score s --threshold NaN"
                        + "|--threshold is not a finite number: NaN",
                "stats binary --csv {csv} --label y --score s --threshold -Infinity"
                        + "|--threshold is not a finite number: -Infinity",
                "stats binary --csv {csv} --label y --score s --threshold 0.5 --prevalence NaN"
                        + "|--prevalence is not in (0, 1): NaN",
                "stats binary --csv {csv} --label y --score s --threshold 0.5 --prevalence 0"
                        + "|--prevalence is not in (0, 1): 0.0",
                "stats binary --csv {csv} --label y --score s --threshold 0.5 --conf NaN"
                        + "|--conf is not in (0, 1): NaN",
                "stats binary --csv {csv} --label y --score s --threshold 0.5 --conf 1"
                        + "|--conf is not in (0, 1): 1.0",
                "stats roc --csv {csv} --label y --score s --bootstrap 2000000000 --seed 1"
                        + "|--bootstrap is not a whole number in [100, 100,000]: 2000000000",
                "stats roc --csv {csv} --label y --score s --bootstrap -1 --seed 1"
                        + "|--bootstrap is not a whole number in [100, 100,000]: -1",
                "stats roc --csv {csv} --label y --score s --bootstrap 500"
                        + "|--bootstrap needs an explicit --seed",
                "stats roc --csv {csv} --label y --score s --target-sensitivity NaN"
                        + "|--target-sensitivity is not in [0, 1]: NaN",
                "stats roc --csv {csv} --label y --score s --target-specificity Infinity"
                        + "|--target-specificity is not in [0, 1]: Infinity",
                "stats kappa --csv {csv} --rater1 r1 --rater2 r2 --conf -0.5"
                        + "|--conf is not in (0, 1): -0.5",
                "stats froc --candidates {candidates} --truth {truth} --scans 0"
                        + "|--scans is not a whole number in [1, 10,000,000]: 0",
                "stats froc --candidates {candidates} --truth {truth} --scans 2000000000"
                        + "|--scans is not a whole number in [1, 10,000,000]: 2000000000",
                "stats froc --candidates {candidates} --truth {truth} --scans 3 --bootstrap 99 --seed 1"
                        + "|--bootstrap is not a whole number in [100, 100,000]: 99",
                "stats sample-size --measure sensitivity --anticipated 0.9 --half-width NaN --prevalence 0.3"
                        + "|--half-width is not in (0, 1): NaN",
                "stats sample-size --measure sensitivity --anticipated 0.9 --half-width Infinity --prevalence 0.3"
                        + "|--half-width is not in (0, 1): Infinity",
                "stats sample-size --measure sensitivity --anticipated 0.9 --half-width 0 --prevalence 0.3"
                        + "|--half-width is not in (0, 1): 0.0",
                "stats sample-size --measure sensitivity --anticipated NaN --half-width 0.05 --prevalence 0.3"
                        + "|--anticipated is not in (0, 1): NaN",
                "stats sample-size --measure specificity --anticipated 0.9 --half-width 0.05 --prevalence -Infinity"
                        + "|--prevalence is not in [0, 1]: -Infinity",
                "stats sample-size --measure auc --anticipated 0.9 --half-width 0.05 --negatives-per-positive NaN"
                        + "|--negatives-per-positive is not a positive finite number: NaN",
                "stats sample-size --measure auc --anticipated 0.9 --half-width 0.05 --negatives-per-positive 1e300"
                        + "|--negatives-per-positive 1.0E300 makes a study of more than 2^31 cases",
                "stats sample-size --measure auc --anticipated 0.9 --half-width 0.05"
                        + "|--measure auc needs --negatives-per-positive",
                "stats sample-size --measure npv --anticipated 0.9 --half-width 0.05"
                        + "|--measure is not one of sensitivity, specificity, auc, auc-test,"
                        + " auc-difference: 'npv'",
                "stats example --replicates 0|--replicates is not a whole number in [100, 100,000]: 0",
                "stats example --threshold NaN|--threshold is not a finite number: NaN",
            })
    void aBadValueIsAUsageErrorNamingTheOption(String args, String message) {
        CliRun r = run(args);
        String command = String.join(" ", List.of(args.split(" ")).subList(0, 2));
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        "clinval: "
                                + message
                                + "\nRun 'clinval "
                                + command
                                + " --help' for its options.\n");
    }

    @Test
    void aTinyHalfWidthSaysTheStudyIsTooLargeInsteadOfOverflowing() {
        CliRun r =
                run(
                        "stats sample-size --measure sensitivity --anticipated 0.9 --half-width 1e-12"
                                + " --prevalence 0.3");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(
                        "clinval: the sample size exceeds 2^31 cases (1.15e+24 needed): the"
                                + " half-width 1.0E-12 is too small for the anticipated sensitivity"
                                + " 0.9 at prevalence 0.3\n");
        CliRun auc =
                run(
                        "stats sample-size --measure auc --anticipated 0.9 --half-width 1e-12"
                                + " --negatives-per-positive 1");
        assertThat(auc.exit()).isEqualTo(1);
        assertThat(auc.err())
                .isEqualTo(
                        "clinval: the sample size exceeds 2^31 cases: the half-width 1.0E-12 is too"
                                + " small for the anticipated AUC 0.9 at 1.0 negatives per positive\n");
    }

    @Test
    void theLargestAnsweredStudyStillFitsAnInt() {
        // Python 3.11: from statistics import NormalDist; import math; z =
        // NormalDist().inv_cdf(0.975)
        // math.ceil(z * z * 0.9 * 0.1 / (0.0005 ** 2 * 0.3)) = 4609751
        CliRun r =
                run(
                        "stats sample-size --measure sensitivity --anticipated 0.9 --half-width 0.0005"
                                + " --prevalence 0.3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("n").asLong()).isEqualTo(4_609_751L);
    }

    @Test
    void equalMassBinsNeedACaseEach() {
        CliRun r = run("stats calibration --csv {csv} --label y --prob p --binning mass --bins 41");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: --bins 41 is more than the 40 cases of "
                                + csv
                                + ": equal-mass binning needs at least one case per bin\n");
        // Equal-width bins may outnumber the cases: the empty ones are answered as empty.
        CliRun wide = run("stats calibration --csv {csv} --label y --prob p --bins 10000");
        assertThat(wide.exit()).as(wide.err()).isZero();
        assertThat(wide.json().get("n_bins").asInt()).isEqualTo(10_000);
    }

    @Test
    void kappaRefusesATableOfMillionsOfCells() throws IOException {
        List<String> rows = new ArrayList<>(List.of("id,id2"));
        for (int i = 0; i < 1001; i++) rows.add("case" + i + ",case" + i);
        Path ids = Files.write(dir.resolve("ids.csv"), rows);
        CliRun r =
                CliRun.of(
                        "stats",
                        "kappa",
                        "--csv",
                        ids.toString(),
                        "--rater1",
                        "id",
                        "--rater2",
                        "id2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: "
                                + ids
                                + ": columns 'id' and 'id2' hold 1001 distinct ratings, more than the"
                                + " 1000 categories kappa takes (are these the raters' columns?)\n");
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < 1001; i++) categories.add("case" + i);
        String many = String.join(",", categories);
        CliRun listed =
                CliRun.of(
                        "stats",
                        "kappa",
                        "--csv",
                        ids.toString(),
                        "--rater1",
                        "id",
                        "--rater2",
                        "id2",
                        "--categories",
                        many);
        assertThat(listed.exit()).isEqualTo(2);
        assertThat(listed.err())
                .startsWith(
                        "clinval: --categories lists 1001 categories, more than the 1000 kappa takes\n");
    }

    @Test
    void aNegativeSegToleranceIsAUsageError() throws IOException {
        CliRun r =
                CliRun.of(
                        "stats",
                        "seg",
                        "--pred",
                        "a.nii",
                        "--truth",
                        "b.nii",
                        "--tolerance",
                        "NaN");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("clinval: --tolerance is not a finite number of at least 0: NaN\n");
    }
}
