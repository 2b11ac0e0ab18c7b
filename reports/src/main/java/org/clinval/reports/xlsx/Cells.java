package org.clinval.reports.xlsx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.internal.Palette;
import org.clinval.reports.internal.Text;
import org.clinval.reports.internal.Tone;
import org.clinval.validation.Interval;

/**
 * The cell styles and typed cell writers of every workbook of the suite. Numbers are written as
 * numbers (never as text, never NaN: a non-finite value is refused), undefined values as the text
 * {@code undefined}; coloured cells take their colours from {@link Palette}.
 */
final class Cells {

    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle decimal;
    private final CellStyle threshold;
    private final CellStyle percent;
    private final CellStyle wrap;
    private final XSSFWorkbook wb;
    private final Map<String, CellStyle> coloured = new HashMap<>();

    Cells(XSSFWorkbook wb) {
        this.wb = wb;
        XSSFCellStyle head = wb.createCellStyle();
        head.setFont(font(Palette.HEADING, true));
        head.setFillForegroundColor(color(Palette.HEADER_FILL));
        head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header = head;
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        Font large = wb.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 12);
        title = wb.createCellStyle();
        title.setFont(large);
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.000"));
        threshold = wb.createCellStyle();
        threshold.setDataFormat(wb.createDataFormat().getFormat("0.0000"));
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
    }

    /**
     * Writes a header row of {@code names} at {@code rowIndex}, widening each column to show its
     * name on one line.
     */
    void header(Sheet sheet, int rowIndex, List<String> names) {
        Row row = row(sheet, rowIndex);
        for (int c = 0; c < names.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(header);
            widen(sheet, c, names.get(c).length() + 3);
        }
    }

    /** Writes a section title at {@code rowIndex}. */
    void title(Sheet sheet, int rowIndex, String text) {
        Cell cell = row(sheet, rowIndex).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(title);
    }

    /** Writes text. */
    static void text(Row row, int col, String value) {
        row.createCell(col).setCellValue(value);
    }

    /** Writes text that wraps within its column. */
    void wrapped(Row row, int col, String value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(wrap);
    }

    /** Writes a whole number. */
    static void integer(Row row, int col, long value) {
        row.createCell(col).setCellValue(value);
    }

    /** Writes a number shown with three decimals. */
    void decimal(Row row, int col, double value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(finite(value));
        cell.setCellStyle(decimal);
    }

    /** Writes a score or threshold, shown with four decimals. */
    void score(Row row, int col, double value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(finite(value));
        cell.setCellStyle(threshold);
    }

    /** Writes a confidence level as a percentage. */
    void level(Row row, int col, double value) {
        Cell cell = row.createCell(col);
        cell.setCellValue(finite(value));
        cell.setCellStyle(percent);
    }

    /** Writes the estimate, or {@code undefined}. */
    void estimate(Row row, int col, OptionalDouble value) {
        if (value.isPresent()) {
            decimal(row, col, value.getAsDouble());
        } else {
            text(row, col, Text.UNDEFINED);
        }
    }

    /**
     * Writes the interval's bounds into {@code col} and {@code col + 1}, or {@code absent} into
     * both.
     */
    void interval(Row row, int col, Optional<Interval> ci, String absent) {
        if (ci.isPresent()) {
            decimal(row, col, ci.get().lower());
            decimal(row, col + 1, ci.get().upper());
        } else {
            text(row, col, absent);
            text(row, col + 1, absent);
        }
    }

    /**
     * Writes text on a coloured fill, e.g. a region of the acceptability matrix, wrapping within
     * its column.
     */
    void filled(Row row, int col, String value, Palette.Swatch swatch) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(
                coloured.computeIfAbsent(
                        "fill " + swatch,
                        k -> {
                            XSSFCellStyle style = wb.createCellStyle();
                            style.setFillForegroundColor(color(swatch.fill()));
                            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                            style.setFont(font(swatch.ink(), false));
                            style.setWrapText(true);
                            style.setVerticalAlignment(VerticalAlignment.TOP);
                            return style;
                        }));
    }

    /** Writes an outcome in bold, in the colour of its tone: PASSED, NOT EFFECTIVE, MISSING. */
    void toned(Row row, int col, String value, Tone tone) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(
                coloured.computeIfAbsent(
                        "tone " + tone,
                        k -> {
                            XSSFCellStyle style = wb.createCellStyle();
                            style.setFont(font(tone.ink(), true));
                            style.setVerticalAlignment(VerticalAlignment.TOP);
                            return style;
                        }));
    }

    private XSSFFont font(int rgb, boolean bold) {
        XSSFFont font = wb.createFont();
        font.setColor(color(rgb));
        font.setBold(bold);
        return font;
    }

    private static XSSFColor color(int rgb) {
        return new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
    }

    /**
     * Makes a table filterable: an autofilter over its header row {@code headerRow} and data rows
     * up to {@code lastRow}, and the rows down to the header frozen.
     */
    static void filterable(Sheet sheet, int headerRow, int lastRow, int columns) {
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setAutoFilter(
                new CellRangeAddress(headerRow, Math.max(lastRow, headerRow), 0, columns - 1));
    }

    /** Returns row {@code index} of {@code sheet}, creating it if needed. */
    static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    /**
     * Prints the sheet landscape, one page wide, repeating the first {@code headerRows} rows on
     * every page.
     */
    static void printable(Sheet sheet, int headerRows) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        if (headerRows > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, 0, 0));
        }
    }

    /** Widens columns to at least {@code characters} each, in order from the first. */
    static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            widen(sheet, c, characters[c]);
        }
    }

    private static void widen(Sheet sheet, int column, int characters) {
        if (sheet.getColumnWidth(column) < characters * 256) {
            sheet.setColumnWidth(column, characters * 256);
        }
    }

    private static double finite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a workbook number is not finite: " + value);
        }
        return value;
    }
}
