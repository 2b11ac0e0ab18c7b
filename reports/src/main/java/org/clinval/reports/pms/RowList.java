package org.clinval.reports.pms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detail rows of the report template being built: each row belongs to a section (a numbered
 * heading) and a table (a title and the column header of its kind, reprinted on every page the
 * table spans), and carries its kind, its tone and up to nine formatted cells {@code c1…c9}, or an
 * image with its caption.
 */
final class RowList {

    /** The height of a tall figure, in points; the template's band {@code figure}. */
    static final int TALL = 190;

    /** The height of a short figure, in points; the template's band {@code figureShort}. */
    static final int SHORT = 150;

    /** The width of a figure: the page's text column, in points. */
    static final int WIDTH = 515;

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private String section;
    private String sectionTitle;
    private String sectionNote;
    private String table;
    private String tableTitle;
    private String tableNote;
    private int tables;

    /** Starts section {@code number} titled {@code title}, with an optional note. */
    void section(String number, String title, String note) {
        section = number;
        sectionTitle = title;
        sectionNote = note;
        table(null, null);
    }

    /** Starts a table (or a run of figures) with an optional title and note. */
    void table(String title, String note) {
        table = section + "#" + tables++;
        tableTitle = title;
        tableNote = note;
    }

    /** Adds a row of {@code kind} with {@code tone} (or {@code null}) and its cells. */
    Map<String, Object> add(String kind, String tone, String... cells) {
        if (cells.length > 9) {
            throw new IllegalArgumentException("a row has at most 9 cells: " + cells.length);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("sectionTitle", sectionTitle);
        row.put("sectionNote", sectionNote);
        row.put("table", table);
        row.put("tableTitle", tableTitle);
        row.put("tableNote", tableNote);
        row.put("kind", kind);
        row.put("tone", tone);
        for (int i = 0; i < cells.length; i++) {
            row.put("c" + (i + 1), cells[i]);
        }
        rows.add(row);
        return row;
    }

    /**
     * Adds a figure: a PNG the width of the page and {@value #TALL} or {@value #SHORT} points high,
     * under an optional title, with a caption.
     */
    void figure(byte[] png, int height, String title, String caption) {
        if (height != TALL && height != SHORT) {
            throw new IllegalArgumentException(
                    "a figure is " + TALL + " or " + SHORT + " high: " + height);
        }
        Map<String, Object> row = add(height == TALL ? "figure" : "figureShort", null);
        row.put("image", png);
        row.put("c1", title);
        row.put("caption", caption);
    }

    List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }
}
