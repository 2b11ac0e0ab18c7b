package org.clinval.validation.mrmc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinval.validation.Direction;

/**
 * Reads reader studies from iMRMC's {@code .imrmc} format and from a plain CSV file.
 *
 * <p><b>.imrmc</b> (iMRMC's input format): free header lines, then a line {@code BEGIN DATA:}, then
 * rows {@code readerID,caseID,modalityID,score}. A row whose readerID is {@code -1} (or {@code
 * truth}, as iMRMC's R package writes) gives the truth of its case in its score column, {@code 0}
 * (negative) or {@code 1} (positive); its modalityID is not used. Blank lines are skipped.
 *
 * <p><b>CSV</b>: a header row naming the columns {@code reader, case, modality, score, truth} (any
 * order, any case; other columns are ignored) and one row per read; {@code truth} is {@code 0} or
 * {@code 1} and must agree across a case's rows. Fields are separated by commas; a field may be
 * enclosed in double quotes.
 *
 * <p>Every error names the file, the line, the column and what is wrong.
 */
public final class MrmcFiles {

    private static final List<String> IMRMC_COLUMNS =
            List.of("readerID", "caseID", "modalityID", "score");
    private static final List<String> CSV_COLUMNS =
            List.of("reader", "case", "modality", "score", "truth");

    private MrmcFiles() {}

    /** Reads an iMRMC {@code .imrmc} file; scores mean positive in {@code direction}. */
    public static ReaderStudy readImrmc(Path file, Direction direction) throws MrmcFormatException {
        List<String> lines = lines(file);
        int begin = -1;
        for (int i = 0; i < lines.size() && begin < 0; i++) {
            if (lines.get(i).trim().equalsIgnoreCase("BEGIN DATA:")) begin = i;
        }
        if (begin < 0) {
            throw new MrmcFormatException(file + ": no line 'BEGIN DATA:' before the data rows");
        }
        ReaderStudy.Builder b = ReaderStudy.builder(direction);
        for (int i = begin + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            Row row = new Row(file, i + 1, split(line), IMRMC_COLUMNS);
            row.checkWidth(4);
            String reader = row.id(0);
            String caseId = row.id(1);
            if (reader.equals("-1") || reader.equalsIgnoreCase("truth")) {
                boolean truth = row.truth(3);
                row.apply(3, () -> b.setTruth(caseId, truth));
            } else {
                String modality = row.id(2);
                double score = row.number(3);
                row.apply(3, () -> b.addScore(reader, caseId, modality, score));
            }
        }
        return build(file, b);
    }

    /** Reads a CSV file with columns reader, case, modality, score, truth. */
    public static ReaderStudy readCsv(Path file, Direction direction) throws MrmcFormatException {
        List<String> lines = lines(file);
        int h = 0;
        while (h < lines.size() && lines.get(h).isBlank()) h++;
        if (h == lines.size()) throw new MrmcFormatException(file + ": empty file, no header row");
        List<String> header = split(lines.get(h));
        int[] at = new int[CSV_COLUMNS.size()];
        for (int k = 0; k < at.length; k++) {
            at[k] = -1;
            for (int j = 0; j < header.size(); j++) {
                if (header.get(j).trim().equalsIgnoreCase(CSV_COLUMNS.get(k))) at[k] = j;
            }
            if (at[k] < 0) {
                throw new MrmcFormatException(
                        file
                                + " line "
                                + (h + 1)
                                + ": the header has no column \""
                                + CSV_COLUMNS.get(k)
                                + "\" (needs reader, case, modality, score, truth)");
            }
        }
        ReaderStudy.Builder b = ReaderStudy.builder(direction);
        for (int i = h + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            Row row = new Row(file, i + 1, split(line), header);
            row.checkWidth(header.size());
            String reader = row.id(at[0]);
            String caseId = row.id(at[1]);
            String modality = row.id(at[2]);
            double score = row.number(at[3]);
            boolean truth = row.truth(at[4]);
            row.apply(at[4], () -> b.setTruth(caseId, truth));
            row.apply(at[3], () -> b.addScore(reader, caseId, modality, score));
        }
        return build(file, b);
    }

    private static ReaderStudy build(Path file, ReaderStudy.Builder b) throws MrmcFormatException {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MrmcFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) throws MrmcFormatException {
        if (Files.isDirectory(file)) throw new MrmcFormatException(file + ": is a folder");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> out = in.lines().toList();
            if (!out.isEmpty() && out.get(0).startsWith("\uFEFF")) {
                List<String> copy = new ArrayList<>(out);
                copy.set(0, out.get(0).substring(1));
                return copy;
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new MrmcFormatException(file + ": no such file", e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new MrmcFormatException(file + ": not UTF-8 text", e);
            }
            throw new MrmcFormatException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MrmcFormatException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Splits a line at commas; a field enclosed in double quotes loses them ("" is one quote). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"' && f.toString().isBlank()) {
                quoted = true;
                f.setLength(0);
            } else if (ch == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }

    /** One data row, with what it takes to name a bad field. */
    private record Row(Path file, int line, List<String> fields, List<String> names) {

        private String where(int column) {
            String name = column < names.size() ? names.get(column).trim() : "";
            return file + " line " + line + ", column " + (column + 1) + " (\"" + name + "\")";
        }

        void checkWidth(int width) throws MrmcFormatException {
            if (fields.size() != width) {
                throw new MrmcFormatException(
                        file
                                + " line "
                                + line
                                + ": "
                                + fields.size()
                                + " fields, expected "
                                + width
                                + " ("
                                + String.join(",", names)
                                + ")");
            }
        }

        String id(int column) throws MrmcFormatException {
            String v = fields.get(column).trim();
            if (v.isEmpty()) throw new MrmcFormatException(where(column) + ": empty value");
            return v;
        }

        double number(int column) throws MrmcFormatException {
            String v = id(column);
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new MrmcFormatException(where(column) + ": not a number: '" + v + "'");
            }
            if (!Double.isFinite(x)) {
                throw new MrmcFormatException(where(column) + ": not a finite number: '" + v + "'");
            }
            return x;
        }

        boolean truth(int column) throws MrmcFormatException {
            String v = id(column).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "1", "1.0" -> true;
                case "0", "0.0" -> false;
                default ->
                        throw new MrmcFormatException(
                                where(column) + ": truth is not 0 or 1: '" + v + "'");
            };
        }

        void apply(int column, Runnable action) throws MrmcFormatException {
            try {
                action.run();
            } catch (IllegalArgumentException e) {
                throw new MrmcFormatException(where(column) + ": " + e.getMessage(), e);
            }
        }
    }
}
