package org.clinval.reports.xlsx;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.model.ExplanationCaseRow;
import org.clinval.reports.model.ExplanationSection;

/**
 * The workbook's "Explanations" sheet: every explanation map with its scores, as {@code
 * explanations.csv} has them (unrounded; an undefined value is the text {@code undefined}), then
 * the method, its parameters and the pointing-game rate.
 */
final class ExplanationSheet {

    static final List<String> COLUMNS =
            List.of(
                    "Case",
                    "Kind",
                    "Method",
                    "Target",
                    "Score",
                    "Prediction",
                    "Truth",
                    "Pointing hit",
                    "Energy in lesion",
                    "Lesion pixels",
                    "Files",
                    "Problem");

    private ExplanationSheet() {}

    static void write(XSSFWorkbook wb, Cells cells, ExplanationSection s) {
        XSSFSheet sheet = wb.createSheet("Explanations");
        cells.header(sheet, 0, COLUMNS);
        int n = s.cases().size();
        for (int i = 0; i < n; i++) {
            ExplanationCaseRow c = s.cases().get(i);
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, c.caseId());
            Cells.text(row, 1, c.kind());
            Cells.text(row, 2, s.method());
            Cells.text(row, 3, c.target());
            cells.score(row, 4, c.score());
            Cells.text(row, 5, c.prediction());
            Cells.text(row, 6, c.truth());
            Cells.text(row, 7, c.pointingHit().map(h -> h ? "hit" : "miss").orElse("no lesion"));
            cells.estimate(row, 8, c.energyInMask());
            Cells.integer(row, 9, c.lesionPixels());
            Cells.text(row, 10, c.folder());
            Cells.text(row, 11, c.problem());
        }
        Cells.filterable(sheet, 0, n, COLUMNS.size());
        int at = n + 2;
        Row method = sheet.createRow(at++);
        Cells.text(method, 0, "Method");
        Cells.text(
                method,
                1,
                s.method() + (s.parameters().isEmpty() ? "" : " (" + s.parameters() + ")"));
        Row draw = sheet.createRow(at++);
        Cells.text(draw, 0, "Draw");
        Cells.text(
                draw,
                1,
                s.perKind()
                        + " per kind of "
                        + String.join(", ", s.kinds())
                        + ", seed "
                        + s.seed());
        Row rate = sheet.createRow(at++);
        Cells.text(rate, 0, "Pointing rate");
        cells.estimate(rate, 1, s.pointing().rate());
        cells.interval(rate, 2, s.pointing().ci(), "undefined");
        Cells.text(
                rate,
                4,
                s.pointing().hits() + " / " + s.pointing().trials() + " maps with a lesion");
        Row energy = sheet.createRow(at++);
        Cells.text(energy, 0, "Mean energy in lesion");
        cells.estimate(energy, 1, s.energyMean());
        cells.interval(energy, 2, s.energyCi(), "undefined");
        Cells.text(
                energy,
                4,
                s.energyDefined() + " maps defined, " + s.energyUndefined() + " undefined");
        Row level = sheet.createRow(at);
        Cells.text(level, 0, "Level");
        cells.level(level, 1, s.level());
        Cells.printable(sheet, 1);
    }
}
