package org.clinval.common.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as spreadsheets, scripts and people write them, and the errors a user must be able to act
 * on.
 */
class CsvReaderTest {

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static CsvReader labelAndScore() {
        return CsvReader.builder().text("y").number("s").build();
    }

    @Test
    void quotedValuesMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
        Path f =
                write(
                        "quotes.csv",
                        "id,y,s\n"
                                + "\"a,1\",1,0.5\n"
                                + "\"say \"\"no\"\"\",0,\"0.25\"\n"
                                + "\"two\nlines\",1,0.75\n"
                                + "plain,0,x\n");
        CsvColumns c = CsvReader.builder().text("id").text("y").number("s").build().read(f);
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.text("id").strings())
                .containsExactly("a,1", "say \"no\"", "two\nlines", "plain");
        // The value spanning lines 4 and 5 pushes the next row to line 6.
        assertThat(c.lineOf(2)).isEqualTo(4);
        assertThat(c.lineOf(3)).isEqualTo(6);
        assertThatThrownBy(() -> c.numbers("s"))
                .isInstanceOf(CsvException.class)
                .hasMessage(f + " line 6, column 's': not a number: 'x'");
    }

    @Test
    void aByteOrderMarkCrlfAndABlankTrailingLineAreHowSpreadsheetsWrite() throws Exception {
        Path f = write("excel.csv", "\uFEFFy,s\r\n1,0.9\r\n0,0.1\r\n\r\n\r\n");
        CsvColumns c = labelAndScore().read(f);
        assertThat(c.header()).containsExactly("y", "s");
        assertThat(c.numbers("s")).containsExactly(0.9, 0.1);
        assertThat(c.text("y").strings()).containsExactly("1", "0");
        assertThat(c.lineOf(1)).isEqualTo(3);
    }

    @Test
    void aLoneCarriageReturnEndsALineAndTheLastLineNeedsNoLineEnd() throws Exception {
        Path f = write("cr.csv", "y,s\r1,0.9\r0,bad");
        CsvColumns c = labelAndScore().read(f);
        assertThat(c.size()).isEqualTo(2);
        assertThatThrownBy(() -> c.numbers("s"))
                .hasMessage(f + " line 3, column 's': not a number: 'bad'");
    }

    @Test
    void aBadNumberIsNamedByItsLineCountingCommentsAndBlankLines() throws Exception {
        Path f =
                write(
                        "bad.csv",
                        "# exported 2026-12-05\ny,s\n1,0.9\n\n# a note\n0,0.1\n1, 0.2e \n0,NaN\n");
        CsvColumns c = labelAndScore().read(f);
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.lineOf(0)).isEqualTo(3);
        assertThat(c.lineOf(1)).isEqualTo(6);
        // Only the first bad value is reported, with surrounding white space removed.
        assertThatThrownBy(() -> c.numbers("s"))
                .hasMessage(f + " line 7, column 's': not a number: '0.2e'");
        assertThat(c.text("y").strings()).containsExactly("1", "0", "1", "0");
    }

    @Test
    void emptyAndNonFiniteValuesAreNamed() throws Exception {
        Path empty = write("empty.csv", "y,s\n1,0.9\n,0.1\n");
        assertThatThrownBy(() -> labelAndScore().read(empty).text("y"))
                .hasMessage(empty + " line 3, column 'y': empty value");
        Path inf = write("inf.csv", "y,s\n1,-Infinity\n0,0.1\n");
        assertThatThrownBy(() -> labelAndScore().read(inf).numbers("s"))
                .hasMessage(inf + " line 2, column 's': not a finite number: '-Infinity'");
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() throws IOException {
        Path f = write("cols.csv", "case,truth,model\n1,1,0.5\n");
        assertThatThrownBy(() -> labelAndScore().read(f))
                .isInstanceOf(CsvException.class)
                .hasMessage(f + ": no column 'y'; the columns are: 'case', 'truth', 'model'");
    }

    @Test
    void anEmptyFileHasNoHeaderAndAHeaderAloneHasNoRows() throws Exception {
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> labelAndScore().read(empty)).hasMessage(empty + ": no header row");
        Path comments = write("comments.csv", "# nothing yet\n\n");
        assertThatThrownBy(() -> labelAndScore().read(comments))
                .hasMessage(comments + ": no header row");
        CsvColumns none = labelAndScore().read(write("header.csv", "y,s\n"));
        assertThat(none.size()).isZero();
        assertThat(none.numbers("s")).isEmpty();
    }

    @Test
    void aRaggedRowStopsTheReadingAtItsLine() throws IOException {
        Path f = write("ragged.csv", "y,s\n1,0.9\n0,0.1,7\n1,0.3\n");
        assertThatThrownBy(() -> labelAndScore().read(f))
                .hasMessage(f + " line 3: 3 fields, but the header has 2");
        Path short_ = write("short.csv", "y,s\n1,0.9\n0\n");
        assertThatThrownBy(() -> labelAndScore().read(short_))
                .hasMessage(short_ + " line 3: 1 fields, but the header has 2");
    }

    @Test
    void badQuotingIsNamedByLineAndField() throws IOException {
        Path open = write("open.csv", "y,s\n1,0.9\n0,\"0.1\n1,0.3\n");
        assertThatThrownBy(() -> labelAndScore().read(open))
                .hasMessage(
                        open
                                + " line 3: the quoted value of field 2 is not closed before the"
                                + " end of the file");
        Path after = write("after.csv", "y,s\n1,\"0.9\"x\n");
        assertThatThrownBy(() -> labelAndScore().read(after))
                .hasMessageStartingWith(after + " line 2: text after the closing quote of field 2");
    }

    @Test
    void theHeaderMustNameEachColumnOnce() throws IOException {
        Path twice = write("twice.csv", "y,s,y\n1,0.5,0\n");
        assertThatThrownBy(() -> labelAndScore().read(twice))
                .hasMessage(twice + ": the header names column 'y' twice, at positions 1 and 3");
        Path unnamed = write("unnamed.csv", "y,,s\n1,a,0.5\n");
        assertThatThrownBy(() -> labelAndScore().read(unnamed))
                .hasMessage(unnamed + " line 1: column 2 of the header has no name");
    }

    @Test
    void theFirstByteThatIsNotUtf8IsNamedByLineAndPositionFarIntoTheFile() throws IOException {
        // a Latin-1 'é' (0xE9) on line 30,004 after 30,000 good rows (more than one read buffer),
        // the lines ended by CRLF, with a comment, a blank line and a UTF-8 'é' before it
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("# caf\u00e9\r\ny,s\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 30_000; i++) b.writeBytes("1,0.5\r\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("\r\n0,caf".getBytes(StandardCharsets.US_ASCII));
        b.write(0xE9);
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        Path latin1 = Files.write(dir.resolve("latin1.csv"), b.toByteArray());
        assertThatThrownBy(() -> labelAndScore().read(latin1))
                .hasMessage(
                        latin1
                                + " line 30004: not UTF-8 text (byte 0xE9 at position 6 of the line);"
                                + " save the file as UTF-8");
        // the same line number as the reader gives a ragged row at that place
        byte[] ragged = b.toByteArray();
        ragged[ragged.length - 3] = ',';
        Path shape = Files.write(dir.resolve("ragged.csv"), ragged);
        assertThatThrownBy(() -> labelAndScore().read(shape))
                .hasMessage(shape + " line 30004: 3 fields, but the header has 2");
        // a sequence cut off at the end of the file
        Path cut =
                Files.write(
                        dir.resolve("cut.csv"),
                        new byte[] {'y', ',', 's', '\n', '1', ',', (byte) 0xE2, (byte) 0x82});
        assertThatThrownBy(() -> labelAndScore().read(cut))
                .hasMessageStartingWith(cut + " line 2: not UTF-8 text (byte 0xE2");
    }

    @Test
    void notUtf8AFolderAndAMissingFileAreNamed() throws IOException {
        Path junk = Files.write(dir.resolve("junk.csv"), new byte[] {'y', ',', (byte) 0xC3, 0x28});
        assertThatThrownBy(() -> labelAndScore().read(junk))
                .hasMessage(
                        junk
                                + " line 1: not UTF-8 text (byte 0xC3 at position 3 of the line);"
                                + " save the file as UTF-8");
        assertThatThrownBy(() -> labelAndScore().read(dir))
                .hasMessage(dir + ": is a folder, not a CSV file");
        Path none = dir.resolve("none.csv");
        assertThatThrownBy(() -> labelAndScore().read(none)).hasMessage(none + ": no such file");
    }

    @Test
    void textColumnsKeepEachDistinctValueOnceWithItsFirstRow() throws Exception {
        StringBuilder csv = new StringBuilder("site,y,s\n");
        for (int i = 0; i < 40; i++) csv.append("s").append(i % 13).append(",1,0.5\n");
        CsvColumns c =
                CsvReader.builder()
                        .text("site")
                        .text("y")
                        .number("s")
                        .build()
                        .read(write("t.csv", csv.toString()));
        TextColumn site = c.text("site");
        assertThat(site.values()).hasSize(13).startsWith("s0", "s1").endsWith("s12");
        assertThat(site.firstRow(12)).isEqualTo(12);
        assertThat(site.value(39)).isEqualTo("s0");
        assertThat(c.text("y").values()).containsExactly("1");
    }

    @Test
    void valuesAcrossTheReadBufferBoundariesAreWhole() throws Exception {
        // 200,000 rows of varying width: many values straddle the 64 Ki-character read buffer.
        StringBuilder csv = new StringBuilder("id,y,s\r\n");
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            String id = i % 7 == 0 ? "\"case " + i + "\"" : "c" + "x".repeat(i % 11) + i;
            csv.append(id).append(',').append(i % 3 == 0 ? " 1" : "0").append(',');
            csv.append(i % 5 == 0 ? "\"" + i + ".25\"" : i + ".5").append("\r\n");
        }
        CsvColumns c =
                CsvReader.builder()
                        .text("id")
                        .text("y")
                        .number("s")
                        .build()
                        .read(write("wide.csv", csv.toString()));
        assertThat(c.size()).isEqualTo(n);
        double[] s = c.numbers("s");
        String[] id = c.text("id").strings();
        String[] y = c.text("y").strings();
        for (int i = 0; i < n; i++) {
            assertThat(s[i]).as("row %d", i).isEqualTo(i + (i % 5 == 0 ? 0.25 : 0.5));
            assertThat(id[i])
                    .as("row %d", i)
                    .isEqualTo(i % 7 == 0 ? "case " + i : "c" + "x".repeat(i % 11) + i);
            assertThat(y[i]).as("row %d", i).isEqualTo(i % 3 == 0 ? "1" : "0");
        }
        assertThat(c.lineOf(n - 1)).isEqualTo(n + 1);
    }
}
