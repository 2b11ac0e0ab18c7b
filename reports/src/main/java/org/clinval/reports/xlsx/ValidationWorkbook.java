package org.clinval.reports.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.clinval.reports.ReportException;
import org.clinval.reports.internal.Text;
import org.clinval.reports.model.CaseRow;
import org.clinval.reports.model.QuarantineRow;
import org.clinval.reports.model.SubgroupRow;
import org.clinval.reports.model.ValidationReport;
import org.clinval.validation.interval.Proportion;

/**
 * Writes the validation workbook: sheets "Cases" (one row per analysed case, header frozen, with an
 * autofilter), "Metrics" (identification, every endpoint, the confusion matrix, the AUC), "ROC"
 * (the curve's points and a native scatter chart), "Subgroups" and "Quarantine"; a segmentation or
 * detection study adds its sheets after them ({@link TaskSheets}). Every number is a number cell;
 * an undefined value is the text {@code undefined} with its reason beside it.
 */
public final class ValidationWorkbook {

    /** The "Cases" sheet's columns, in order. */
    static final List<String> CASE_COLUMNS =
            List.of(
                    "Case",
                    "Site",
                    "Manufacturer",
                    "Reference label",
                    "Score",
                    "Prediction",
                    "Outcome",
                    "Model SHA-256",
                    "Dataset manifest SHA-256");

    /** The "Subgroups" sheet's columns, in order. */
    static final List<String> SUBGROUP_COLUMNS =
            List.of(
                    "Attribute",
                    "Value",
                    "Cases",
                    "Positives",
                    "Negatives",
                    "Sensitivity",
                    "Sensitivity CI lower",
                    "Sensitivity CI upper",
                    "Specificity",
                    "Specificity CI lower",
                    "Specificity CI upper",
                    "Interval method",
                    "AUC",
                    "AUC CI lower",
                    "AUC CI upper",
                    "Warnings",
                    "Undefined because");

    private ValidationWorkbook() {}

    /**
     * Writes the workbook of {@code report} and its {@code cases} to {@code xlsx}, replacing it.
     * The file appears complete or not at all.
     *
     * @throws IllegalArgumentException if the cases are not the report's results
     * @throws ReportException if the file cannot be written
     */
    public static void write(ValidationReport report, List<CaseRow> cases, Path xlsx)
            throws ReportException {
        if (cases.size() != report.dataset().results()) {
            throw new IllegalArgumentException(
                    "the workbook lists "
                            + cases.size()
                            + " cases but the report has "
                            + report.dataset().results()
                            + " results");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Cells cells = new Cells(wb);
            cases(wb, cells, cases);
            MetricsSheet.write(wb, cells, report);
            RocSheet.write(wb, cells, report);
            subgroups(wb, cells, report.subgroups());
            quarantine(wb, cells, report.quarantine());
            report.segmentation().ifPresent(s -> TaskSheets.segmentation(wb, cells, s));
            report.grading().ifPresent(g -> GradingSheets.grading(wb, cells, g));
            report.detection().ifPresent(d -> TaskSheets.detection(wb, cells, d));
            report.explanations().ifPresent(e -> ExplanationSheet.write(wb, cells, e));
            report.readerStudy().ifPresent(x -> ReaderStudySheet.write(wb, cells, x));
            Workbooks.properties(
                    wb,
                    "Validation workbook "
                            + report.study().id()
                            + ", run "
                            + report.study().runId(),
                    report.study().softwareVersion(),
                    report.study().date());
            Workbooks.save(wb, xlsx, "the validation workbook");
        } catch (IOException e) {
            throw new ReportException(
                    "the validation workbook could not be closed: " + xlsx.toAbsolutePath(), e);
        }
    }

    private static void cases(XSSFWorkbook wb, Cells cells, List<CaseRow> cases) {
        XSSFSheet sheet = wb.createSheet("Cases");
        cells.header(sheet, 0, CASE_COLUMNS);
        for (int i = 0; i < cases.size(); i++) {
            CaseRow c = cases.get(i);
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, c.caseId());
            Cells.text(row, 1, c.site());
            Cells.text(row, 2, c.manufacturer());
            Cells.integer(row, 3, c.label());
            cells.score(row, 4, c.score());
            Cells.integer(row, 5, c.prediction());
            Cells.text(row, 6, outcome(c));
            Cells.text(row, 7, c.modelSha256());
            Cells.text(row, 8, c.datasetSha256());
        }
        Cells.filterable(sheet, 0, cases.size(), CASE_COLUMNS.size());
        Cells.widths(sheet, 12, 8, 14, 10, 10, 10, 9, 68, 68);
        Cells.printable(sheet, 1);
    }

    private static String outcome(CaseRow c) {
        if (c.label() == 1) {
            return c.prediction() == 1 ? "TP" : "FN";
        }
        return c.prediction() == 1 ? "FP" : "TN";
    }

    private static void subgroups(XSSFWorkbook wb, Cells cells, List<SubgroupRow> subgroups) {
        XSSFSheet sheet = wb.createSheet("Subgroups");
        cells.header(sheet, 0, SUBGROUP_COLUMNS);
        for (int i = 0; i < subgroups.size(); i++) {
            SubgroupRow s = subgroups.get(i);
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, s.attribute());
            Cells.text(row, 1, s.value());
            Cells.integer(row, 2, s.n());
            Cells.integer(row, 3, s.sensitivity().trials());
            Cells.integer(row, 4, s.specificity().trials());
            proportion(cells, row, 5, s.sensitivity(), s);
            proportion(cells, row, 8, s.specificity(), s);
            Cells.text(row, 11, Text.method(s.ciMethod()));
            StringBuilder undefined = new StringBuilder();
            s.sensitivity().undefinedReason().ifPresent(r -> undefined.append(r).append("; "));
            s.specificity().undefinedReason().ifPresent(r -> undefined.append(r).append("; "));
            if (s.auc().isPresent()) {
                cells.decimal(row, 12, s.auc().get().auc());
                cells.interval(row, 13, s.auc().get().ci(), Text.UNDEFINED);
                s.auc().get().undefinedReason().ifPresent(r -> undefined.append(r).append("; "));
            } else {
                Cells.text(row, 12, Text.UNDEFINED);
                Cells.text(row, 13, Text.UNDEFINED);
                Cells.text(row, 14, Text.UNDEFINED);
                undefined.append("AUC is undefined: the subgroup lacks a class; ");
            }
            Cells.text(row, 15, String.join("; ", s.warnings()));
            if (undefined.length() > 0) {
                Cells.text(row, 16, undefined.substring(0, undefined.length() - 2));
            }
        }
        sheet.createFreezePane(2, 1);
        Cells.widths(sheet, 14, 12, 8, 10, 10, 11, 11, 11, 11, 11, 11, 15, 8, 10, 10, 90, 60);
        Cells.printable(sheet, 1);
    }

    private static void proportion(Cells cells, Row row, int col, Proportion p, SubgroupRow s) {
        cells.estimate(row, col, p.estimate());
        cells.interval(row, col + 1, p.interval(s.ciMethod()), Text.UNDEFINED);
    }

    private static void quarantine(XSSFWorkbook wb, Cells cells, List<QuarantineRow> quarantine) {
        XSSFSheet sheet = wb.createSheet("Quarantine");
        cells.header(sheet, 0, List.of("Case", "Input", "Reason"));
        for (int i = 0; i < quarantine.size(); i++) {
            QuarantineRow q = quarantine.get(i);
            Row row = sheet.createRow(i + 1);
            Cells.text(row, 0, q.caseId());
            Cells.text(row, 1, q.input());
            Cells.text(row, 2, q.reason());
        }
        sheet.createFreezePane(0, 1);
        Cells.widths(sheet, 12, 26, 90);
        Cells.printable(sheet, 1);
    }
}
