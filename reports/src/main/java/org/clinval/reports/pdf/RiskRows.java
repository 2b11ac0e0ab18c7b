package org.clinval.reports.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detail rows of the risk management report as the template reads them: one map per printed
 * row, every value already formatted. The template starts a section with a heading whenever {@code
 * section} changes, a table with its title and column header whenever {@code table} changes, and
 * picks the layout of a row by its {@code kind}.
 */
final class RiskRows {

    /** The sections in print order. */
    static final List<String> SECTIONS =
            List.of(
                    "Risk management plan",
                    "Risk analysis and evaluation",
                    "Risk control measures and their verification",
                    "Traceability matrix",
                    "Gaps",
                    "Overall residual risk",
                    "Electronic signatures");

    private final List<Map<String, Object>> rows = new ArrayList<>();
    private int section;
    private String sectionNote;
    private String table;
    private String tableTitle;
    private String tableNote;
    private int tables;

    /** Starts section {@code number} (from 1) with its note, possibly none. */
    void section(int number, String note) {
        section = number;
        sectionNote = note;
        table = null;
    }

    /** Starts a table of the current section with its title and note, either possibly none. */
    void table(String title, String note) {
        table = section + "." + ++tables;
        tableTitle = title;
        tableNote = note;
    }

    /** Adds a row of {@code kind} to the current table and returns it to be filled. */
    Map<String, Object> add(String kind) {
        if (table == null) {
            table(null, null);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("section", Integer.toString(section));
        row.put("sectionTitle", SECTIONS.get(section - 1));
        row.put("sectionNote", sectionNote);
        row.put("table", table);
        row.put("tableTitle", tableTitle);
        row.put("tableNote", tableNote);
        row.put("kind", kind);
        rows.add(row);
        return row;
    }

    /** Adds a line of text in place of an empty table. */
    void none(String text) {
        add("none").put("noneText", text);
    }

    /** Adds a label and its value. */
    void pair(String label, String value) {
        Map<String, Object> row = add("pair");
        row.put("pLabel", label);
        row.put("pValue", value);
    }

    /** Returns the rows in print order. */
    List<Map<String, Object>> rows() {
        return rows;
    }

    /**
     * Returns {@code text} safe inside the template's styled markup: {@code <}, {@code >} and
     * {@code &} escaped.
     */
    static String markup(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Returns {@code text} in bold, in the colour {@code hex}, as styled markup. */
    static String coloured(String text, String hex) {
        return "<style isBold=\"true\" forecolor=\"" + hex + "\">" + markup(text) + "</style>";
    }
}
