package org.clinval.workflows.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How a run's results files are read ({@code case-results.csv}, {@code candidates.csv}, {@code
 * lesions.csv}): RFC 4180 with a header, {@code #} comments, trimmed values; columns by name.
 */
final class ResultsCsv {

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .setTrim(true)
                    .get();

    private ResultsCsv() {}

    /** Parses {@code r}, its first line the header. */
    static CSVParser parse(Reader r) throws IOException {
        return FORMAT.parse(r);
    }

    /**
     * Checks that {@code csv} has every one of {@code columns}, naming the file, the first missing
     * column, {@code of} (e.g. {@code "of a segmentation study"}, or empty) and the columns there.
     */
    static void require(Path file, CSVParser csv, List<String> columns, String of)
            throws IOException {
        for (String c : columns) {
            if (!csv.getHeaderMap().containsKey(c)) {
                throw new IOException(
                        file
                                + ": has no column '"
                                + c
                                + "'"
                                + (of.isEmpty() ? "" : " " + of)
                                + " (columns: "
                                + csv.getHeaderNames()
                                + ")");
            }
        }
    }
}
