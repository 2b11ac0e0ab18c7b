package org.clinval.app.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clinval.app.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files as users and attackers hand them over: from a spreadsheet with a byte-order mark, with
 * a header only, with a column named twice, as a folder, as binary junk, with a 5 MB value. Each
 * error is one line naming the file, and any value it echoes is cut and shows invisible characters.
 */
class CsvInputTest {

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static CliRun binary(Path csv) {
        return CliRun.of(
                "stats",
                "binary",
                "--csv",
                csv.toString(),
                "--label",
                "label",
                "--score",
                "score",
                "--threshold",
                "0.5");
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        Path f = write("bom.csv", "\uFEFFlabel,score\n1,0.9\n0,0.1\n1,0.7\n0,0.3\n");
        CliRun r = binary(f);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("n").asInt()).isEqualTo(4);
        assertThat(r.json().get("tp").asInt()).isEqualTo(2);
    }

    @Test
    void anInvisibleCharacterLeftInAColumnNameIsShown() throws IOException {
        Path f = write("bom2.csv", "\uFEFF\uFEFFlabel,score\u200B\n1,0.9\n0,0.1\n");
        CliRun r = binary(f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: "
                                + f
                                + ": no column 'label'; the columns are: '\\uFEFFlabel',"
                                + " 'score\\u200B'\n");
    }

    @Test
    void aHeaderWithoutRowsIsAnError() throws IOException {
        Path f = write("header.csv", "label,score\n# a comment\n\n");
        CliRun r = binary(f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("clinval: " + f + ": no data rows, only the header\n");
    }

    @Test
    void aColumnNamedTwiceIsAnErrorNamingBothPositions() throws IOException {
        Path f = write("dup.csv", "label,score,label\n1,0.5,0\n0,0.2,1\n");
        CliRun r = binary(f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: "
                                + f
                                + ": the header names column 'label' twice, at positions 1 and 3\n");
    }

    @Test
    void aFiveMegabyteValueIsCutInTheMessage() throws IOException {
        Path f = write("huge.csv", "label,score\n1," + "x".repeat(5_000_000) + "\n0,0.1\n");
        CliRun r = binary(f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo(
                        "clinval: "
                                + f
                                + " line 2, column 'score': not a number: '"
                                + "x".repeat(80)
                                + "'… (5000000 characters, the first 80 shown)\n");
    }

    @Test
    void aLongHeaderIsListedInPart() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30; i++) names.add("c" + i);
        Path f = write("wide.csv", String.join(",", names) + "\n" + "0,".repeat(29) + "0\n");
        CliRun r = binary(f);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("clinval: " + f + ": no column 'label'; the columns are: 'c0', 'c1',")
                .endsWith(", 'c19', … (30 in all)\n");
    }

    @Test
    void notACsvFileIsNamed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertThat(binary(folder).err())
                .isEqualTo("clinval: " + folder + ": is a folder, not a CSV file\n");
        Path junk = Files.write(dir.resolve("junk.csv"), new byte[] {(byte) 0xC3, 0x28, 0, 1, 2});
        assertThat(binary(junk).err())
                .isEqualTo(
                        "clinval: "
                                + junk
                                + " line 1: not UTF-8 text (byte 0xC3 at position 1 of the line);"
                                + " save the file as UTF-8\n");
        Path empty = write("empty.csv", "");
        assertThat(binary(empty).err()).isEqualTo("clinval: " + empty + ": no header row\n");
        for (Path p : List.of(folder, junk, empty)) assertThat(binary(p).exit()).isEqualTo(1);
    }

    @Test
    void froCandidatesMayBeEmptyForADetectorThatMarkedNothing() throws IOException {
        Path c = write("c.csv", "scan,x,y,z,score\n");
        Path t = write("t.csv", "scan,x,y,z,radius\na,0,0,0,5\nb,0,0,0,5\n");
        CliRun r =
                CliRun.of(
                        "stats",
                        "froc",
                        "--candidates",
                        c.toString(),
                        "--truth",
                        t.toString(),
                        "--scans",
                        "4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("n_candidates").asInt()).isZero();
        assertThat(r.json().get("n_lesions_hit").asInt()).isZero();
    }
}
