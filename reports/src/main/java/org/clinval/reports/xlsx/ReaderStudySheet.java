package org.clinval.reports.xlsx;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.model.ReaderStudySection;

/**
 * The workbook's "Reader study" sheet: each modality's reader-averaged AUC and the difference aided
 * − unaided with interval, p-value and df (unrounded; an undefined value is the text {@code
 * undefined}), with a threshold the readers' sensitivity and specificity likewise (z for df), each
 * reader's AUCs, the reads accounted for, the endpoints judged on the difference and the variance
 * components.
 */
final class ReaderStudySheet {

    static final List<String> COLUMNS =
            List.of("Modality", "AUC", "CI lower", "CI upper", "p-value", "df", "Undefined");

    private ReaderStudySheet() {}

    static void write(XSSFWorkbook wb, Cells cells, ReaderStudySection s) {
        XSSFSheet sheet = wb.createSheet("Reader study");
        cells.header(sheet, 0, COLUMNS);
        int at = 1;
        for (ReaderStudySection.Value v : List.of(s.unaided(), s.aided(), s.difference())) {
            Row row = sheet.createRow(at++);
            Cells.text(row, 0, v.name());
            cells.estimate(row, 1, v.estimate());
            cells.interval(row, 2, v.ci(), "undefined");
            cells.estimate(row, 4, v.p());
            cells.estimate(row, 5, v.df());
            Cells.text(row, 6, v.undefinedReason().orElse(""));
        }
        for (ReaderStudySection.Proportion p : s.proportions()) {
            at++;
            cells.header(
                    sheet,
                    at++,
                    List.of(
                            p.measure() + " (" + p.call() + ")",
                            p.measure(),
                            "CI lower",
                            "CI upper",
                            "p-value",
                            "z",
                            "Undefined"));
            for (ReaderStudySection.Share v : List.of(p.unaided(), p.aided(), p.difference())) {
                Row row = sheet.createRow(at++);
                Cells.text(row, 0, v.name());
                cells.estimate(row, 1, v.estimate());
                cells.interval(row, 2, v.ci(), "undefined");
                if (v == p.difference()) {
                    // A modality's proportion is not tested: its p and z cells stay empty.
                    cells.estimate(row, 4, v.p());
                    cells.estimate(row, 5, v.z());
                }
                Cells.text(row, 6, v.undefinedReason().orElse(p.undefinedReason().orElse("")));
            }
        }
        at++;
        cells.header(
                sheet,
                at++,
                List.of("Reader", "AUC " + name(s.unaided()), "AUC " + name(s.aided())));
        for (ReaderStudySection.ReaderRow x : s.perReader()) {
            Row row = sheet.createRow(at++);
            Cells.text(row, 0, x.reader());
            cells.estimate(row, 1, x.unaided());
            cells.estimate(row, 2, x.aided());
        }
        at++;
        at = pair(sheet, at, "Method", s.method());
        at = pair(sheet, at, "Design", s.design().orElse("undefined"));
        Row level = sheet.createRow(at++);
        Cells.text(level, 0, "Level");
        cells.level(level, 1, s.level());
        Row cases = sheet.createRow(at++);
        Cells.text(cases, 0, "Cases positive / negative");
        Cells.integer(cases, 1, s.positives());
        Cells.integer(cases, 2, s.negatives());
        Row reads = sheet.createRow(at++);
        Cells.text(reads, 0, "Reads in / analysed / excluded");
        Cells.integer(reads, 1, s.readsIn());
        Cells.integer(reads, 2, s.readsAnalysed());
        Cells.integer(reads, 3, s.readsIn() - s.readsAnalysed());
        for (ReaderStudySection.Excluded x : s.excluded()) {
            at =
                    pair(
                            sheet,
                            at,
                            "Excluded",
                            x.reads() + " reads of " + x.cases() + " cases: " + x.reason());
        }
        for (ReaderStudySection.Judged j : s.endpoints()) {
            at =
                    pair(
                            sheet,
                            at,
                            j.id() + (j.passed() ? " PASS" : " FAIL"),
                            j.criterion() + " — " + String.join("; ", j.reasons()));
        }
        for (Map.Entry<String, Double> e : s.components().entrySet()) {
            Row row = sheet.createRow(at++);
            Cells.text(row, 0, e.getKey());
            cells.estimate(
                    row,
                    1,
                    Double.isFinite(e.getValue())
                            ? java.util.OptionalDouble.of(e.getValue())
                            : java.util.OptionalDouble.empty());
        }
        s.undefinedReason().ifPresent(u -> pair(sheet, sheet.getLastRowNum() + 1, "Undefined", u));
        Cells.printable(sheet, 1);
    }

    private static String name(ReaderStudySection.Value v) {
        return v.name().replace(" (reference)", "").replace(" (test)", "");
    }

    private static int pair(XSSFSheet sheet, int at, String key, String value) {
        Row row = sheet.createRow(at);
        Cells.text(row, 0, key);
        Cells.text(row, 1, value);
        return at + 1;
    }
}
