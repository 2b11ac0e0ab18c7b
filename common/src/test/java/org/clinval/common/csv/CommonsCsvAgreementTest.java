package org.clinval.common.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader splits files as commons-csv 1.14 does with the format the suite used before (RFC 4180,
 * {@code #} comments, surrounding spaces ignored, empty lines skipped): random texts over the
 * characters that matter (quotes, delimiters, CR, LF, spaces, {@code #}) must give the same values,
 * or both readers must refuse the file.
 */
class CommonsCsvAgreementTest {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .get();

    private static final String PLAIN = "ab1 \t#";
    private static final String QUOTED = "a1 ,\n\r#";
    private static final String NOISE = ",\"\n\r# ";
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    @TempDir Path dir;

    /** The values of columns a and b per row as commons-csv reads them, or null if it refuses. */
    private static List<List<String>> commons(String text) {
        try (CSVParser p = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = p.getHeaderNames();
            if (!header.equals(List.of("a", "b"))) return null;
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : p) {
                if (r.size() != 2) return null;
                rows.add(List.of(r.get(0), r.get(1)));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return null;
        }
    }

    private List<List<String>> ours(String text) throws IOException {
        Path f = Files.writeString(dir.resolve("f.csv"), text, StandardCharsets.UTF_8);
        try {
            CsvColumns c = CsvReader.builder().text("a").text("b").build().read(f);
            String[] a = c.text("a").strings();
            String[] b = c.text("b").strings();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < a.length; i++) rows.add(List.of(a[i], b[i]));
            return rows;
        } catch (CsvException e) {
            return null;
        }
    }

    @Test
    void randomTextsSplitAsCommonsCsvSplitsThem() throws IOException {
        SplittableRandom random = new SplittableRandom(16);
        int agreedValid = 0;
        for (int i = 0; i < 3_000; i++) {
            String text = text(random);
            List<List<String>> expected = commons(text);
            if (expected != null
                    && expected.stream().flatMap(List::stream).anyMatch(String::isEmpty)) {
                continue; // an empty value is refused by the text columns, by design
            }
            assertThat(ours(text))
                    .as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(expected);
            if (expected != null && !expected.isEmpty()) agreedValid++;
        }
        // The comparison is only worth something if many texts were valid files with rows.
        assertThat(agreedValid).as("valid files with rows").isGreaterThan(1_000);
    }

    /**
     * Returns a file of a few rows of two fields, plain or quoted, with blank and comment lines and
     * line ends of every kind, and now and then a stray character that may break it.
     */
    private static String text(SplittableRandom random) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "a,b\n" : "a , \"b\"\r\n");
        int rows = random.nextInt(0, 5);
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(5) == 0) s.append(random.nextBoolean() ? "# note" : "");
            field(random, s);
            s.append(',');
            field(random, s);
            s.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
        }
        if (random.nextInt(3) == 0) {
            s.insert(random.nextInt(s.length() + 1), NOISE.charAt(random.nextInt(NOISE.length())));
        }
        return s.toString();
    }

    private static void field(SplittableRandom random, StringBuilder s) {
        int n = random.nextInt(1, 5);
        if (random.nextBoolean()) {
            for (int i = 0; i < n; i++) s.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            return;
        }
        s.append(random.nextBoolean() ? " \"" : "\"");
        for (int i = 0; i < n; i++) {
            char c = QUOTED.charAt(random.nextInt(QUOTED.length()));
            s.append(random.nextInt(6) == 0 ? "\"\"" : String.valueOf(c));
        }
        s.append(random.nextBoolean() ? "\" " : "\"");
    }
}
