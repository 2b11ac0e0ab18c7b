package org.clinval.compliance;

import java.util.List;

/**
 * How a table's columns share the width, alike in the Word document and its PDF: by the length of
 * what they hold (a statement column wide, an id or a count narrow), within bounds so that no word
 * is broken and no column is squeezed to nothing.
 */
final class ColumnWidths {

    private ColumnWidths() {}

    /** The widths of {@code table}'s columns, in the unit of {@code width}, summing to about it. */
    static int[] of(Doc.Table table, int width) {
        int cols = table.header().size();
        double[] weight = new double[cols];
        for (int c = 0; c < cols; c++) {
            // No word is broken (the longest word fits), and long texts get more room.
            double word = longestWord(table.header().get(c)) + 3;
            double longest = 0;
            for (List<String> row : table.rows()) {
                if (c >= row.size()) continue;
                // References are set small; a cell that is only a reference keeps it.
                String stripped = DocxWriter.REF.matcher(row.get(c)).replaceAll("").strip();
                String cell = stripped.isEmpty() ? row.get(c) : stripped;
                word = Math.max(word, Math.min(longestWord(cell), 24) + 3);
                longest = Math.max(longest, cell.length());
            }
            weight[c] = Math.max(word, Math.min(longest, 60) * 0.6);
        }
        double sum = java.util.Arrays.stream(weight).sum();
        int[] widths = new int[cols];
        int used = 0;
        for (int c = 0; c < cols; c++) {
            widths[c] = (int) Math.round(width * weight[c] / sum);
            used += widths[c];
        }
        // Rounding leaves the last column the remainder, so the table is exactly the width.
        if (cols > 0) widths[cols - 1] += width - used;
        return widths;
    }

    private static int longestWord(String text) {
        int best = 0;
        for (String w : text.split("[\\s]+")) best = Math.max(best, w.length());
        return best;
    }
}
